import { sql } from 'drizzle-orm';
import {
	boolean,
	customType,
	index,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';

export const structureKind = pgEnum('structure_kind', [
	'reseau',
	'fondation',
	'financeur',
	'collectivite',
	'association',
	'entreprise',
	'cooperative',
	'recherche',
	'personne_ressource',
	'autre'
]);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const structures = pgTable(
	'structures',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		acronym: text('acronym'),
		kind: structureKind('kind').notNull().default('autre'),
		description: text('description'),
		website: text('website'),
		logoPath: text('logo_path'),
		region: text('region'),
		isMember: boolean('is_member').notNull().default(true),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		search: tsvector('search').generatedAlwaysAs(
			sql`setweight(to_tsvector('fr_unaccent', coalesce(name, '') || ' ' || coalesce(acronym, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'B')`
		)
	},
	(t) => [
		index('structures_search_idx').using('gin', t.search),
		index('structures_kind_idx').on(t.kind)
	]
);
