// The feuille de route of a space: objectives (strategic or operational), broken into actions
// with owners, a status, a due date and links to productions, and every change kept.
import {
	bigserial,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { spaces } from '../spaces/tables';
import { spaceProductions } from '../productions/tables';

export const objectiveKind = pgEnum('objective_kind', ['strategique', 'operationnel']);
export const actionStatus = pgEnum('action_status', ['a_faire', 'en_cours', 'fait', 'abandonnee']);

export const spaceObjectives = pgTable(
	'space_objectives',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		kind: objectiveKind('kind').notNull(),
		title: text('title').notNull(),
		description: text('description'),
		position: integer('position').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('space_objectives_space_idx').on(t.spaceId, t.position)]
);

export const roadmapActions = pgTable(
	'roadmap_actions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		objectiveId: uuid('objective_id')
			.notNull()
			.references(() => spaceObjectives.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description'),
		status: actionStatus('status').notNull().default('a_faire'),
		dueDate: date('due_date'),
		/** When the action was marked done (kept for the feed and the figures). */
		doneAt: timestamp('done_at', { withTimezone: true }),
		position: integer('position').notNull().default(0),
		/** Incremented on each change: an update names the version it started from. */
		version: integer('version').notNull().default(1),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('roadmap_actions_objective_idx').on(t.objectiveId, t.position),
		index('roadmap_actions_space_idx').on(t.spaceId)
	]
);

export const roadmapActionOwners = pgTable(
	'roadmap_action_owners',
	{
		actionId: uuid('action_id')
			.notNull()
			.references(() => roadmapActions.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.actionId, t.userId] })]
);

export const roadmapActionProductions = pgTable(
	'roadmap_action_productions',
	{
		actionId: uuid('action_id')
			.notNull()
			.references(() => roadmapActions.id, { onDelete: 'cascade' }),
		productionId: uuid('production_id')
			.notNull()
			.references(() => spaceProductions.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.actionId, t.productionId] })]
);

/** History of an action: who changed what, with the values before and after. */
export const roadmapActionChanges = pgTable(
	'roadmap_action_changes',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		actionId: uuid('action_id')
			.notNull()
			.references(() => roadmapActions.id, { onDelete: 'cascade' }),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		/** { field: [before, after] }, or { created: true } for the first entry. */
		changes: jsonb('changes').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('roadmap_action_changes_action_idx').on(t.actionId, t.at)]
);
