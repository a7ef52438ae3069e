import { describe, expect, it } from 'vitest';
import { check } from '@placemarkio/check-geojson';
import { insertExampleFiches } from '../../src/lib/modules/cartographie/examples.server';
import {
	structuresCsv,
	structuresGeojson
} from '../../src/lib/modules/cartographie/opendata/responses.server';
import {
	CURSOR_BATCH,
	MAX_STREAMS,
	poolOf
} from '../../src/lib/modules/cartographie/opendata/rows.server';
import { csvHeader } from '../../src/lib/modules/cartographie/opendata/csv-columns';
import { api, NAME_WITH_QUOTE, openDataDb, type Collection } from './cartographie-opendata-setup';

const db = openDataDb();
const { page, geojson, csv } = db;

describe('GeoJSON export', () => {
	it('is valid RFC 7946 with numeric [lon, lat] and null geometries', async () => {
		const { res, text } = await geojson();
		expect(res.headers.get('content-type')).toBe('application/geo+json');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		const doc = check(text) as unknown as Collection;
		expect(doc.type).toBe('FeatureCollection');
		const features = doc.features;
		expect(features).toHaveLength(4);
		expect(doc.crs).toBeUndefined();
		const atelier = features.find((f) => f.properties.nom === 'Atelier lyonnais')!;
		expect(atelier.geometry).toEqual({ type: 'Point', coordinates: [4.84, 45.76] });
		const rhone = features.find((f) => f.properties.nom === NAME_WITH_QUOTE)!;
		expect(rhone.properties.email).toBe('public@exemple.fr');
		expect(text).not.toContain('secret@exemple.fr');
		expect(text).not.toContain('Coopérative en attente');
	});

	it('honours the filters', async () => {
		const doc = check(
			(await geojson('?region=84&dimension=gouvernance')).text
		) as unknown as Collection;
		expect(doc.features.map((f) => f.properties.nom).sort()).toEqual(
			['Forez ensemble', NAME_WITH_QUOTE].sort()
		);
		const empty = check((await geojson('?q=introuvablexyz')).text) as unknown as Collection;
		expect(empty.features).toEqual([]);
	});
});

describe('CSV export', () => {
	it('is RFC 4180 UTF-8 with the documented header, CRLF, quotes and | multi-values', async () => {
		const { res, text, records } = await csv();
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="structures-cartographie.csv"'
		);
		expect(text.split('\r\n')[0]).toBe(csvHeader.join(','));
		expect(text.endsWith('\r\n')).toBe(true);
		// No field spans lines here: every line ends with CRLF, one per record and the header.
		expect(text.split('\r\n')).toHaveLength(records.length + 2);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(text).toContain('"Coopératives ""Rhône, Saône"" & Cie"');
		expect(records).toHaveLength(4);
		const rhone = records.find((r) => r.nom === NAME_WITH_QUOTE)!;
		expect(rhone.types_cooperation).toBe('scic|ptce');
		expect(rhone.dimensions_libelles).toBe('Gouvernance et organisation|Juridique');
		expect(rhone.territoires).toBe('region:84|departement:69');
		expect(rhone.territoires_noms).toBe('Auvergne-Rhône-Alpes|Rhône');
		expect(rhone.email).toBe('public@exemple.fr');
		expect(rhone.telephone).toBe('');
		expect(rhone.site_web).toBe('');
		expect(rhone.national).toBe('false');
		expect(text).not.toContain('secret@exemple.fr');
	});

	it('honours the filters', async () => {
		const { records } = await csv('?region=84&dimension=gouvernance');
		expect(records.map((r) => r.nom).sort()).toEqual(['Forez ensemble', NAME_WITH_QUOTE].sort());
	});
});

describe('streaming', () => {
	it('streams thousands of fiches through several cursor fetches, and stops on cancel', async () => {
		await insertExampleFiches(db.t.ctx, 2_500, { revisions: false, seed: 7 });
		const expected = 2_504;
		expect(expected).toBeGreaterThan(2 * CURSOR_BATCH);
		const { records } = await csv();
		expect(records).toHaveLength(expected);
		expect(new Set(records.map((r) => r.id)).size).toBe(expected);
		const doc = check((await geojson()).text) as unknown as Collection;
		expect(doc.features).toHaveLength(expected);

		// A client that goes away: the cursor's connection goes back to the pool.
		const pool = poolOf(db.t.ctx.db);
		const res = await structuresCsv(db.t.ctx, api('/api/v1/structures.csv'));
		const reader = res.body!.getReader();
		await reader.read();
		await reader.read();
		await reader.cancel();
		await new Promise((r) => setTimeout(r, 50));
		expect(pool.totalCount - pool.idleCount).toBe(0);
		// A few downloads at once at most, so that the pages keep their connections.
		const open = [];
		for (let i = 0; i < MAX_STREAMS; i++) {
			open.push(await structuresGeojson(db.t.ctx, api('/api/v1/structures.geojson')));
		}
		const refused = await structuresCsv(db.t.ctx, api('/api/v1/structures.csv'));
		expect(refused.status).toBe(503);
		expect(refused.headers.get('retry-after')).toBe('60');
		expect(((await refused.json()) as { message: string }).message).toMatch(/Réessayez/);
		for (const r of open) await r.body!.cancel();
		await new Promise((r) => setTimeout(r, 50));
		expect(pool.totalCount - pool.idleCount).toBe(0);
		const empty = await structuresCsv(db.t.ctx, api('/api/v1/structures.csv?q=xyzintrouvable'));
		expect(empty.status).toBe(200);
		expect(await empty.text()).toBe(`${csvHeader.join(',')}\r\n`);
		// And the pool still answers.
		expect((await page('?par_page=1')).body.total).toBe(expected);
	});
});
