import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, isNull, sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../helpers/db';
import {
	geoCommuneAliases,
	geoCommunes,
	geoDataset,
	geoDepartements,
	geoEpcis,
	geoRegions
} from '../../src/lib/server/db/schema';
import {
	defaultDataDir,
	ensureGeography,
	type GeographyLoad
} from '../../src/lib/modules/geo/load.server';
import {
	getCommune,
	listDepartements,
	listRegions,
	searchCommunes
} from '../../src/lib/modules/geo/service.server';
import { parseCentres, parsePoints } from '../../src/lib/modules/geo/dataset';
import { normalizeName } from '../../src/lib/modules/geo/rules';

// The real CSV files when they are there, else small stand-ins with the same columns.
const fixtures = path.resolve('tests/fixtures/geo');
const dataDir = fs.existsSync(path.join(defaultDataDir(), 'communes-points.csv'))
	? defaultDataDir()
	: fixtures;

let t: TestDb;
let first: GeographyLoad;
beforeAll(async () => {
	t = await createTestDb();
	first = await ensureGeography(t.ctx, dataDir);
});
afterAll(async () => t.close());

type GeoTable =
	| typeof geoCommunes
	| typeof geoCommuneAliases
	| typeof geoEpcis
	| typeof geoDepartements
	| typeof geoRegions;
const rowsOf = async (table: GeoTable) => (await t.ctx.db.select({ n: count() }).from(table))[0]!.n;
const dataset = async () => (await t.ctx.db.select().from(geoDataset))[0]!;
const search = (q: string, limit?: number) => searchCommunes(t.ctx, q, limit);

describe('loading', () => {
	it('loads every official division of @etalab/decoupage-administratif 6.0.0', async () => {
		expect(first).toMatchObject({ loaded: true, communes: 34_969 });
		expect(first.version).toMatch(/^decoupage-administratif@6\.0\.0\+[0-9a-f]{16}$/);
		const byType = await t.ctx.db
			.select({ type: geoCommunes.type, n: count() })
			.from(geoCommunes)
			.groupBy(geoCommunes.type);
		expect(Object.fromEntries(byType.map((r) => [r.type, r.n]))).toEqual({
			commune: 34_969,
			arrondissement: 45
		});
		expect(await rowsOf(geoEpcis)).toBe(1_255);
		expect(await rowsOf(geoDepartements)).toBe(109);
		expect(await rowsOf(geoRegions)).toBe(26);
		// The 2,576 communes déléguées or associées, and the other former codes of merged communes.
		expect(await rowsOf(geoCommuneAliases)).toBe(4_824);
		const postal = await t.ctx.db.execute<{ n: number }>(
			sql`select count(distinct postal_code)::int as n from geo_commune_postal_codes`
		);
		expect(postal.rows[0]!.n).toBeGreaterThan(6_000);
		expect((await dataset()).version).toBe(first.version);
	});

	it('puts every commune in its EPCI but 98, and arrondissements in their commune’s', async () => {
		const withoutEpci = await t.ctx.db
			.select({ type: geoCommunes.type, n: count() })
			.from(geoCommunes)
			.where(isNull(geoCommunes.epciCode))
			.groupBy(geoCommunes.type);
		expect(withoutEpci).toEqual([{ type: 'commune', n: 98 }]);
	});

	it('gives each commune its CSV point, else its département’s centre, else none', async () => {
		const points = parsePoints(fs.readFileSync(path.join(dataDir, 'communes-points.csv'), 'utf8'));
		const centres = parseCentres(
			fs.readFileSync(path.join(dataDir, 'departements-centres.csv'), 'utf8')
		);
		const rows = await t.ctx.db
			.select({
				code: geoCommunes.code,
				departementCode: geoCommunes.departementCode,
				lat: geoCommunes.lat,
				lon: geoCommunes.lon,
				pointSource: geoCommunes.pointSource
			})
			.from(geoCommunes);
		const wrong = rows.filter((r) => {
			const p = points.get(r.code);
			const c = centres.get(r.departementCode);
			const expected = p
				? { lat: p.lat, lon: p.lon, pointSource: p.source }
				: c
					? { lat: c.lat, lon: c.lon, pointSource: 'departement' }
					: { lat: null, lon: null, pointSource: null };
			return (
				r.lat !== expected.lat || r.lon !== expected.lon || r.pointSource !== expected.pointSource
			);
		});
		expect(wrong).toEqual([]);
	});

	it('computes searchable names in PostgreSQL exactly as normalizeName() does', async () => {
		const names = await t.ctx.db.execute<{ nom: string; s: string }>(sql`
			select nom, nom_search as s from geo_communes
			union all select nom, nom_search from geo_commune_aliases where nom is not null`);
		expect(names.rows.length).toBeGreaterThan(37_000);
		expect(names.rows.filter((r) => normalizeName(r.nom) !== r.s)).toEqual([]);
	});

	it('does nothing the second time: one select, same version, no row rewritten', async () => {
		const before = await dataset();
		const xmin = async () =>
			(
				await t.ctx.db.execute<{ x: string }>(
					sql`select max(xmin::text::bigint)::text as x from geo_communes`
				)
			).rows[0]!.x;
		const xminBefore = await xmin();
		expect(await ensureGeography(t.ctx, dataDir)).toEqual({
			loaded: false,
			version: first.version
		});
		expect(await dataset()).toEqual(before);
		expect(await xmin()).toBe(xminBefore);
	});
});

