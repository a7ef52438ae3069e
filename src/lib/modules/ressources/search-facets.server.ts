/**
 * Facet counts of the resource search, disjunctive: each facet is counted with the other
 * facets' filters applied but not its own, so ticking a second kind widens the list as its
 * count said. Hidden resources are never counted (the base conditions carry the visibility).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { KIND_LABELS, LICENCE_LABELS, THEME_LABELS } from './labels';
import type { Facet, Facets, ResourceSearch } from './search-query';
import { FACETS, YEAR, allOf, facetFilters } from './search-sql.server';

export type { Count, Facets } from './search-query';

/**
 * All five facets in one statement: the matching rows are read once, with a flag per chosen
 * filter, then each facet counts the rows that pass the other facets' flags.
 */
export async function facetCounts(
	ctx: Ctx,
	search: ResourceSearch,
	base: Array<SQL | undefined>
): Promise<Facets> {
	const filters = facetFilters(search);
	const flag = (f: Facet) => filters[f] ?? sql`true`;
	const others = (f: Facet) =>
		sql.join(
			FACETS.filter((o) => o !== f).map((o) => sql.raw(`f_${o}`)),
			sql` and `
		);
	const rows = await ctx.db.execute<{
		facet: Facet;
		value: string;
		label: string | null;
		n: number;
	}>(sql`
		with b as materialized (
			select r.id, r.kind::text as kind, r.themes, ${YEAR} as year, r.licence,
				${flag('kind')} as f_kind, ${flag('theme')} as f_theme, ${flag('year')} as f_year,
				${flag('space')} as f_space, ${flag('licence')} as f_licence
			from resources r where ${allOf(base)}
		)
		select 'kind' as facet, kind as value, null as label, count(*)::int as n
			from b where ${others('kind')} group by kind
		union all
		select 'theme', t, null, count(*)::int
			from (select unnest(b.themes) as t from b where ${others('theme')}) x group by t
		union all
		select 'year', year::text, null, count(*)::int from b where ${others('year')} group by year
		union all
		select 'space', s.slug, min(s.title), count(*)::int
			from b join resource_spaces rs on rs.resource_id = b.id join spaces s on s.id = rs.space_id
			where ${others('space')} group by s.slug
		union all
		select 'licence', licence, null, count(*)::int from b where ${others('licence')} group by licence`);

	const facets: Facets = { kind: [], theme: [], year: [], space: [], licence: [] };
	for (const r of rows.rows) {
		const label =
			r.facet === 'kind'
				? KIND_LABELS[r.value as keyof typeof KIND_LABELS]
				: r.facet === 'theme'
					? THEME_LABELS[r.value as keyof typeof THEME_LABELS]
					: r.facet === 'licence'
						? LICENCE_LABELS[r.value as keyof typeof LICENCE_LABELS]
						: (r.label ?? undefined);
		facets[r.facet].push({ value: r.value, count: r.n, ...(label ? { label } : {}) });
	}
	// A ticked value stays listed (with 0) so that it can be unticked.
	const chosen: Record<Facet, string[]> = {
		kind: search.kinds ?? [],
		theme: search.themes ?? [],
		year: (search.years ?? []).map(String),
		space: search.spaces ?? [],
		licence: search.licences ?? []
	};
	for (const f of FACETS) {
		for (const v of chosen[f]) {
			if (!facets[f].some((c) => c.value === v)) facets[f].push({ value: v, count: 0 });
		}
		facets[f].sort((a, b) =>
			f === 'year'
				? Number(b.value) - Number(a.value)
				: b.count - a.count || (a.label ?? a.value).localeCompare(b.label ?? b.value, 'fr')
		);
	}
	return facets;
}
