import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './support/a11y';
import { ADMIN, login } from './support/accounts';

// This project runs against `node scripts/start.js` with no DATABASE_URL: the bundled PostgreSQL.
test('the app runs on the embedded PostgreSQL with the seeded démarche', async ({ page }) => {
	await visit(page, '/');
	await expect(page.getByRole('link', { name: /^Chantier 1/ })).toBeVisible();
	await visit(page, '/communaute');
	await expect(page.getByRole('status')).toContainText('46 structures');
	await login(page, ADMIN.email, ADMIN.password);
	await page.goto('/admin');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
});
