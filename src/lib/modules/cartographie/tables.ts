// The cartography: fiches of the structures that accompany territorial cooperations, their
// territories of intervention, their revisions, and the reference lists (editable data).
// Commune, EPCI, département and région codes are plain text, without foreign keys to the geo
// tables (their loader truncates them; see geo/tables.ts).
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	customType,
	doublePrecision,
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
import { ficheStatuses, type TerritoryKind } from './rules';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Reference lists (kinds of cooperation, dimensions, modalities, stages, costs), seeded once. */
export const cartoReferenceItems = pgTable(
	'carto_reference_items',
	{
		list: text('list').notNull(),
		code: text('code').notNull(),
		label: text('label').notNull(),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.list, t.code] })]
);

export const cartoFicheStatus = pgEnum('carto_fiche_status', ficheStatuses);

export const cartoFiches = pgTable(
	'carto_fiches',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		acronym: text('acronym'),
		shortDescription: text('short_description').notNull(),
		/** Markdown. */
		presentation: text('presentation'),
		/** 14 digits, without spaces. */
		siret: text('siret'),
		address: text('address'),
		/** INSEE code of the commune of the address. */
		communeCode: text('commune_code'),
		lat: doublePrecision('lat'),
		lon: doublePrecision('lon'),
		/** The territory of intervention is the whole country. */
		national: boolean('national').notNull().default(false),
		cooperationKinds: text('cooperation_kinds')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		dimensions: text('dimensions')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		modalities: text('modalities')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		stages: text('stages')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		cost: text('cost'),
		methodologies: text('methodologies'),
		needsSeen: text('needs_seen'),
		publics: text('publics'),
		networks: text('networks'),
		contactEmail: text('contact_email'),
		contactEmailPublic: boolean('contact_email_public').notNull().default(false),
		contactPhone: text('contact_phone'),
		contactPhonePublic: boolean('contact_phone_public').notNull().default(false),
		contactWebsite: text('contact_website'),
		contactWebsitePublic: boolean('contact_website_public').notNull().default(true),
		/** Key of the logo in the file store (logos/…), checked by content on upload. */
		logoPath: text('logo_path'),
		status: cartoFicheStatus('status').notNull().default('brouillon'),
		/** Changes made through the private link are published without moderation. */
		trusted: boolean('trusted').notNull().default(false),
		lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
		/** Last yearly freshness email sent to the contact. */
		lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		search: tsvector('search').generatedAlwaysAs(
			sql`setweight(to_tsvector('fr_unaccent', coalesce(name, '') || ' ' || coalesce(acronym, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(short_description, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(presentation, '') || ' ' || coalesce(methodologies, '') || ' ' || coalesce(needs_seen, '')), 'C')`
		)
	},
	(t) => [
		check('carto_fiches_short_description_length', sql`char_length(${t.shortDescription}) <= 280`),
		check('carto_fiches_point', sql`(${t.lat} is null) = (${t.lon} is null)`),
		index('carto_fiches_search_idx').using('gin', t.search),
		index('carto_fiches_status_idx').on(t.status),
		index('carto_fiches_commune_idx').on(t.communeCode),
		index('carto_fiches_siret_idx').on(t.siret),
		// Duplicate warnings: similar names (trigrams, accents ignored).
		index('carto_fiches_name_trgm_idx').using(
			'gin',
			sql`immutable_unaccent(lower(${t.name})) gin_trgm_ops`
		)
	]
);

/** The territory of intervention of a fiche: communes, EPCI, départements, régions. */
export const cartoFicheTerritories = pgTable(
	'carto_fiche_territories',
	{
		ficheId: uuid('fiche_id')
			.notNull()
			.references(() => cartoFiches.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull().$type<TerritoryKind>(),
		code: text('code').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.ficheId, t.kind, t.code] }),
		index('carto_fiche_territories_kind_code_idx').on(t.kind, t.code),
		check(
			'carto_fiche_territories_kind',
			sql`${t.kind} in ('commune', 'epci', 'departement', 'region')`
		)
	]
);

