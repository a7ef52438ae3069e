import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { Validator } from '@seriousme/openapi-schema-validator';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import { setStatus, submitFiche } from '../../src/lib/modules/cartographie/service.server';
import { insertExampleFiches } from '../../src/lib/modules/cartographie/examples.server';
import {
	openApiResponse,
	structuresCsv,
	structuresGeojson,
	structuresPage
} from '../../src/lib/modules/cartographie/opendata/responses.server';
import {
	CURSOR_BATCH,
	MAX_STREAMS,
	poolOf
} from '../../src/lib/modules/cartographie/opendata/rows.server';
import { csvHeader } from '../../src/lib/modules/cartographie/opendata/fields';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let moderator: Actor;

const fiche = (name: string, over: Record<string, unknown>) => ({
	name,
	shortDescription: `${name} accompagne les coopérations territoriales.`,
	communeCode: '69381',
	lat: '',
	lon: '',
	territories: [],
	cooperationKinds: ['ptce'],
	dimensions: ['gouvernance'],
	modalities: ['collectif'],
	stages: ['emergence'],
	cost: 'gratuit',
	...over
});

async function publish(name: string, over: Record<string, unknown>) {
	const f = await submitFiche(t.ctx, null, fiche(name, over));
	await setStatus(t.ctx, moderator, f.id, 'publiee');
	return f;
}

const NAME_WITH_QUOTE = 'Coopératives "Rhône, Saône" & Cie';

beforeAll(async () => {
	t = await createCartographieDb();
	moderator = (await makeUser(t.ctx, 'coordination')).actor;
	await publish(NAME_WITH_QUOTE, {
		territories: ['departement:69', 'region:84'],
		cooperationKinds: ['scic', 'ptce'],
		dimensions: ['gouvernance', 'juridique'],
		siret: '35600000000048',
		contactEmail: 'public@exemple.fr',
		contactEmailPublic: 'on',
		contactPhone: '04 72 00 00 01',
		contactWebsite: 'https://prive.exemple.fr'
	});
	await publish('Atelier lyonnais', {
		communeCode: '69123',
		lat: '45.76',
		lon: '4.84',
		territories: ['commune:69123'],
		cooperationKinds: ['tiers_lieu'],
		dimensions: ['strategie'],
		contactEmail: 'secret@exemple.fr',
		contactPhone: '04 72 00 00 02',
		contactPhonePublic: 'on'
	});
	await publish('Forez ensemble', {
		communeCode: '42218',
		territories: ['departement:42'],
		dimensions: ['gouvernance']
	});
	await publish('Bretagne solidaire', {
		communeCode: '35238',
		territories: ['region:53'],
		dimensions: ['gouvernance']
	});
	// Pending moderation: never exported.
	await submitFiche(
		t.ctx,
		null,
		fiche('Coopérative en attente', {
			territories: ['region:84'],
			contactEmail: 'attente@exemple.fr',
			contactEmailPublic: 'on'
		})
	);
});
afterAll(async () => t.close());

type Item = { nom: string; [key: string]: unknown };
type PageBody = {
	total: number;
	page: number;
	pages: number;
	liens: Record<string, string | null>;
	structures: Item[];
	message?: string;
};
type Feature = { geometry: unknown; properties: Item };
type Collection = { type: string; crs?: unknown; features: Feature[] };
type Schema = {
	$ref?: string;
	oneOf?: Schema[];
	type?: string | string[];
	enum?: unknown[];
	const?: unknown;
	maxLength?: number;
	pattern?: string;
	format?: string;
	items?: Schema;
	prefixItems?: Schema[];
	properties?: Record<string, Schema>;
	required?: string[];
	additionalProperties?: boolean;
};
type OpenApiDoc = {
	components: { parameters: Record<string, { schema: Schema }>; schemas: Record<string, Schema> };
};

const api = (path: string) => new URL(`http://localhost${path}`);

async function page(query = '') {
	const res = await structuresPage(t.ctx, api(`/api/v1/structures${query}`));
	return { res, body: (await res.json()) as PageBody };
}

async function geojson(query = '') {
	const res = await structuresGeojson(t.ctx, api(`/api/v1/structures.geojson${query}`));
	return { res, text: await res.text() };
}

async function csv(query = '') {
	const res = await structuresCsv(t.ctx, api(`/api/v1/structures.csv${query}`));
	const text = await res.text();
	return { res, text, records: parse(text, { columns: true }) as Record<string, string>[] };
}

const names = (items: { nom: string }[]) => items.map((i) => i.nom).sort();

