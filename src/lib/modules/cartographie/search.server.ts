// The list side of the cartography: published fiches searched in French, filtered by the
// reference lists and the geography, with facets, and ordered around "Ma commune".
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { getCommune, listDepartements, listRegions } from '../geo/service.server';
import { loadReferenceLists, type ReferenceLists } from './reference.server';
import type { ReferenceListName } from './reference-data';
import type { CoverMatch } from './rules';
import { coverKeys } from './cover-keys.server';
import {
	distanceKm,
	queryIndex,
	searchIndex,
	searchVersion,
	type IndexQuery,
	type SearchIndex
} from './search-index.server';

import {
	facetNames,
	ficheSearchSchema,
	listFilters,
	SEARCH_PAGE_SIZE,
	type Facet,
	type FacetName,
	type FicheHit,
	type FicheSearchParams,
	type ListFilter
} from './search-params';

export {
	ficheSearchSchema,
	SEARCH_PAGE_SIZE,
	type Facet,
	type FacetName,
	type FicheHit,
	type FicheSearchParams
} from './search-params';

/** The text search on `carto_fiches f`: French words, or a piece of the name or acronym. */
const textMatchOf = (q: string) =>
	sql`(f.search @@ websearch_to_tsquery('fr_unaccent', ${q})
		or unaccent(f.name || ' ' || coalesce(f.acronym, '')) ilike unaccent(${`%${q.replace(/[\\%_]/g, '\\$&')}%`}))`;
const textRankOf = (q: string) => sql`ts_rank(f.search, websearch_to_tsquery('fr_unaccent', ${q}))`;

/**
 * The CTEs `c` (the commune), `keys` (what covers it: the commune, its EPCI, département and
 * région, ranked) and `covered` (fiche_id, rank: the fiches whose territory has one of the
 * keys, found through the territories index (kind, code), not one lookup per fiche).
 */
const coveredOf = (code: string) => sql`
		c as (
			select code, parent_code, epci_code, departement_code, region_code
			from geo_communes where code = ${code}
		),
		${coverKeys},
		covered (fiche_id, rank) as (
			select t.fiche_id, min(k.rank) from keys k
			join carto_fiche_territories t on t.kind = k.kind and t.code = k.code
			group by t.fiche_id
		)`;

/**
 * Every published fiche with the départements and régions where it is present (its address and
 * its territory of intervention; national: everywhere), read from carto_fiche_areas that the
 * database keeps up to date, and, when `commune` is set, how its territory covers that commune
 * (the same keys as coveringFiches in service.server.ts) and its distance to it.
 */
// Every fiche has its row in carto_fiche_areas (the insert trigger writes it).
function baseQuery(
	q: string | undefined,
	commune: { code: string; lat: number | null; lon: number | null } | null
) {
	const textMatch = q ? textMatchOf(q) : sql`true`;
	const rank = q ? textRankOf(q) : sql`0`;
	const distance =
		commune && commune.lat !== null && commune.lon !== null
			? sql`case when f.lat is not null then 2 * 6371.0088 * asin(least(1, sqrt(
					power(sin(radians(f.lat - ${commune.lat}) / 2), 2)
					+ cos(radians(${commune.lat})) * cos(radians(f.lat))
					* power(sin(radians(f.lon - ${commune.lon}) / 2), 2)))) end`
			: sql`null::double precision`;
	if (!commune) {
		return sql`
		with base as (
			select f.id, f.slug, f.name, f.acronym, f.short_description, f.commune_code, f.lat, f.lon,
				f.cooperation_kinds as kinds, f.dimensions, f.modalities, f.stages, f.cost,
				a.departements, a.regions,
				${rank} as text_rank, null::int as cover_rank, ${distance} as distance
			from carto_fiches f join carto_fiche_areas a on a.fiche_id = f.id
			where f.status = 'publiee' and ${textMatch}
		)`;
	}
	return sql`
		with ${coveredOf(commune.code)},
		base as (
			select f.id, f.slug, f.name, f.acronym, f.short_description, f.commune_code, f.lat, f.lon,
				f.cooperation_kinds as kinds, f.dimensions, f.modalities, f.stages, f.cost,
				a.departements, a.regions,
				${rank} as text_rank,
				case when f.national and exists (select 1 from c) then least(coalesce(cv.rank, 5), 5)
					else cv.rank end as cover_rank,
				${distance} as distance
			from carto_fiches f join carto_fiche_areas a on a.fiche_id = f.id
			left join covered cv on cv.fiche_id = f.id
			where f.status = 'publiee' and ${textMatch}
		)`;
}

