// What the spaces produced (référentiels, webinaires, notes…) and the comité de pilotage's
// relevé de décisions.
import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { spaces } from '../spaces/tables';
import { events } from '../agenda/tables';
import { pageVisibility } from '../../server/db/visibility';

export const productionKind = pgEnum('production_kind', [
	'referentiel',
	'webinaire',
	'cartographie',
	'note',
	'fiche',
	'rapport',
	'panorama',
	'outil',
	'autre'
]);

export const spaceProductions = pgTable(
	'space_productions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		kind: productionKind('kind').notNull(),
		date: date('date'),
		/** How precise the date is (the seeds often give a month only). */
		datePrecision: text('date_precision', { enum: ['day', 'month', 'year'] })
			.notNull()
			.default('day'),
		description: text('description'),
		url: text('url'),
		storageKey: text('storage_key'),
		fileName: text('file_name'),
		contentType: text('content_type'),
		fileSize: integer('file_size'),
		visibility: pageVisibility('visibility').notNull().default('public'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('space_productions_space_idx').on(t.spaceId, t.date)]
);

export const decisionStatus = pgEnum('decision_status', [
	'adoptee',
	'en_cours',
	'realisee',
	'ajournee',
	'abandonnee'
]);

/** The comité de pilotage's relevé de décisions (any space may keep one). */
export const spaceDecisions = pgTable(
	'space_decisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		date: date('date').notNull(),
		decision: text('decision').notNull(),
		details: text('details'),
		status: decisionStatus('status').notNull().default('adoptee'),
		/** The meeting where it was taken. */
		eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('space_decisions_space_idx').on(t.spaceId, t.date)]
);
