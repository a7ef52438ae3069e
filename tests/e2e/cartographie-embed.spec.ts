import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './support/a11y';

test('a partner builds the snippet of a filtered map and only that page can be framed', async ({
	page,
	request,
	baseURL
}) => {
	await visit(page, '/cartographie/integrer');
	await page.getByLabel('Région').selectOption('84');
	await page.getByLabel('Hauteur (pixels)').selectOption('650');
	await page.getByRole('button', { name: 'Mettre à jour le code' }).click();
	await expect(page).toHaveURL(/region=84/);
	await expectAccessible(page);

	const snippet = await page.getByLabel('Code HTML de la carte').inputValue();
	const src = snippet.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
	expect(src).toBe(`${baseURL}/cartographie/integree?region=84`);
	expect(snippet).toContain('height="650"');
	expect(snippet).toMatch(/title="[^"]+"/);

	// The snippet works in another site's page: a real server on another origin.
	const partner = http.createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(`<!doctype html><html lang="fr"><title>Partenaire</title>${snippet}</html>`);
	});
	await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
	const host = await page.context().newPage();
	await host.goto(`http://127.0.0.1:${(partner.address() as AddressInfo).port}/`);
	const frame = host.frameLocator('iframe');
	await expect(frame.getByRole('heading', { level: 1 })).toContainText('Structures');
	await expect(
		frame.getByRole('region', { name: "Carte des structures d'accompagnement" })
	).toHaveAttribute('data-map-state', 'ready');
	await frame.getByText('Liste des structures').click();
	const firstLink = frame.getByRole('listitem').getByRole('link').first();
	await expect(firstLink).toHaveAttribute('target', '_top');
	await expect(firstLink).toHaveAttribute('href', new RegExp(`^${baseURL}/cartographie/`));
	await host.close();
	partner.close();

	// The embedded page is framable by anyone; every other page refuses framing.
	const embedded = await request.get('/cartographie/integree?region=84');
	expect(embedded.headers()['x-frame-options']).toBeUndefined();
	expect(embedded.headers()['content-security-policy']).toContain('frame-ancestors *');
	for (const path of ['/cartographie', '/cartographie/integrer', '/']) {
		const response = await request.get(path);
		expect(response.headers()['x-frame-options']).toBe('DENY');
		expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	}
	await visit(page, '/cartographie/integree?region=84');
});