/** Enough of JSON Schema (2020-12) to check an item against the OpenAPI document. */
function schemaErrors(doc: OpenApiDoc, schema: Schema, value: unknown, path = '$'): string[] {
	if (schema.$ref) {
		const target = schema.$ref
			.replace('#/', '')
			.split('/')
			.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], doc) as Schema;
		return schemaErrors(doc, target, value, path);
	}
	if (schema.oneOf) {
		const ok = schema.oneOf.filter((s) => schemaErrors(doc, s, value, path).length === 0);
		return ok.length === 1 ? [] : [`${path}: oneOf matched ${ok.length}`];
	}
	const types: string[] = schema.type ? [schema.type].flat() : [];
	const typeOf = (v: unknown) =>
		v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
	const actual = typeOf(value);
	if (
		types.length &&
		!types.includes(actual) &&
		!(actual === 'integer' && types.includes('number'))
	) {
		return [`${path}: ${actual} is not ${types.join('|')}`];
	}
	const errors: string[] = [];
	if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${value} not in enum`);
	if (schema.const !== undefined && schema.const !== value) errors.push(`${path}: not const`);
	if (typeof value === 'string') {
		if (schema.maxLength && [...value].length > schema.maxLength) errors.push(`${path}: too long`);
		if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: pattern`);
		if (schema.format === 'uri' && !URL.canParse(value)) errors.push(`${path}: not a URI`);
		if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) {
			errors.push(`${path}: not a date`);
		}
	}
	if (Array.isArray(value)) {
		value.forEach((v, i) => {
			const s = schema.prefixItems?.[i] ?? schema.items;
			if (s) errors.push(...schemaErrors(doc, s, v, `${path}[${i}]`));
		});
	}
	if (actual === 'object' && schema.properties) {
		const obj = value as Record<string, unknown>;
		for (const key of schema.required ?? []) {
			if (!(key in obj)) errors.push(`${path}.${key}: missing`);
		}
		for (const [key, v] of Object.entries(obj)) {
			const s = schema.properties[key];
			if (s) errors.push(...schemaErrors(doc, s, v, `${path}.${key}`));
			else if (schema.additionalProperties === false) errors.push(`${path}.${key}: unexpected`);
		}
	}
	return errors;
}

describe('JSON export', () => {
	it('lists the published fiches only, with codes, labels, territory and URL', async () => {
		const { res, body } = await page();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('cache-control')).toBe('public, max-age=300');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(body.total).toBe(4);
		expect(names(body.structures)).not.toContain('Coopérative en attente');
		const rhone = body.structures.find((s) => s.nom === NAME_WITH_QUOTE)!;
		expect(rhone.siret).toBe('35600000000048');
		expect(rhone.types_cooperation).toEqual(['scic', 'ptce']);
		expect(rhone.types_cooperation_libelles).toEqual([
			'SCIC / coopérative',
			'PTCE (pôle territorial de coopération économique)'
		]);
		expect(rhone.territoires).toEqual([
			{ type: 'region', code: '84', nom: 'Auvergne-Rhône-Alpes' },
			{ type: 'departement', code: '69', nom: 'Rhône' }
		]);
		expect(rhone.url).toBe(`${t.ctx.env.baseUrl}/cartographie/${String(rhone.slug)}`);
		expect(rhone.cout_libelle).toBe('Gratuit');
		expect(rhone.commune_code).toBe('69381');
		expect(rhone.departement_code).toBe('69');
		expect(rhone.derniere_verification).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});

	it('never gives private contacts, statuses or unpublished fiches', async () => {
		const { body } = await page();
		const text = JSON.stringify(body);
		for (const secret of [
			'secret@exemple.fr',
			'04 72 00 00 01',
			'https://prive.exemple.fr',
			'attente@exemple.fr',
			'en_attente',
			'publiee'
		]) {
			expect(text).not.toContain(secret);
		}
		const rhone = body.structures.find((s) => s.nom === NAME_WITH_QUOTE)!;
		expect([rhone.email, rhone.telephone, rhone.site_web]).toEqual([
			'public@exemple.fr',
			null,
			null
		]);
		const atelier = body.structures.find((s) => s.nom === 'Atelier lyonnais')!;
		expect([atelier.email, atelier.telephone]).toEqual([null, '04 72 00 00 02']);
		for (const key of ['status', 'statut', 'trusted', 'last_reminded_at', 'contactEmail']) {
			expect(rhone).not.toHaveProperty(key);
		}
	});

	it('honours the filters of the map, unknown values ignored', async () => {
		const region = await page('?region=84&dimension=gouvernance');
		expect(names(region.body.structures)).toEqual(['Forez ensemble', NAME_WITH_QUOTE].sort());
		const text = await page('?q=forez');
		expect(names(text.body.structures)).toEqual(['Forez ensemble']);
		const unknown = await page('?region=zz&type=inconnu');
		expect(unknown.body.total).toBe(4);
	});

	it('pages with total, links and a Link header; a bad page is a French 400', async () => {
		const first = await page('?par_page=3&region=84');
		expect(first.body).toMatchObject({ total: 3, page: 1, pages: 1, par_page: 3 });
		const one = await page('?par_page=1&page=2');
		expect(one.body).toMatchObject({ total: 4, page: 2, pages: 4 });
		expect(one.body.structures).toHaveLength(1);
		expect(one.body.liens.next).toBe('http://localhost/api/v1/structures?par_page=1&page=3');
		expect(one.body.liens.prev).toBe('http://localhost/api/v1/structures?par_page=1&page=1');
		expect(one.res.headers.get('link')).toContain(
			'<http://localhost/api/v1/structures?par_page=1&page=3>; rel="next"'
		);
		const all = [];
		for (let p = 1; p <= 4; p++) all.push(...(await page(`?par_page=1&page=${p}`)).body.structures);
		expect(names(all)).toEqual(names((await page()).body.structures));
		const beyond = await page('?page=9');
		expect(beyond.body).toMatchObject({ total: 4, page: 9, structures: [] });
		const bad = await page('?page=deux');
		expect(bad.res.status).toBe(400);
		expect(bad.body.message).toMatch(/page.*nombre entier/);
		expect((await page('?par_page=1000')).res.status).toBe(400);
	});
});

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

