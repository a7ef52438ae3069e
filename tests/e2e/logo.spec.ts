import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible, visit } from './support/a11y';
import { adminPage } from './support/accounts';

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);
const SVG = Buffer.from(
	'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
);

/** Width of the decoded image: above 0 once the browser has loaded and decoded it. */
const loadedWidth = (img: Locator) =>
	img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0));

test('an admin gives a structure a logo, shown publicly; an SVG is refused', async ({
	page,
	browser
}) => {
	const admin = await adminPage(browser);
	await admin.goto('/admin/structures');
	await expectAccessible(admin);
	await admin.getByRole('link', { name: 'ATIS', exact: true }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toContainText('ATIS');
	await expectAccessible(admin);
	await expect(admin.getByText('PNG, JPEG ou WebP, 1 Mo au plus')).toBeVisible();

	await admin
		.getByLabel('Logo', { exact: true })
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
	await admin.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(admin.getByText('Structure enregistrée.')).toBeVisible();
	await expectAccessible(admin);
	const current = admin.getByRole('img', { name: 'Logo actuel de la structure' });
	await expect.poll(() => loadedWidth(current)).toBeGreaterThan(0);
	await expect(admin.getByLabel('Retirer le logo')).not.toBeChecked();

	// A visitor sees it on the structure's page and on its card.
	await visit(page, '/communaute/atis');
	const logo = page.getByRole('img', { name: 'Logo : ATIS' });
	await expect(logo).toHaveAttribute('src', /^\/communaute\/atis\/logo\?v=[\w-]+$/);
	await expect.poll(() => loadedWidth(logo)).toBeGreaterThan(0);
	await expect(page.locator('p:has(> .tag)')).toHaveText('Association Nouvelle-Aquitaine');
	await visit(page, '/communaute?q=ATIS');
	const card = page.locator('.card', {
		has: page.getByRole('link', { name: 'ATIS', exact: true })
	});
	await expect.poll(() => loadedWidth(card.locator('img'))).toBeGreaterThan(0);
	await expect(card.locator('img')).toHaveAttribute('alt', '');

	// Served with the type found at upload, never sniffed, cacheable and revalidated by ETag.
	const response = await page.request.get('/communaute/atis/logo');
	expect(response.status()).toBe(200);
	const headers = response.headers();
	expect(headers['content-type']).toBe('image/png');
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['content-disposition']).toBe('inline');
	expect(headers['cache-control']).toBe('public, max-age=3600');
	expect((await response.body()).equals(PNG)).toBe(true);
	const etag = headers['etag'];
	expect(etag).toMatch(/^".+"$/);
	const again = await page.request.get('/communaute/atis/logo', {
		headers: { 'if-none-match': etag! }
	});
	expect(again.status()).toBe(304);
	const none = await page.request.get('/communaute/avise/logo');
	expect(none.status()).toBe(404);
	expect(await none.text()).toContain("Cette structure n'a pas de logo.");

	// An SVG is refused next to the field; what was typed stays, the file must be chosen again.
	await admin.getByLabel('Description').fill('Description modifiée avant un envoi refusé.');
	await admin
		.getByLabel('Logo', { exact: true })
		.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: SVG });
	await admin.getByRole('button', { name: 'Enregistrer' }).click();
	const error = admin.locator('#field-logo-error');
	await expect(error).toContainText('Format non accepté : envoyez une image PNG, JPEG ou WebP.');
	await expect(error).toContainText('Choisissez à nouveau le fichier.');
	await expectAccessible(admin);
	await expect(admin.getByLabel('Logo', { exact: true })).toHaveAttribute(
		'aria-describedby',
		/field-logo-error/
	);
	await expect(admin.getByLabel('Nom')).toHaveValue('ATIS');
	await expect(admin.getByLabel('Description')).toHaveValue(
		'Description modifiée avant un envoi refusé.'
	);
	// The PNG is still the logo.
	const still = await page.request.get('/communaute/atis/logo');
	expect(still.headers()['etag']).toBe(etag);
	await admin.context().close();
});
