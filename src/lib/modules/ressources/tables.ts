// The resource library: webinars, reports, fiches, référentiels and tools, each with a file or
// an external link, searchable by its words and by the words inside its document.
//
// The document's text lives in the row so that one generated tsvector weighs title (A), tags
// (B), description (C) and document text (D); it is filled by the extraction job.
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	customType,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';
import { structures } from '../community/tables';
import { spaces } from '../spaces/tables';
import { spaceProductions } from '../productions/tables';
import { pageVisibility } from '../../server/db/visibility';
import { DEFAULT_LICENCE, RESOURCE_KINDS, TEXT_STATUSES } from './labels';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const resourceKind = pgEnum('resource_kind', RESOURCE_KINDS);
export const resourceTextStatus = pgEnum('resource_text_status', TEXT_STATUSES);

export const resources = pgTable(
	'resources',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		title: text('title').notNull(),
		kind: resourceKind('kind').notNull(),
		/** Markdown. */
		description: text('description').notNull().default(''),
		/** When the resource was published or held (a webinar's day); may be unknown. */
		publishedOn: date('published_on'),
		/** Theme codes (labels.THEMES). */
		themes: text('themes')
			.array()
			.notNull()
			.default(sql`'{}'`),
		/** Free tags as typed (trimmed, deduplicated without regard to case). */
		tags: text('tags')
			.array()
			.notNull()
			.default(sql`'{}'`),
		/** The tags joined by spaces, kept by the repository: array_to_string is not immutable. */
		tagsText: text('tags_text').notNull().default(''),
		externalUrl: text('external_url'),
		licence: text('licence').notNull().default(DEFAULT_LICENCE),
		language: text('language').notNull().default('fr'),
		visibility: pageVisibility('visibility').notNull().default('public'),
		/** Shown on the home page. */
		featured: boolean('featured').notNull().default(false),
		// The file, when there is one: stored under `fileKey` in the file store.
		fileKey: text('file_key'),
		fileName: text('file_name'),
		fileType: text('file_type'),
		fileSize: bigint('file_size', { mode: 'number' }),
		thumbnailKey: text('thumbnail_key'),
		textStatus: resourceTextStatus('text_status').notNull().default('none'),
		/** The document's text (at most labels.MAX_DOCUMENT_TEXT characters). */
		documentText: text('document_text'),
		textExtractedAt: timestamp('text_extracted_at', { withTimezone: true }),
		/** Why extraction failed, for moderators (never shown to visitors). */
		textError: text('text_error'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		search: tsvector('search').generatedAlwaysAs(
			sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(tags_text, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'C') || setweight(to_tsvector('fr_unaccent', coalesce(document_text, '')), 'D')`
		),
		/**
		 * The same without the document's text: small enough to stay in the row, so ranking and
		 * checking the most common words do not read every document's lexemes.
		 */
		searchHead: tsvector('search_head').generatedAlwaysAs(
			sql`setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(tags_text, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'C')`
		)
	},
	(t) => [
		index('resources_search_idx').using('gin', t.search),
		index('resources_search_head_idx').using('gin', t.searchHead),
		// Typos in a title (word_similarity), accents and case ignored on both sides.
		index('resources_title_trgm_idx').using(
			'gin',
			sql`immutable_unaccent(lower(${t.title})) gin_trgm_ops`
		),
		index('resources_themes_idx').using('gin', t.themes),
		index('resources_created_idx').on(t.createdAt.desc(), t.id.desc()),
		// The list without words, latest first (search-sql: published_on, then created_at).
		index('resources_date_idx').on(
			t.publishedOn.desc().nullsLast(),
			t.createdAt.desc(),
			t.id.desc()
		),
		index('resources_kind_idx').on(t.kind),
		index('resources_featured_idx')
			.on(t.createdAt.desc())
			.where(sql`${t.featured}`),
		check('resources_file_has_name', sql`${t.fileKey} is null or ${t.fileName} is not null`)
	]
);

/** Authors in order: a member, a structure of the community, or just a name. */
export const resourceAuthors = pgTable(
	'resource_authors',
	{
		resourceId: uuid('resource_id')
			.notNull()
			.references(() => resources.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		name: text('name').notNull(),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' })
	},
	(t) => [primaryKey({ columns: [t.resourceId, t.position] })]
);

/** Spaces the resource belongs to (its "space" visibility means their members). */
export const resourceSpaces = pgTable(
	'resource_spaces',
	{
		resourceId: uuid('resource_id')
			.notNull()
			.references(() => resources.id, { onDelete: 'cascade' }),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.resourceId, t.spaceId] }),
		index('resource_spaces_space_idx').on(t.spaceId)
	]
);

/** Productions of a space that the resource is (or documents). */
export const resourceProductions = pgTable(
	'resource_productions',
	{
		resourceId: uuid('resource_id')
			.notNull()
			.references(() => resources.id, { onDelete: 'cascade' }),
		productionId: uuid('production_id')
			.notNull()
			.references(() => spaceProductions.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.resourceId, t.productionId] }),
		index('resource_productions_production_idx').on(t.productionId)
	]
);