describe('OpenAPI document', () => {
	it('is valid and describes the items the JSON export gives', async () => {
		const doc = (await (await openApiResponse(t.ctx)).json()) as OpenApiDoc;
		const result = await new Validator().validate(structuredClone(doc));
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(doc.components.parameters.region!.schema.enum).toContain('84');
		const { body } = await page();
		expect(schemaErrors(doc, { $ref: '#/components/schemas/PageStructures' }, body)).toEqual([]);
		const features = (check((await geojson()).text) as unknown as Collection).features;
		for (const f of features) {
			expect(schemaErrors(doc, { $ref: '#/components/schemas/StructureFeature' }, f)).toEqual([]);
		}
	});
});

describe('streaming', () => {
	it('streams thousands of fiches through several cursor fetches, and stops on cancel', async () => {
		await insertExampleFiches(t.ctx, 2_500, { revisions: false, seed: 7 });
		const expected = 2_504;
		expect(expected).toBeGreaterThan(2 * CURSOR_BATCH);
		const { records } = await csv();
		expect(records).toHaveLength(expected);
		expect(new Set(records.map((r) => r.id)).size).toBe(expected);
		const doc = check((await geojson()).text) as unknown as Collection;
		expect(doc.features).toHaveLength(expected);

		// A client that goes away: the cursor's connection goes back to the pool.
		const pool = poolOf(t.ctx.db);
		const res = await structuresCsv(t.ctx, api('/api/v1/structures.csv'));
		const reader = res.body!.getReader();
		await reader.read();
		await reader.read();
		await reader.cancel();
		await new Promise((r) => setTimeout(r, 50));
		expect(pool.totalCount - pool.idleCount).toBe(0);
		// A few downloads at once at most, so that the pages keep their connections.
		const open = [];
		for (let i = 0; i < MAX_STREAMS; i++) {
			open.push(await structuresGeojson(t.ctx, api('/api/v1/structures.geojson')));
		}
		const refused = await structuresCsv(t.ctx, api('/api/v1/structures.csv'));
		expect(refused.status).toBe(503);
		expect(refused.headers.get('retry-after')).toBe('60');
		expect(((await refused.json()) as { message: string }).message).toMatch(/Réessayez/);
		for (const r of open) await r.body!.cancel();
		await new Promise((r) => setTimeout(r, 50));
		expect(pool.totalCount - pool.idleCount).toBe(0);
		const empty = await structuresCsv(t.ctx, api('/api/v1/structures.csv?q=xyzintrouvable'));
		expect(empty.status).toBe(200);
		expect(await empty.text()).toBe(`${csvHeader.join(',')}\r\n`);
		// And the pool still answers.
		expect((await page('?par_page=1')).body.total).toBe(expected);
	});
});
