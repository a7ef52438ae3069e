/** Pure rules of the geography: searchable names, queries, postal codes, distances. */

/** Letters that unaccent turns into two (NFD does not decompose them). */
const ligatures: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };

/**
 * The searchable form of a name, the same as the `nom_search` columns compute in PostgreSQL:
 * no accents, lowercase, every run of other characters than a-z and 0-9 turned into one space
 * ("Saint-Étienne" → "saint etienne", "L'Haÿ-les-Roses" → "l hay les roses").
 */
export function normalizeName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[œæßøđł]/g, (c) => ligatures[c]!)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const abbreviations: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints' };

/**
 * A search typed by someone, in the searchable form, with "St" and "Ste" written out when another
 * word follows ("St-Étienne" → "saint etienne"; a lone "st" may be the start of "Strasbourg").
 */
export function normalizeQuery(q: string): string {
	const words = normalizeName(q.slice(0, 100)).split(' ');
	return words
		.map((w, i) => (i < words.length - 1 ? (abbreviations[w] ?? w) : w))
		.join(' ')
		.trim();
}

/** Whether a query is a French postal code (five digits, spaces around allowed). */
export function isPostalCode(q: string): boolean {
	return /^\d{5}$/.test(q.trim());
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km between two points given in degrees (haversine formula). */
export function haversineKm(
	a: { lat: number; lon: number },
	b: { lat: number; lon: number }
): number {
	const dLat = rad(b.lat - a.lat);
	const dLon = rad(b.lon - a.lon);
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Orders département codes as in official lists: 01…19, 2A, 2B, 21…95, then 971… (the same
 * whatever the database collation).
 */
export function compareDepartementCodes(a: string, b: string): number {
	const rank = (code: string) =>
		code === '2A' ? 20.1 : code === '2B' ? 20.2 : Number.parseInt(code, 10);
	return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
