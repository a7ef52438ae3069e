import { describe, expect, it } from 'vitest';
import { check } from '@placemarkio/check-geojson';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiResponse } from '../../src/lib/modules/cartographie/opendata/responses.server';
import { NAME_WITH_QUOTE, names, openDataDb, type Collection } from './cartographie-opendata-setup';

const db = openDataDb();
const { page, geojson } = db;

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
		expect(rhone.url).toBe(`${db.t.ctx.env.baseUrl}/cartographie/${String(rhone.slug)}`);
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

describe('OpenAPI document', () => {
	it('is valid and describes the items the JSON export gives', async () => {
		const doc = (await (await openApiResponse(db.t.ctx)).json()) as OpenApiDoc;
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
