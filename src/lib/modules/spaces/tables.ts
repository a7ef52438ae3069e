import {
	boolean,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../accounts/tables';
import { structures } from '../community/tables';
import { pageVisibility } from '../../server/db/visibility';

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
	/** Who sees the roadmap, productions, pages list and members: the space decides. */
	detailsVisibility: pageVisibility('details_visibility').notNull().default('members'),
	/** Whether members may ask to join (coordination may close a space to requests). */
	openToRequests: boolean('open_to_requests').notNull().default(true),
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
		/** Stated involvement: what the person brings to the space (seed 004). */
		contribution: text('contribution'),
		/** Time the person expects to give, in hours per month. */
		hoursPerMonth: integer('hours_per_month'),
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

export const spaceRequestKind = pgEnum('space_request_kind', ['demande', 'invitation']);
export const spaceRequestStatus = pgEnum('space_request_status', [
	'en_attente',
	'acceptee',
	'refusee',
	'annulee'
]);

/** A member's request to join a space, or a référent·e's invitation; at most one pending. */
export const spaceJoinRequests = pgTable(
	'space_join_requests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: spaceRequestKind('kind').notNull(),
		status: spaceRequestStatus('status').notNull().default('en_attente'),
		role: spaceRole('role').notNull().default('membre'),
		message: text('message'),
		contribution: text('contribution'),
		hoursPerMonth: integer('hours_per_month'),
		/** Charter version accepted with the request (a request needs the current one). */
		charterVersion: integer('charter_version'),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decisionMessage: text('decision_message'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('space_join_requests_pending_idx')
			.on(t.spaceId, t.userId)
			.where(sql`${t.status} = 'en_attente'`),
		index('space_join_requests_user_idx').on(t.userId)
	]
);