/**
 * Derived: the départements and régions where each fiche is present (its address and its
 * territory of intervention; national: everywhere), for the search's filters and facets.
 * Maintained by database triggers on carto_fiches and carto_fiche_territories (migration 0007,
 * docs/adr/0010), so every way of writing a fiche keeps it right; never written by the app.
 */
export const cartoFicheAreas = pgTable(
	'carto_fiche_areas',
	{
		ficheId: uuid('fiche_id')
			.primaryKey()
			.references(() => cartoFiches.id, { onDelete: 'cascade' }),
		departements: text('departements').array().notNull(),
		regions: text('regions').array().notNull()
	},
	(t) => [
		index('carto_fiche_areas_departements_idx').using('gin', t.departements),
		index('carto_fiche_areas_regions_idx').using('gin', t.regions)
	]
);

/**
 * One row: a number the database raises, at the commit of a transaction, whenever it changed
 * what the list's index (search-index.server.ts) reads: the published fiches, their names,
 * points, lists, cost, départements and régions. The app rebuilds its index when it differs.
 */
export const cartoSearchState = pgTable('carto_search_state', {
	id: integer('id').primaryKey().default(1),
	version: bigint('version', { mode: 'number' }).notNull().default(0)
});

/** Every save of a fiche appends one: its full content at that moment. */
export const cartoFicheRevisions = pgTable(
	'carto_fiche_revisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		ficheId: uuid('fiche_id')
			.notNull()
			.references(() => cartoFiches.id, { onDelete: 'cascade' }),
		data: jsonb('data').notNull().$type<Record<string, unknown>>(),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		note: text('note'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('carto_fiche_revisions_fiche_idx').on(t.ficheId, t.createdAt)]
);

/** Private edit links sent to a fiche's contact: only the SHA-256 of the token is stored. */
export const cartoEditLinks = pgTable(
	'carto_edit_links',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		ficheId: uuid('fiche_id')
			.notNull()
			.references(() => cartoFiches.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('carto_edit_links_fiche_idx').on(t.ficheId)]
);

export const cartoChangeStatuses = ['en_attente', 'approuvee', 'refusee'] as const;
export type CartoChangeStatus = (typeof cartoChangeStatuses)[number];

/** A change to a published fiche proposed through its private link, waiting for moderation. */
export const cartoFicheChanges = pgTable(
	'carto_fiche_changes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		ficheId: uuid('fiche_id')
			.notNull()
			.references(() => cartoFiches.id, { onDelete: 'cascade' }),
		/** The whole proposed fiche (same shape as a revision's data). */
		data: jsonb('data').notNull().$type<Record<string, unknown>>(),
		status: text('status').notNull().$type<CartoChangeStatus>().default('en_attente'),
		message: text('message'),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('carto_fiche_changes_status_idx').on(t.status, t.createdAt),
		index('carto_fiche_changes_fiche_idx').on(t.ficheId),
		check('carto_fiche_changes_status', sql`${t.status} in ('en_attente', 'approuvee', 'refusee')`)
	]
);

/** A CSV import by an admin: its mapping, progress and per-row report. */
export const cartoImports = pgTable('carto_imports', {
	id: uuid('id').primaryKey().defaultRandom(),
	createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
	filename: text('filename').notNull(),
	/** analysee → en_cours → terminee | echouee */
	status: text('status').notNull().default('analysee'),
	/** Status given to the created fiches: en_attente or publiee. */
	targetStatus: text('target_status').notNull().default('en_attente'),
	mapping: jsonb('mapping').$type<Record<string, string>>(),
	totalRows: integer('total_rows').notNull().default(0),
	processedRows: integer('processed_rows').notNull().default(0),
	createdCount: integer('created_count').notNull().default(0),
	/** Invalid rows with their reasons, and any other details of the run. */
	report: jsonb('report').$type<Record<string, unknown>>(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	finishedAt: timestamp('finished_at', { withTimezone: true })
});