/** The filter conditions on `base b`, one per URL parameter that is set. */
function conditions(p: FicheSearchParams): Partial<Record<FacetName, SQL>> {
	const out: Partial<Record<FacetName, SQL>> = {};
	for (const name of Object.keys(listFilters) as ListFilter[]) {
		const value = p[name];
		if (!value) continue;
		const { column, many } = listFilters[name];
		out[name] = many
			? sql`${value} = any(b.${sql.raw(column)})`
			: sql`b.${sql.raw(column)} = ${value}`;
	}
	// `@>` rather than `= any`: the form the GIN indexes of carto_fiche_areas answer.
	if (p.region) out.region = sql`b.regions @> array[${p.region}]::text[]`;
	if (p.departement) out.departement = sql`b.departements @> array[${p.departement}]::text[]`;
	return out;
}

const allOf = (parts: (SQL | undefined)[]) => {
	const kept = parts.filter((s): s is SQL => s !== undefined);
	return kept.length ? sql.join(kept, sql` and `) : sql`true`;
};

const coverNames: Record<number, CoverMatch> = {
	1: 'commune',
	2: 'epci',
	3: 'departement',
	4: 'region',
	5: 'national'
};

/** The URL parameters with the unknown values dropped, and what they name. */
async function readParams(ctx: Ctx, params: unknown) {
	const raw = ficheSearchSchema.parse(params ?? {});
	const [lists, regions, departements, commune] = await Promise.all([
		loadReferenceLists(ctx),
		listRegions(ctx),
		listDepartements(ctx),
		raw.commune ? getCommune(ctx, raw.commune) : null
	]);
	const p: FicheSearchParams = { ...raw };
	for (const name of Object.keys(listFilters) as ListFilter[]) {
		const known = lists[listFilters[name].list].some((i) => i.code === p[name]);
		if (!known) p[name] = undefined;
	}
	if (!regions.some((r) => r.code === p.region)) p.region = undefined;
	if (!departements.some((d) => d.code === p.departement)) p.departement = undefined;
	p.commune = commune?.code;
	return { p, commune, lists, regions, departements };
}

/**
 * The parsed URL parameters and the SQL shared by the map and the exports:
 * `${base} select … from base b where ${filter} order by ${order}` gives the published fiches
 * that match, in the list's order. Unknown values (not in a reference list, not a région,
 * département or commune of the geography) are dropped from `p`.
 */
export async function prepareSearch(ctx: Ctx, params: unknown) {
	const { p, commune, lists, regions, departements } = await readParams(ctx, params);
	const base = baseQuery(p.q, commune);
	const where = conditions(p);
	const filter = allOf(Object.values(where));
	const order = commune
		? sql`b.cover_rank asc nulls last, b.distance asc nulls last, b.name, b.id`
		: p.q
			? sql`b.text_rank desc, b.name, b.id`
			: sql`b.name, b.id`;
	return { p, commune, lists, regions, departements, base, where, filter, order };
}

/**
 * Published fiches for the list of the cartography. `params` are the URL parameters (strings);
 * values that are unknown (not in a reference list, not a région, département or commune of the
 * geography) are ignored. Text search in French (accents and plurals ignored) with a fallback on
 * the name. Each facet counts with every other filter applied. With `commune` (INSEE code): the
 * fiches whose territory covers it first (closest match first, `matchedBy`), then the others,
 * nearest first (`distanceKm`). Filters, facets and the order are computed on the list's index
 * (search-index.server.ts), in the same order as `prepareSearch`'s SQL.
 */
export async function searchFiches(ctx: Ctx, params: unknown) {
	const [{ p, commune, lists, regions, departements }, version] = await Promise.all([
		readParams(ctx, params),
		searchVersion(ctx)
	]);
	const page = p.page ?? 1;
	const index = await searchIndex(ctx, version);

	const [textRanks, covers] = await Promise.all([
		p.q ? textRanksOf(ctx, index, p.q) : null,
		commune ? coverRanksOf(ctx, index, commune.code) : null
	]);
	const { matches, counts } = queryIndex(index, { filters: indexFilters(p), textRanks });
	// By index position; Infinity: no point (distance), does not cover the commune (rank).
	const distances = new Float64Array(covers ? index.size : 0).fill(Infinity);
	if (covers && commune && commune.lat !== null && commune.lon !== null) {
		for (const i of matches) {
			if (!Number.isNaN(index.lat[i]!)) {
				distances[i] = distanceKm(commune.lat, commune.lon, index.lat[i]!, index.lon[i]!);
			}
		}
	}
	// Positions are the order by name, then id (Infinity - Infinity is NaN: a tie).
	if (covers) {
		matches.sort((a, b) => covers[a]! - covers[b]! || distances[a]! - distances[b]! || a - b);
	} else if (textRanks) {
		matches.sort((a, b) => textRanks.get(b)! - textRanks.get(a)! || a - b);
	}
	const total = matches.length;
	const shown = matches.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
	const items = await pageItems(ctx, index, shown);

	const facetOf = (name: FacetName, options: { code: string; label: string }[]): Facet[] => {
		const { codes } = index.columns[name];
		const count = (code: string) => {
			const bit = codes.indexOf(code);
			return bit < 0 ? 0 : counts[name][bit]!;
		};
		return options
			.map((o) => ({ value: o.code, label: o.label, count: count(o.code) }))
			.filter((f) => f.count > 0 || p[name] === f.value);
	};
	const facets = {
		...(Object.fromEntries(
			(Object.keys(listFilters) as ListFilter[]).map((name) => [
				name,
				facetOf(name, lists[listFilters[name].list])
			])
		) as Record<ListFilter, Facet[]>),
		region: facetOf(
			'region',
			regions.map((r) => ({ code: r.code, label: r.nom }))
		),
		departement: facetOf(
			'departement',
			departements.map((d) => ({ code: d.code, label: `${d.nom} (${d.code})` }))
		)
	};

	return {
		params: p,
		page,
		pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
		total,
		commune: commune
			? {
					code: commune.code,
					nom: commune.nom,
					departementCode: commune.departement.code,
					lat: commune.lat,
					lon: commune.lon
				}
			: null,
		items: items.map(({ i, hit }) => {
			const coverRank = covers?.[i] ?? Infinity;
			const distance = distances[i] ?? Infinity;
			const covering = coverRank !== Infinity;
			return {
				...hit,
				matchedBy: covering ? (coverNames[coverRank] ?? null) : null,
				distanceKm: !covering && distance !== Infinity ? distance : null
			};
		}) satisfies FicheHit[],
		facets,
		labels: labelsOf(lists)
	};
}

