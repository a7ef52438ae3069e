// The list side of the cartography: published fiches searched in French, filtered by the
// reference lists and the geography, with facets, and ordered around "Ma commune".
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../server/context';
import { getCommune, listDepartements, listRegions } from '../geo/service.server';
import { loadReferenceLists, type ReferenceLists } from './reference.server';
import type { ReferenceListName } from './reference-data';
import type { CoverMatch } from './rules';

export const SEARCH_PAGE_SIZE = 24;

const text = (max: number) =>
	z.preprocess(
		(v) => (Array.isArray(v) ? v[0] : v),
		z
			.string()
			.trim()
			.max(max)
			.transform((s) => s || undefined)
			.optional()
			.catch(undefined)
	);

/** URL parameters of /cartographie; anything malformed becomes undefined. */
export const ficheSearchSchema = z.object({
	q: text(200),
	type: text(60),
	dimension: text(60),
	modalite: text(60),
	etape: text(60),
	cout: text(60),
	region: text(10),
	departement: text(10),
	/** INSEE code of "Ma commune". */
	commune: text(10),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export type FicheSearchParams = z.infer<typeof ficheSearchSchema>;

/** The filters that have a facet, with the reference list that gives their values. */
const listFilters = {
	type: { list: 'cooperation_kind', column: 'kinds', many: true },
	dimension: { list: 'dimension', column: 'dimensions', many: true },
	modalite: { list: 'modality', column: 'modalities', many: true },
	etape: { list: 'stage', column: 'stages', many: true },
	cout: { list: 'cost', column: 'cost', many: false }
} as const satisfies Record<string, { list: ReferenceListName; column: string; many: boolean }>;

type ListFilter = keyof typeof listFilters;
export type FacetName = ListFilter | 'region' | 'departement';
const facetNames: FacetName[] = [
	...(Object.keys(listFilters) as ListFilter[]),
	'region',
	'departement'
];

export interface Facet {
	value: string;
	label: string;
	count: number;
}

export type FicheHit = {
	id: string;
	slug: string;
	name: string;
	acronym: string | null;
	shortDescription: string;
	cooperationKinds: string[];
	communeCode: string | null;
	communeNom: string | null;
	departementCode: string | null;
	departementNom: string | null;
	/** With "Ma commune": how the fiche's territory covers it (null when it does not). */
	matchedBy: CoverMatch | null;
	/** With "Ma commune", for the fiches that do not cover it: distance in km (null: no point). */
	distanceKm: number | null;
	/** The fiche has a point on the map. */
	hasPoint: boolean;
};

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
	const textMatch = q
		? sql`(f.search @@ websearch_to_tsquery('fr_unaccent', ${q})
			or unaccent(f.name || ' ' || coalesce(f.acronym, '')) ilike unaccent(${`%${q.replace(/[\\%_]/g, '\\$&')}%`}))`
		: sql`true`;
	const rank = q ? sql`ts_rank(f.search, websearch_to_tsquery('fr_unaccent', ${q}))` : sql`0`;
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
	// The covering fiches come from the territories index (kind, code), not from one lookup per
	// fiche.
	return sql`
		with c as (
			select code, parent_code, epci_code, departement_code, region_code
			from geo_communes where code = ${commune.code}
		),
		keys (kind, code, rank) as (
			select 'commune', code, 1 from c
			union all select 'commune', parent_code, 1 from c where parent_code is not null
			union all select 'epci', epci_code, 2 from c where epci_code is not null
			union all select 'departement', departement_code, 3 from c
			union all select 'region', region_code, 4 from c
		),
		covered (fiche_id, rank) as (
			select t.fiche_id, min(k.rank) from keys k
			join carto_fiche_territories t on t.kind = k.kind and t.code = k.code
			group by t.fiche_id
		),
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

/**
 * The parsed URL parameters and the SQL shared by the list, the map and the exports:
 * `${base} select … from base b where ${filter} order by ${order}` gives the published fiches
 * that match, in the list's order. Unknown values (not in a reference list, not a région,
 * département or commune of the geography) are dropped from `p`.
 */
export async function prepareSearch(ctx: Ctx, params: unknown) {
	const raw = ficheSearchSchema.parse(params ?? {});
	const [lists, regions, departements] = await Promise.all([
		loadReferenceLists(ctx),
		listRegions(ctx),
		listDepartements(ctx)
	]);
	const p: FicheSearchParams = { ...raw };
	for (const name of Object.keys(listFilters) as ListFilter[]) {
		const known = lists[listFilters[name].list].some((i) => i.code === p[name]);
		if (!known) p[name] = undefined;
	}
	if (!regions.some((r) => r.code === p.region)) p.region = undefined;
	if (!departements.some((d) => d.code === p.departement)) p.departement = undefined;
	const commune = p.commune ? await getCommune(ctx, p.commune) : null;
	p.commune = commune?.code;

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
 * nearest first (`distanceKm`).
 */
export async function searchFiches(ctx: Ctx, params: unknown) {
	const { p, commune, lists, regions, departements, base, where, filter, order } =
		await prepareSearch(ctx, params);
	const page = p.page ?? 1;
	const itemsQuery = ctx.db.execute<
		Omit<FicheHit, 'matchedBy'> & { coverRank: number | null; total: number }
	>(sql`${base}
		select b.id, b.slug, b.name, b.acronym, b.short_description as "shortDescription",
			b.kinds as "cooperationKinds", b.commune_code as "communeCode", g.nom as "communeNom",
			d.code as "departementCode", d.nom as "departementNom",
			b.cover_rank as "coverRank", b.lat is not null as "hasPoint",
			case when b.cover_rank is null then b.distance end as "distanceKm",
			count(*) over ()::int as total
		from base b
		left join geo_communes g on g.code = b.commune_code
		left join geo_departements d on d.code = g.departement_code
		where ${filter}
		order by ${order}
		limit ${SEARCH_PAGE_SIZE} offset ${(page - 1) * SEARCH_PAGE_SIZE}`);
	// Each facet with every other filter applied, in one query.
	const everywhere = departements.length;
	const facetQueries = facetNames.map((name) => {
		const others = allOf(
			Object.entries(where)
				.filter(([k]) => k !== name)
				.map(([, v]) => v)
		);
		const column =
			name === 'region'
				? 'regions'
				: name === 'departement'
					? 'departements'
					: listFilters[name].column;
		// A fiche present in every département (national) counts once, under '*', rather than
		// unnested into a hundred rows; it is added to each département below.
		const values =
			name in listFilters && !listFilters[name as ListFilter].many
				? sql`cross join lateral (select b.${sql.raw(column)} as v) x where x.v is not null and`
				: name === 'departement'
					? sql`cross join lateral unnest(case when cardinality(b.departements) >= ${everywhere}
							then array['*'] else b.departements end) as x(v) where`
					: sql`cross join lateral unnest(b.${sql.raw(column)}) as x(v) where`;
		return sql`select ${name}::text as facet, x.v as value, count(*)::int as count
			from base b ${values}
			${others} group by x.v`;
	});
	const facetsQuery = ctx.db.execute<{
		facet: FacetName;
		value: string;
		count: number;
	}>(sql`${base} ${sql.join(facetQueries, sql` union all `)}`);

	// The page and the facets at once, on two connections (two cores).
	const [{ rows: items }, { rows: facetRows }] = await Promise.all([itemsQuery, facetsQuery]);
	let total = items[0]?.total;
	if (total === undefined) {
		const { rows } = await ctx.db.execute<{ total: number }>(
			sql`${base} select count(*)::int as total from base b where ${filter}`
		);
		total = rows[0]?.total ?? 0;
	}

	const counts = new Map(facetRows.map((r) => [`${r.facet}:${r.value}`, r.count]));
	const inEvery = counts.get('departement:*') ?? 0;
	if (inEvery > 0) {
		for (const d of departements) {
			counts.set(`departement:${d.code}`, (counts.get(`departement:${d.code}`) ?? 0) + inEvery);
		}
	}
	const facetOf = (name: FacetName, options: { code: string; label: string }[]): Facet[] =>
		options
			.map((o) => ({ value: o.code, label: o.label, count: counts.get(`${name}:${o.code}`) ?? 0 }))
			.filter((f) => f.count > 0 || p[name] === f.value);
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
		items: items.map(({ coverRank, total: _total, ...hit }) => ({
			...hit,
			matchedBy: coverRank === null ? null : (coverNames[coverRank] ?? null),
			distanceKm: hit.distanceKm === null ? null : Number(hit.distanceKm)
		})) satisfies FicheHit[],
		facets,
		labels: labelsOf(lists)
	};
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
