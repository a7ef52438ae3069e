// Reading the geography: commune autocomplete, a commune and what covers it, lists for forms.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	geoCommuneAliases,
	geoCommunes,
	geoDepartements,
	geoEpcis,
	geoRegions
} from '../../server/db/schema';
import { compareDepartementCodes, isPostalCode, normalizeQuery } from './rules';

// A type rather than an interface: `execute<T>()` wants a Record.
export type CommuneHit = {
	code: string;
	nom: string;
	departementCode: string;
	departementNom: string;
	codesPostaux: string[];
	lat: number | null;
	lon: number | null;
	/** The former name that matched, when the commune was found through it ("Annecy-le-Vieux"). */
	ancienNom: string | null;
};

const hitColumns = sql`c.code, c.nom, d.code as "departementCode", d.nom as "departementNom",
	c.codes_postaux as "codesPostaux", c.lat, c.lon`;

/**
 * Names (current in geo_communes, former in geo_commune_aliases) matching any of `matches`, as
 * rows (code, ancien, s, alias). One branch per condition and table, so that each one uses its
 * trigram index: joined by OR, the planner would scan the whole table.
 */
function namesMatching(matches: SQL[]) {
	return sql.join(
		matches.flatMap((match) => [
			sql`select code, null::text as ancien, nom_search as s, false as alias
				from geo_communes where ${match}`,
			sql`select code, nom, nom_search, true from geo_commune_aliases where ${match}`
		]),
		sql` union all `
	);
}

/**
 * Communes (and municipal arrondissements) for an autocomplete. Five digits: the communes of that
 * postal code, the most populated first. Otherwise a name, accents, case and punctuation ignored:
 * exact names, then names starting with the query, then names with a word starting with it (each
 * the most populated first, current names before former ones); when that makes fewer than `limit`,
 * close spellings follow (trigram word similarity, from 3 characters). Former names of merged
 * communes lead to the current commune.
 */
export async function searchCommunes(ctx: Ctx, q: string, limit = 10): Promise<CommuneHit[]> {
	const max = Math.min(Math.max(Math.trunc(limit) || 10, 1), 50);
	if (isPostalCode(q)) {
		const rows = await ctx.db.execute<CommuneHit>(sql`
			select ${hitColumns}, null as "ancienNom"
			from geo_commune_postal_codes p
			join geo_communes c on c.code = p.commune_code
			join geo_departements d on d.code = c.departement_code
			where p.postal_code = ${q.trim()}
			order by c.population desc nulls last, c.code
			limit ${max}`);
		return rows.rows;
	}
	const term = normalizeQuery(q);
	if (!term) return [];
	const prefix = `${term}%`;
	const wordPrefix = `% ${term}%`;
	// A commune found several ways keeps its best tier (0 exact, 1 prefix, 2 word prefix), its
	// current name before a former one.
	const { rows: found } = await ctx.db.execute<CommuneHit>(sql`
		select ${hitColumns}, case when r.alias then r.ancien end as "ancienNom"
		from (
			select distinct on (code) code, ancien, alias,
				case when s = ${term} then 0 when s like ${prefix} then 1 else 2 end as tier
			from (${namesMatching([sql`nom_search like ${prefix}`, sql`nom_search like ${wordPrefix}`])}) n
			order by code, tier, alias
		) r
		join geo_communes c on c.code = r.code
		join geo_departements d on d.code = c.departement_code
		order by r.tier, r.alias, c.population desc nulls last, c.code
		limit ${max}`);
	if (found.length === max || term.length < 3) return found;

	// Close spellings: the name has a part close to the query (`<%`: word similarity of at least
	// pg_trgm.word_similarity_threshold, 0.6), the closest first, then the whole name's similarity.
	const { rows: close } = await ctx.db.execute<CommuneHit>(sql`
		select ${hitColumns}, case when r.alias then r.ancien end as "ancienNom"
		from (
			select distinct on (code) code, ancien, alias,
				word_similarity(${term}, s) + similarity(${term}, s) as score
			from (${namesMatching([sql`${term} <% nom_search`])}) n
			order by code, score desc, alias
		) r
		join geo_communes c on c.code = r.code
		join geo_departements d on d.code = c.departement_code
		order by r.score desc, r.alias, c.population desc nulls last, c.code
		limit ${max + found.length}`);
	const seen = new Set(found.map((h) => h.code));
	return [...found, ...close.filter((h) => !seen.has(h.code))].slice(0, max);
}

/** A commune (or a former code of one) with its EPCI, département and région; null if unknown. */
export async function getCommune(ctx: Ctx, code: string) {
	const select = () =>
		ctx.db
			.select({
				code: geoCommunes.code,
				nom: geoCommunes.nom,
				type: geoCommunes.type,
				parentCode: geoCommunes.parentCode,
				codesPostaux: geoCommunes.codesPostaux,
				population: geoCommunes.population,
				lat: geoCommunes.lat,
				lon: geoCommunes.lon,
				pointSource: geoCommunes.pointSource,
				departement: { code: geoDepartements.code, nom: geoDepartements.nom },
				region: { code: geoRegions.code, nom: geoRegions.nom },
				epciCode: geoEpcis.code,
				epciNom: geoEpcis.nom,
				epciType: geoEpcis.type
			})
			.from(geoCommunes)
			.innerJoin(geoDepartements, eq(geoDepartements.code, geoCommunes.departementCode))
			.innerJoin(geoRegions, eq(geoRegions.code, geoCommunes.regionCode))
			.leftJoin(geoEpcis, eq(geoEpcis.code, geoCommunes.epciCode));
	let [row] = await select().where(eq(geoCommunes.code, code));
	if (!row) {
		[row] = await select()
			.innerJoin(geoCommuneAliases, eq(geoCommuneAliases.code, geoCommunes.code))
			.where(eq(geoCommuneAliases.oldCode, code));
	}
	if (!row) return null;
	const { epciCode, epciNom, epciType, ...commune } = row;
	return {
		...commune,
		epci: epciCode && epciNom && epciType ? { code: epciCode, nom: epciNom, type: epciType } : null
	};
}

export type Commune = NonNullable<Awaited<ReturnType<typeof getCommune>>>;

/** Every département, in the official order (01…19, 2A, 2B, 21…, 971…). */
export async function listDepartements(ctx: Ctx) {
	const rows = await ctx.db
		.select({
			code: geoDepartements.code,
			nom: geoDepartements.nom,
			regionCode: geoDepartements.regionCode,
			lat: geoDepartements.lat,
			lon: geoDepartements.lon
		})
		.from(geoDepartements);
	return rows.sort((a, b) => compareDepartementCodes(a.code, b.code));
}

/** Every région, by code (the 5 of outre-mer first, then the 13 of the metropole, then the COM). */
export async function listRegions(ctx: Ctx) {
	return ctx.db
		.select({ code: geoRegions.code, nom: geoRegions.nom, zone: geoRegions.zone })
		.from(geoRegions)
		.orderBy(asc(sql`${geoRegions.code} collate "C"`));
}