/** The filters that are set, as the index's columns name them. */
function indexFilters(p: FicheSearchParams): IndexQuery['filters'] {
	const filters: IndexQuery['filters'] = {};
	for (const name of facetNames) {
		const value = p[name];
		if (value) filters[name] = value;
	}
	return filters;
}

/** The rank of each published fiche that the text search finds (by index position). */
async function textRanksOf(ctx: Ctx, index: SearchIndex, q: string) {
	// textMatchOf's condition as three arms the indexes answer (the words; the name's
	// trigrams; the rare names with an acronym) instead of one scan of every name.
	const piece = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
	const { rows } = await ctx.db.execute<{ id: string; rank: number }>(sql`
		with m (id) as (
			select id from carto_fiches where search @@ websearch_to_tsquery('fr_unaccent', ${q})
			union select id from carto_fiches
				where immutable_unaccent(lower(name)) like immutable_unaccent(lower(${piece}))
			union select id from carto_fiches where acronym is not null
				and unaccent(name || ' ' || acronym) ilike unaccent(${piece})
		)
		select f.id, ${textRankOf(q)} as rank from m join carto_fiches f on f.id = m.id
		where f.status = 'publiee'`);
	const ranks = new Map<number, number>();
	for (const r of rows) {
		const i = index.position.get(r.id);
		if (i !== undefined) ranks.set(i, Number(r.rank));
	}
	return ranks;
}

/** How the territory of each fiche that covers the commune does (1 commune … 5 national). */
async function coverRanksOf(ctx: Ctx, index: SearchIndex, code: string) {
	const { rows } = await ctx.db.execute<{ id: string; rank: number }>(sql`
		with ${coveredOf(code)} select fiche_id as id, rank from covered`);
	const ranks = new Float64Array(index.size).fill(Infinity);
	for (let i = 0; i < index.size; i++) if (index.national[i]) ranks[i] = 5;
	for (const r of rows) {
		const i = index.position.get(r.id);
		if (i !== undefined) ranks[i] = Math.min(Number(r.rank), ranks[i]!);
	}
	return ranks;
}

/** The cards of the fiches at these index positions, in that order. */
async function pageItems(ctx: Ctx, index: SearchIndex, shown: number[]) {
	if (!shown.length) return [];
	const ids = shown.map((i) => index.ids[i]!);
	const { rows } = await ctx.db.execute<Omit<FicheHit, 'matchedBy' | 'distanceKm'>>(sql`
		select f.id, f.slug, f.name, f.acronym, f.short_description as "shortDescription",
			f.cooperation_kinds as "cooperationKinds", f.commune_code as "communeCode",
			g.nom as "communeNom", d.code as "departementCode", d.nom as "departementNom",
			f.lat is not null as "hasPoint"
		from carto_fiches f
		left join geo_communes g on g.code = f.commune_code
		left join geo_departements d on d.code = g.departement_code
		where f.id = any(string_to_array(${ids.join(',')}, ',')::uuid[])`);
	const byId = new Map(rows.map((r) => [r.id, r]));
	// A fiche changed since the index was read is left out of this page.
	return shown.flatMap((i) => {
		const hit = byId.get(index.ids[i]!);
		return hit ? [{ i, hit }] : [];
	});
}

/** code → label of each reference list, for the cards. */
function labelsOf(lists: ReferenceLists) {
	return Object.fromEntries(
		Object.entries(lists).map(([name, items]) => [
			name,
			Object.fromEntries(items.map((i) => [i.code, i.label]))
		])
	) as Record<ReferenceListName, Record<string, string>>;
}
