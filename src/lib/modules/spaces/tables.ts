import {
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid,
	date
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { structures } from '../community/tables';

export const spaceKind = pgEnum('space_kind', ['chantier', 'copil', 'autre']);
export const spaceRole = pgEnum('space_role', ['referent', 'membre', 'observateur']);

/** A working-group space: one per chantier, one for the comité de pilotage. */
export const spaces = pgTable('spaces', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	kind: spaceKind('kind').notNull(),
	number: integer('number'),
	title: text('title').notNull(),
	shortTitle: text('short_title'),
	defi: text('defi'),
	summary: text('summary'),
	strategicObjectives: text('strategic_objectives').array().notNull().default([]),
	operationalObjectives: text('operational_objectives').array().notNull().default([]),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const spaceMembers = pgTable(
	'space_members',
	{
		spaceId: uuid('space_id')
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: spaceRole('role').notNull().default('membre'),
		/** Structure the person represents in this space (may differ from their own). */
		structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' }),
		since: date('since'),
		/** Set when the person no longer holds the role (a former référent·e stays listed). */
		until: date('until'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.spaceId, t.userId, t.role] }),
		index('space_members_user_idx').on(t.userId)
	]
);
