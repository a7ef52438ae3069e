import { sql } from 'drizzle-orm';
import {
	bigserial,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { spaces } from '../spaces/tables';
import { pageVisibility } from '../../server/db/visibility';

/**
 * Wiki pages: the démarche's editorial pages (no space) and the pages of each space. Title and
 * body are the content of the latest revision, kept here so that reading a page is one row.
 */
export const pages = pgTable(
	'pages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		summary: text('summary'),
		body: text('body').notNull(),
		visibility: pageVisibility('visibility').notNull().default('public'),
		/** Number of the latest revision (1 for a new page). */
		revision: integer('revision').notNull().default(1),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('pages_slug_root_idx')
			.on(t.slug)
			.where(sql`${t.spaceId} is null`),
		uniqueIndex('pages_slug_space_idx')
			.on(t.spaceId, t.slug)
			.where(sql`${t.spaceId} is not null`)
	]
);

/** Every save of a page, numbered from 1; never updated, never deleted while the page lives. */
export const pageRevisions = pgTable(
	'page_revisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		pageId: uuid('page_id')
			.notNull()
			.references(() => pages.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		/** The author's summary of the change ("résumé de la modification"). */
		summary: text('summary'),
		/** The revision the author started from (differs from number - 1 after a merge). */
		baseNumber: integer('base_number'),
		/** Set when this revision restores an earlier one. */
		restoredFrom: integer('restored_from'),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('page_revisions_page_number_idx').on(t.pageId, t.number)]
);

/** Images and files attached to a page, stored through the storage layer. */
export const pageAttachments = pgTable(
	'page_attachments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		pageId: uuid('page_id')
			.notNull()
			.references(() => pages.id, { onDelete: 'cascade' }),
		storageKey: text('storage_key').notNull(),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('page_attachments_page_idx').on(t.pageId)]
);

/**
 * Versions of the charter: a version points at a revision of the charter page. Small edits make
 * revisions; publishing a version asks every member to accept it again.
 */
export const charterVersions = pgTable('charter_versions', {
	version: integer('version').primaryKey(),
	pageId: uuid('page_id')
		.notNull()
		.references(() => pages.id, { onDelete: 'cascade' }),
	revision: integer('revision').notNull(),
	summary: text('summary'),
	publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
	publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow()
});

/** Who accepted which version of the charter, and when. */
export const charterAcceptances = pgTable(
	'charter_acceptances',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		version: integer('version')
			.notNull()
			.references(() => charterVersions.version, { onDelete: 'cascade' }),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.version] })]
);

/** Key dates of the démarche's timeline. */
export const milestones = pgTable('milestones', {
	id: uuid('id').primaryKey().defaultRandom(),
	date: date('date').notNull(),
	/** How precise the date is: a day, a month or a year. */
	precision: text('precision', { enum: ['day', 'month', 'year'] })
		.notNull()
		.default('day'),
	title: text('title').notNull(),
	description: text('description')
});

/** Headline figures ("en chiffres") until the Bilan computes them from the data. */
export const keyFigures = pgTable('key_figures', {
	key: text('key').primaryKey(),
	value: integer('value').notNull(),
	label: text('label').notNull(),
	position: integer('position').notNull().default(0),
	source: text('source')
});

/**
 * What changed in the spaces ("Quoi de neuf"): one row per notable change, written by the
 * services in the same transaction as the change. `path` links to the changed thing.
 */
export const spaceActivity = pgTable(
	'space_activity',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		spaceId: uuid('space_id').references(() => spaces.id, { onDelete: 'cascade' }),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		kind: text('kind').notNull(),
		title: text('title').notNull(),
		path: text('path').notNull(),
		visibility: pageVisibility('visibility').notNull().default('members'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	// The order of « order by at desc, id desc » (PostgreSQL puts nulls first in desc), so the
	// latest entries are read from the index instead of sorting the space's whole history.
	(t) => [
		index('space_activity_space_at_idx').on(
			t.spaceId,
			t.at.desc().nullsFirst(),
			t.id.desc().nullsFirst()
		)
	]
);
