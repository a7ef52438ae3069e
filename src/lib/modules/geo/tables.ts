// Official French divisions (communes, EPCI, départements, régions), reloaded as a whole by
// ensureGeography() (load.server.ts) when the dataset changes. Other modules keep commune, EPCI,
// département or région codes as plain text, without foreign keys to these tables: the loader
// truncates them, and a foreign key from elsewhere would make the reload fail.
import { sql } from 'drizzle-orm';
import {
	check,
	doublePrecision,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp
} from 'drizzle-orm/pg-core';

/**
 * The searchable form of a name: unaccented, lowercase, every run of other characters than
 * a-z and 0-9 turned into one space ("L'Haÿ-les-Roses" → "l hay les roses"). `normalizeName()`
 * in rules.ts computes the same thing for queries. `immutable_unaccent()` is created by the
 * migration geo_functions.
 */
const searchForm = (column: string) =>
	sql.raw(
		`btrim(regexp_replace(lower(public.immutable_unaccent(${column})), '[^a-z0-9]+', ' ', 'g'))`
	);

export const geoCommuneType = pgEnum('geo_commune_type', ['commune', 'arrondissement']);

export const geoRegions = pgTable('geo_regions', {
	code: text('code').primaryKey(),
	nom: text('nom').notNull(),
	/** 'metro', 'drom' or 'com'. */
	zone: text('zone').notNull()
});

export const geoDepartements = pgTable('geo_departements', {
	code: text('code').primaryKey(),
	nom: text('nom').notNull(),
	regionCode: text('region_code')
		.notNull()
		.references(() => geoRegions.code),
	zone: text('zone').notNull(),
	/** Centre of the département, from data/departements-centres.csv (null when absent). */
	lat: doublePrecision('lat'),
	lon: doublePrecision('lon')
});

export const geoEpcis = pgTable('geo_epcis', {
	/** SIREN number. */
	code: text('code').primaryKey(),
	nom: text('nom').notNull(),
	/** 'CC', 'CA', 'CU', 'METRO' or 'MET69' (Métropole de Lyon). */
	type: text('type').notNull(),
	population: integer('population')
});

export const geoCommunes = pgTable(
	'geo_communes',
	{
		/** INSEE code. */
		code: text('code').primaryKey(),
		nom: text('nom').notNull(),
		type: geoCommuneType('type').notNull(),
		/** For a municipal arrondissement (Paris, Lyon, Marseille): its commune. */
		parentCode: text('parent_code'),
		departementCode: text('departement_code')
			.notNull()
			.references(() => geoDepartements.code),
		regionCode: text('region_code')
			.notNull()
			.references(() => geoRegions.code),
		/** An arrondissement gets the EPCI of its commune. */
		epciCode: text('epci_code').references(() => geoEpcis.code),
		codesPostaux: text('codes_postaux')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		population: integer('population'),
		lat: doublePrecision('lat'),
		lon: doublePrecision('lon'),
		/** Where the point comes from: 'geonames', 'code_postal' or 'departement' (its centre). */
		pointSource: text('point_source').$type<'geonames' | 'code_postal' | 'departement'>(),
		nomSearch: text('nom_search').notNull().generatedAlwaysAs(searchForm('nom'))
	},
	(t) => [
		index('geo_communes_departement_idx').on(t.departementCode),
		index('geo_communes_epci_idx').on(t.epciCode),
		index('geo_communes_nom_search_idx').using('gin', t.nomSearch.op('gin_trgm_ops'))
	]
);

export const geoCommunePostalCodes = pgTable(
	'geo_commune_postal_codes',
	{
		postalCode: text('postal_code').notNull(),
		communeCode: text('commune_code')
			.notNull()
			.references(() => geoCommunes.code)
	},
	(t) => [primaryKey({ columns: [t.postalCode, t.communeCode] })]
);

/**
 * Former codes and names leading to a current commune: the codes of merged communes
 * (`anciensCodes`) and the communes déléguées or associées (with their name), so that
 * "Annecy-le-Vieux" finds Annecy. A déléguée may share its code with its chef-lieu.
 */
export const geoCommuneAliases = pgTable(
	'geo_commune_aliases',
	{
		oldCode: text('old_code').primaryKey(),
		code: text('code')
			.notNull()
			.references(() => geoCommunes.code),
		/** Known only for communes déléguées or associées. */
		nom: text('nom'),
		nomSearch: text('nom_search').generatedAlwaysAs(searchForm('nom'))
	},
	(t) => [index('geo_commune_aliases_nom_search_idx').using('gin', t.nomSearch.op('gin_trgm_ops'))]
);

/** The one row saying which dataset the tables hold. */
export const geoDataset = pgTable(
	'geo_dataset',
	{
		id: integer('id').primaryKey().default(1),
		version: text('version').notNull(),
		loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('geo_dataset_single_row', sql`${t.id} = 1`)]
);