describe('searchCommunes', () => {
	it('finds a name whatever the accents, case and hyphens, the exact one first', async () => {
		const hits = await search('saint etienne');
		expect(hits[0]).toMatchObject({
			code: '42218',
			nom: 'Saint-Étienne',
			departementCode: '42',
			departementNom: 'Loire',
			ancienNom: null
		});
		expect(hits[0]!.codesPostaux).toContain('42000');
		expect(typeof hits[0]!.lat).toBe('number');
		expect(hits.length).toBe(10);
		// Then the names starting with it, the most populated first.
		expect(hits[1]!.nom).toMatch(/^Saint-Étienne-/);
		expect((await search('ST-ÉTIENNE'))[0]!.code).toBe('42218');
	});

	it('finds the communes of a postal code', async () => {
		const hits = await search('42000');
		expect(hits.map((h) => h.code)).toEqual(['42218']);
		const lyon = await search('69001');
		expect(lyon.map((h) => h.code)).toEqual(['69123', '69381']);
		expect(await search('99999')).toEqual([]);
	});

	it('finds a merged commune by its former name', async () => {
		const hits = await search('Annecy-le-Vieux');
		expect(hits[0]).toMatchObject({ code: '74010', nom: 'Annecy', ancienNom: 'Annecy-le-Vieux' });
		expect(hits.filter((h) => h.code === '74010')).toHaveLength(1);
	});

	it('forgives a typo', async () => {
		expect((await search('Marseile'))[0]).toMatchObject({ code: '13055', nom: 'Marseille' });
		expect((await search('clermont ferand'))[0]!.code).toBe('63113');
	});

	it('finds a word inside a name, and prefixes as one types', async () => {
		expect((await search('etienne'))[0]!.code).toBe('42218');
		expect((await search('Strasb'))[0]!.code).toBe('67482');
		expect((await search('par', 3))[0]!.code).toBe('75056');
	});

	it('treats short codes as names, and empty queries as nothing', async () => {
		expect(Array.isArray(await search('2A'))).toBe(true);
		expect(await search('')).toEqual([]);
		expect(await search(' -- ')).toEqual([]);
		expect(await search('zzzzqqqxw')).toEqual([]);
		expect((await search('lyon', 500)).length).toBeLessThanOrEqual(50);
	});
});

describe('getCommune and lists', () => {
	it('gives a commune with its EPCI, département and région', async () => {
		expect(await getCommune(t.ctx, '69123')).toMatchObject({
			code: '69123',
			nom: 'Lyon',
			type: 'commune',
			parentCode: null,
			epci: { code: '200046977', nom: 'Métropole de Lyon', type: 'MET69' },
			departement: { code: '69', nom: 'Rhône' },
			region: { code: '84', nom: 'Auvergne-Rhône-Alpes' }
		});
		expect(await getCommune(t.ctx, '69381')).toMatchObject({
			type: 'arrondissement',
			parentCode: '69123',
			epci: { code: '200046977' }
		});
		expect((await getCommune(t.ctx, '97502'))?.epci).toBeNull();
	});

	it('follows a former code to the current commune, and answers null for an unknown one', async () => {
		expect(await getCommune(t.ctx, '74011')).toMatchObject({ code: '74010', nom: 'Annecy' });
		expect(await getCommune(t.ctx, '00000')).toBeNull();
	});

	it('lists départements in the official order and régions by code', async () => {
		const deps = await listDepartements(t.ctx);
		expect(deps).toHaveLength(109);
		expect(deps.slice(18, 22).map((d) => d.code)).toEqual(['19', '2A', '2B', '21']);
		expect(deps[0]).toMatchObject({ code: '01', nom: 'Ain', regionCode: '84' });
		const regions = await listRegions(t.ctx);
		expect(regions).toHaveLength(26);
		expect(regions.map((r) => r.code).slice(0, 6)).toEqual(['01', '02', '03', '04', '06', '11']);
	});
});

describe('reloading', () => {
	it('reloads once when the points change, even with two instances starting together', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chantiers-geo-'));
		try {
			fs.writeFileSync(
				path.join(dir, 'communes-points.csv'),
				'code,lat,lon,source\n42218,45.4339,4.39,geonames\n'
			);
			fs.copyFileSync(
				path.join(fixtures, 'departements-centres.csv'),
				path.join(dir, 'departements-centres.csv')
			);
			const loads = await Promise.all([ensureGeography(t.ctx, dir), ensureGeography(t.ctx, dir)]);
			expect(loads.map((l) => l.loaded).sort()).toEqual([false, true]);
			expect(loads[0]!.version).not.toBe(first.version);
			expect((await dataset()).version).toBe(loads[0]!.version);
			expect(await getCommune(t.ctx, '42218')).toMatchObject({
				lat: 45.4339,
				pointSource: 'geonames'
			});
			// No point: the centre of its département (in the stand-in file), or nothing.
			expect(await getCommune(t.ctx, '42005')).toMatchObject({
				lat: 45.7267,
				lon: 4.1658,
				pointSource: 'departement'
			});
			expect(await getCommune(t.ctx, '33063')).toMatchObject({ lat: null, pointSource: null });
			expect(await rowsOf(geoCommunes)).toBe(35_014);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
