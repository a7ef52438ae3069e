// Commune points: GeoNames, else the neighbours by postal code, else the département's centre.
import { readFileSync } from 'node:fs';
import { byString } from './common.mjs';

export const POINT_DECIMALS = 4;

// GeoNames countries holding French communes: metropolitan France and the five DROM.
const GEONAMES_COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);
const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;
// GeoNames has no Paris arrondissements in cities500; Lyon's are `Lyon 01`…, Marseille's
// `Marseille 01`…, all with the whole city's code in admin4.
const ARRONDISSEMENT_NAME = /^(Paris|Lyon|Marseille) 0?(\d{1,2})$/;
const ARRONDISSEMENT_PREFIX = { Paris: '751', Lyon: '6938', Marseille: '132' };
const CITY_CODE = { Paris: '75056', Lyon: '69123', Marseille: '13055' };

// ---------------------------------------------------------------------------------------------
// Commune points: GeoNames, else the neighbours by postal code, else the département's centre

export function buildPoints(citiesPath, cog, centres) {
	// Entities that get a point: current communes (outside the COM) and municipal arrondissements.
	const entities = cog.communes
		.filter(
			(c) =>
				(c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') && c.zone !== 'com'
		)
		.sort((a, b) => byString(a.code, b.code));
	const entityCodes = new Set(entities.map((c) => c.code));

	// GeoNames admin4 → current commune: its own code first, then former codes (anciensCodes,
	// communes déléguées and associées) for communes that merged since GeoNames last looked.
	const target = new Map(entities.map((c) => [c.code, c.code]));
	for (const c of cog.communes) {
		if (c.type === 'commune-actuelle' && c.zone !== 'com') {
			for (const old of c.anciensCodes ?? []) if (!target.has(old)) target.set(old, c.code);
		}
		if (c.type === 'commune-deleguee' || c.type === 'commune-associee') {
			if (!target.has(c.code) && entityCodes.has(c.chefLieu)) target.set(c.code, c.chefLieu);
		}
	}

	const candidates = new Map(); // code → [{ rank, lat, lon }]
	let unmatched = 0;
	const lines = readFileSync(citiesPath, 'utf8').split('\n');
	for (const line of lines) {
		if (!line) continue;
		const cols = line.split('\t');
		const country = cols[8];
		if (!GEONAMES_COUNTRIES.has(country)) continue;
		// Mayotte's records carry the commune code in admin1 and nothing in admin4.
		const key = country === 'YT' ? cols[10] : cols[13];
		if (!INSEE_CODE.test(key)) continue;
		const record = {
			id: Number(cols[0]),
			name: cols[1],
			lat: Number(cols[4]),
			lon: Number(cols[5]),
			featureCode: cols[7],
			population: Number(cols[14]) || 0
		};
		let code = target.get(key);
		const arrondissement = ARRONDISSEMENT_NAME.exec(record.name);
		if (arrondissement && CITY_CODE[arrondissement[1]] === key) {
			const [, city, number] = arrondissement;
			const own =
				ARRONDISSEMENT_PREFIX[city] + (city === 'Lyon' ? number : number.padStart(2, '0'));
			if (entityCodes.has(own)) code = own;
		}
		if (!code) {
			unmatched++;
			continue;
		}
		// Best record: the commune's own code over a former one, a town over a section of one
		// (PPLX) or a locality (PPLL), then the most populated, then the oldest id.
		record.rank = [
			key === code ? 0 : 1,
			record.featureCode === 'PPLX' || record.featureCode === 'PPLL' ? 1 : 0,
			-record.population,
			record.id
		];
		if (!candidates.has(code)) candidates.set(code, []);
		candidates.get(code).push(record);
	}

	const compareRank = (a, b) => {
		for (let i = 0; i < a.rank.length; i++) {
			if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
		}
		return 0;
	};

	const located = new Map(); // code → { lat, lon, source }
	for (const c of entities) {
		const list = candidates.get(c.code);
		if (!list) continue;
		const [best] = list.sort(compareRank);
		located.set(c.code, { lat: best.lat, lon: best.lon, source: 'geonames' });
	}

	// Postal code → GeoNames-located entities of that code (same département only).
	const byPostalCode = new Map();
	for (const c of entities) {
		if (!located.has(c.code)) continue;
		for (const cp of c.codesPostaux ?? []) {
			if (!byPostalCode.has(cp)) byPostalCode.set(cp, []);
			byPostalCode.get(cp).push(c);
		}
	}
	const centreByCode = new Map(centres.map((c) => [c.code, c]));
	const points = [];
	const missing = [];
	for (const c of entities) {
		let point = located.get(c.code);
		if (!point) {
			const neighbours = new Map();
			for (const cp of c.codesPostaux ?? []) {
				for (const n of byPostalCode.get(cp) ?? []) {
					if (n.departement === c.departement) neighbours.set(n.code, located.get(n.code));
				}
			}
			if (neighbours.size) {
				const list = [...neighbours.keys()].sort(byString).map((k) => neighbours.get(k));
				point = {
					lat: list.reduce((s, p) => s + p.lat, 0) / list.length,
					lon: list.reduce((s, p) => s + p.lon, 0) / list.length,
					source: 'code_postal'
				};
			} else if (centreByCode.has(c.departement)) {
				const centre = centreByCode.get(c.departement);
				point = { lat: centre.lat, lon: centre.lon, source: 'departement' };
			}
		}
		if (point) points.push({ code: c.code, type: c.type, population: c.population ?? 0, ...point });
		else missing.push(c.code);
	}
	const excludedCom = cog.communes.filter(
		(c) => c.type === 'commune-actuelle' && c.zone === 'com'
	).length;
	return { points, missing, unmatched, excludedCom };
}
