/**
 * SQL pieces of the resource search: who sees what, the words, and each facet's filter. The
 * table is always aliased `r`.
 */
import { sql, type SQL } from 'drizzle-orm';
import { atLeast, type Actor } from '../../server/auth/policy';
import type { Facet, ResourceSearch } from './search-query';

/** Same rule as policy.canSeeResource, in SQL. */
export function visibleTo(actor: Actor | null): SQL {
	if (!actor) return sql`r.visibility = 'public'`;
	if (atLeast(actor, 'coordination')) return sql`true`;
	const spaceIds = Object.entries(actor.spaceRoles)
		.filter(([, roles]) => roles.length > 0)
		.map(([id]) => id);
	if (spaceIds.length === 0) return sql`r.visibility <> 'space'`;
	return sql`(r.visibility <> 'space' or exists (
		select 1 from resource_spaces vs
		where vs.resource_id = r.id and vs.space_id = any(${sql.param(spaceIds)}::uuid[])))`;
}

const WEBSEARCH_SYNTAX = /"|(^|\s)-|\bor\b/i;

/**
 * The words as a tsquery: websearch syntax ("…", -mot, or), and, when the query is plain
 * words, the last one also as a prefix (someone still typing "coopé" finds "coopérative").
 */
export function wordsQuery(q: string): SQL {
	const websearch = sql`websearch_to_tsquery('fr_unaccent', ${q})`;
	if (WEBSEARCH_SYNTAX.test(q)) return websearch;
	const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
	const last = words[words.length - 1];
	if (!last || last.length < 3) return websearch;
	const prefix = [...words.slice(0, -1), `${last}:*`].join(' & ');
	return sql`(${websearch} || to_tsquery('fr_unaccent', ${prefix}))`;
}

/** Words close to a title's (typos), accents and case ignored, through the trigram index. */
export const titleCloseTo = (q: string): SQL =>
	sql`immutable_unaccent(lower(${q})) <% immutable_unaccent(lower(r.title))`;

/** The year a resource is filed under: its date, else the day it was added (Paris time). */
// (The time zone is only looked up for the rows without a date.)
export const YEAR = sql`coalesce(extract(year from r.published_on)::int, extract(year from r.created_at at time zone 'Europe/Paris')::int)`;

export type { Facet } from './search-query';
export const FACETS: Facet[] = ['kind', 'theme', 'year', 'space', 'licence'];

/** Each facet's filter (values OR-ed within it); undefined when nothing is chosen. */
export function facetFilters(s: ResourceSearch): Partial<Record<Facet, SQL>> {
	const f: Partial<Record<Facet, SQL>> = {};
	if (s.kinds?.length) f.kind = sql`r.kind::text = any(${sql.param(s.kinds)}::text[])`;
	// Not through the themes' index: with words, the full-text index must stay the way in
	// (a theme shared by half the resources, then each one's lexemes read, is far slower).
	if (s.themes?.length) f.theme = sql`coalesce(r.themes, '{}') && ${sql.param(s.themes)}::text[]`;
	if (s.years?.length) f.year = sql`${YEAR} = any(${sql.param(s.years)}::int[])`;
	if (s.spaces?.length) {
		f.space = sql`exists (select 1 from resource_spaces fs join spaces fsp on fsp.id = fs.space_id
			where fs.resource_id = r.id and fsp.slug = any(${sql.param(s.spaces)}::text[]))`;
	}
	if (s.licences?.length) f.licence = sql`r.licence = any(${sql.param(s.licences)}::text[])`;
	return f;
}

/** The free tag, without regard to case. */
export const tagFilter = (tag: string): SQL =>
	sql`exists (select 1 from unnest(r.tags) t where lower(t) = lower(${tag}))`;

export const allOf = (parts: Array<SQL | undefined | null>): SQL => {
	const kept = parts.filter((p): p is SQL => !!p);
	return kept.length ? sql.join(kept, sql` and `) : sql`true`;
};
