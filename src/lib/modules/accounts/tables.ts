import { boolean, index, inet, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { structures } from '../community/tables';

export const globalRole = pgEnum('global_role', ['admin', 'coordination', 'copil', 'membre']);
export const userStatus = pgEnum('user_status', ['invited', 'active', 'deleted']);
export const visibility = pgEnum('contact_visibility', ['private', 'members', 'public']);
export const timeKind = pgEnum('time_kind', ['benevole', 'salarie']);

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').unique(),
		passwordHash: text('password_hash'),
		name: text('name').notNull(),
		role: globalRole('role').notNull().default('membre'),
		status: userStatus('status').notNull().default('active'),
		structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' }),
		roleInStructure: text('role_in_structure'),
		bio: text('bio'),
		phone: text('phone'),
		emailVisibility: visibility('email_visibility').notNull().default('members'),
		phoneVisibility: visibility('phone_visibility').notNull().default('private'),
		timeKind: timeKind('time_kind').notNull().default('salarie'),
		isExample: boolean('is_example').notNull().default(false),
		/** Moderates the cartography without being coordination (granted by an admin). */
		cartoModerator: boolean('carto_moderator').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [index('users_structure_idx').on(t.structureId)]
);

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the cookie token: a stolen table gives no usable session. */
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		ip: inet('ip'),
		userAgent: text('user_agent')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const tokenKind = pgEnum('token_kind', ['invitation', 'reset']);

/** Single-use links sent by email (invitation, password reset); stored hashed. */
export const tokens = pgTable('tokens', {
	id: text('id').primaryKey(),
	kind: tokenKind('kind').notNull(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true })
});

export const requestStatus = pgEnum('join_request_status', ['pending', 'approved', 'declined']);

export const joinRequests = pgTable(
	'join_requests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		structureName: text('structure_name'),
		message: text('message'),
		status: requestStatus('status').notNull().default('pending'),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('join_requests_status_idx').on(t.status)]
);
