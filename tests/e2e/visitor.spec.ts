import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './support/a11y';

test('a visitor goes home → la démarche → a chantier → la communauté → a structure', async ({
	page
}) => {
	await visit(page, '/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('chantiers coopératifs');
	await expect(page.getByRole('heading', { name: 'La démarche en chiffres' })).toBeVisible();

	const nav = page.getByRole('navigation', { name: 'Navigation principale' });
	await nav.getByRole('link', { name: 'La démarche' }).click();
	await expect(page).toHaveURL(/\/la-demarche$/);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { name: 'Les dates clés' })).toBeVisible();

	await nav.getByRole('link', { name: 'Chantiers', exact: true }).click();
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: /^Chantier \d/ })).toHaveCount(5);
	await page.getByRole('link', { name: /^Chantier 2/ }).click();
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Chantier 2');
	await expect(page.getByRole('heading', { name: 'Le défi' })).toBeVisible();
	await expect(page.getByText('Wafae Kerzazi')).toBeVisible();

	await nav.getByRole('link', { name: 'La communauté' }).click();
	await expectAccessible(page);
	await expect(page.getByRole('status')).toContainText('structures');
	await page.getByLabel('Rechercher', { exact: true }).fill('cooperation');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expectAccessible(page);
	await page.getByLabel('Rechercher', { exact: true }).fill('');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await page.getByRole('link', { name: 'Centsept', exact: true }).click();
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Centsept' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Dans les chantiers' })).toBeVisible();
	// Contact details chosen "members only" are hidden from visitors.
	await expect(page.locator('a[href^="mailto:"]')).toHaveCount(0);
});

test('the footer pages and the community members list are reachable', async ({ page }) => {
	for (const [link, heading] of [
		['Mentions légales', /Mentions légales/],
		['Accessibilité', /accessibilité/i],
		['Données personnelles', /Données personnelles|personnelles/]
	] as const) {
		await visit(page, '/');
		await page.getByRole('contentinfo').getByRole('link', { name: link }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
		await expectAccessible(page);
	}
	await visit(page, '/communaute/membres');
	await expect(page.getByText('Mickaël Vartuaroglu')).toBeVisible();
});

test('responses carry the security headers', async ({ request }) => {
	const response = await request.get('/');
	const h = response.headers();
	expect(h['content-security-policy']).toContain("default-src 'self'");
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(h['x-frame-options']).toBe('DENY');
});
