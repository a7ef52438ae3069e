import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { XMLParser } from 'fast-xml-parser';
import { expectAccessible, visit } from './support/a11y';

test('the home page shows the featured resources and leads to one and to the library', async ({
	page
}) => {
	await visit(page, '/');
	const section = page.getByRole('region', { name: 'Ressources à la une' });
	await expect(section.getByRole('heading', { level: 3 })).toHaveCount(3);
	await expect(
		section.getByRole('link', { name: 'Points de RepèrESS : la coopération territoriale' })
	).toBeVisible();
	await expect(section.getByText('Rapport', { exact: true })).toBeVisible();
	const feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
	await expect(feed).toHaveAttribute('href', '/ressources.atom');

	await section.getByRole('link', { name: 'Vers une société de la coopération' }).click();
	await expect(page).toHaveURL(/\/ressources\/vers-une-societe-de-la-cooperation$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Vers une société de la coopération'
	);
	await expectAccessible(page);

	await page.goto('/');
	await section.getByRole('link', { name: 'Toutes les ressources' }).click();
	await expect(page).toHaveURL(/\/ressources$/);
});

test('the Atom feeds hold public resources only, answer 304 when unchanged, 404 for an unknown theme', async ({
	request,
	baseURL
}) => {
	const url = fs.readFileSync(`tests/.tmp/e2e-database-url-${new URL(baseURL!).port}`, 'utf8');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const hidden = `reservee-${randomBytes(3).toString('hex')}`;
	try {
		await client.query(
			`insert into resources (slug, title, kind, visibility, themes) values ($1, $1, 'fiche', 'members', '{outils-financiers}')`,
			[hidden]
		);
	} finally {
		await client.end();
	}
	const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' });
	const res = await request.get('/ressources.atom');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
	const body = await res.text();
	const entries = parser.parse(body).feed.entry as { title: { '#text': string } }[];
	expect(entries.map((e) => e.title['#text'])).toContain('Vers une société de la coopération');
	expect(body).not.toContain(hidden);

	const again = await request.get('/ressources.atom', {
		headers: { 'if-none-match': res.headers().etag! }
	});
	expect(again.status()).toBe(304);

	const theme = await request.get('/ressources/theme/outils-financiers.atom');
	expect(theme.status()).toBe(200);
	const themed = await theme.text();
	expect(themed).toContain('Webinaire : le Générateur Bourgogne-Franche-Comté');
	expect(themed).not.toContain('Webinaire « La posture »');
	expect(themed).not.toContain(hidden);
	expect((await request.get('/ressources/theme/inconnu.atom')).status()).toBe(404);
});
