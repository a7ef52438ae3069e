import { expect, test } from '@playwright/test';
import { check } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { Validator } from '@seriousme/openapi-schema-validator';
import { visit } from './support/a11y';

const openHeaders = (headers: Record<string, string>) => {
	expect(headers['access-control-allow-origin']).toBe('*');
	expect(headers['cache-control']).toBe('public, max-age=300');
	expect(headers['x-content-type-options']).toBe('nosniff');
};

test('the open data page documents the licence, the exports and every field', async ({ page }) => {
	await visit(page, '/cartographie');
	await page.getByRole('link', { name: /Données ouvertes/ }).click();
	await expect(page).toHaveURL(/\/cartographie\/donnees$/);
	await visit(page, '/cartographie/donnees');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Données ouvertes de la cartographie'
	);
	await expect(page.getByRole('link', { name: /Licence Ouverte/ })).toBeVisible();
	const fields = page.getByRole('table', { name: 'Champs des exports' });
	await expect(fields.getByRole('rowheader', { name: 'dimensions', exact: true })).toBeVisible();
	// Allowed values come from the reference lists in the database.
	await expect(fields.getByText('Gouvernance et organisation').first()).toBeVisible();
	await expect(
		page.getByRole('link', { name: /\/api\/v1\/structures\.csv\?region=/ })
	).toBeVisible();
});

test('the three exports and the OpenAPI document answer with open, parseable data', async ({
	request
}) => {
	const json = await request.get('/api/v1/structures?par_page=5');
	expect(json.status()).toBe(200);
	expect(json.headers()['content-type']).toBe('application/json');
	openHeaders(json.headers());
	const body = (await json.json()) as {
		total: number;
		pages: number;
		structures: { nom: string; email: string | null; url: string }[];
	};
	// The example fiches of a first start are published.
	expect(body.structures).toHaveLength(5);
	expect(body.pages).toBeGreaterThan(1);
	expect(json.headers()['link']).toContain('rel="next"');
	const region = (await (await request.get('/api/v1/structures?region=84')).json()) as {
		total: number;
	};

	const bad = await request.get('/api/v1/structures?page=x');
	expect(bad.status()).toBe(400);
	expect(((await bad.json()) as { message: string }).message).toMatch(/nombre entier/);

	const geo = await request.get('/api/v1/structures.geojson?region=84');
	expect(geo.status()).toBe(200);
	expect(geo.headers()['content-type']).toBe('application/geo+json');
	openHeaders(geo.headers());
	const collection = check(await geo.text()) as unknown as { features: unknown[] };
	expect(collection.features).toHaveLength(region.total);

	const csv = await request.get('/api/v1/structures.csv?region=84');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(csv.headers()['content-disposition']).toBe(
		'attachment; filename="structures-cartographie.csv"'
	);
	openHeaders(csv.headers());
	const text = await csv.text();
	expect(text.slice(0, text.indexOf('\r\n'))).toMatch(/^id,slug,url,nom,/);
	const records = parse(text, { columns: true }) as Record<string, string>[];
	expect(records).toHaveLength(region.total);

	const all = await request.get('/api/v1/structures.csv');
	expect(parse(await all.text(), { columns: true })).toHaveLength(body.total);

	const openapi = await request.get('/api/v1/openapi.json');
	expect(openapi.status()).toBe(200);
	openHeaders(openapi.headers());
	const result = await new Validator().validate(await openapi.json());
	expect(result.valid).toBe(true);
});
