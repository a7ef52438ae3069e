import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';

// Each journey visits several pages checked with axe, on a shared, loaded machine.
test.beforeEach(() => test.slow());

const headerSearch = (page: Page) =>
	page.getByRole('banner').getByRole('search', { name: 'Rechercher sur la plateforme' });
const group = (page: Page, label: string) =>
	page.getByRole('region', { name: new RegExp(`^${label} \\(\\d+\\)$`) });

/** Presses Tab until `focused` (run in the page) holds. */
async function tabUntil(page: Page, focused: () => boolean, what: string) {
	for (let i = 0; i < 60; i++) {
		if (await page.evaluate(focused)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`${what} never got the focus`);
}

test('from the home page, the header search finds a structure, an event and a page', async ({
	page
}) => {
	await visit(page, '/');
	const search = headerSearch(page);
	await search.getByRole('searchbox', { name: 'Rechercher sur la plateforme' }).fill('coopération');
	await search.getByRole('button', { name: 'Lancer la recherche' }).click();
	await expect(page).toHaveURL(/\/recherche\?q=coop%C3%A9ration$/);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Rechercher' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText(/résultats? pour « coopération »/);
	// What was typed stays in the page's field.
	await expect(page.getByRole('main').getByLabel('Mots recherchés')).toHaveValue('coopération');

	// The example fiches of the cartography, the seeded events and the démarche's pages.
	const structures = group(page, 'Structures accompagnatrices');
	await expect(structures.getByRole('heading', { level: 3 }).first()).toBeVisible();
	await expect(
		structures.getByRole('link', { name: 'Voir tous les résultats dans la cartographie' })
	).toHaveAttribute('href', '/cartographie?q=coop%C3%A9ration');
	const events = group(page, 'Événements');
	await expect(
		events.getByRole('link', {
			name: 'Restitution du rapport « Vers une société de la coopération »'
		})
	).toBeVisible();
	await expect(events).toContainText('mardi 12 mars 2024, 14:00 – 17:00');
	const pages = group(page, 'Pages');
	await expect(
		pages.getByRole('link', { name: 'La démarche des chantiers coopératifs' })
	).toBeVisible();
	await expect(page.locator('mark').first()).toBeVisible();

	// A structure of the cartography opens on its fiche.
	const fiche = structures.getByRole('heading', { level: 3 }).first().getByRole('link');
	const ficheName = (await fiche.textContent())!.trim();
	await fiche.click();
	await expect(page).toHaveURL(/\/cartographie\/[a-z0-9-]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(ficheName.slice(0, 20));
	await expectAccessible(page);

	await page.goBack();
	await group(page, 'Pages')
		.getByRole('link', { name: 'La démarche des chantiers coopératifs' })
		.click();
	await expect(page).toHaveURL(/\/pages\/la-demarche$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('La démarche');
	await expectAccessible(page);
});

test('with the keyboard only: the header field, then a result', async ({ page }) => {
	await visit(page, '/agenda');
	await tabUntil(
		page,
		() => document.activeElement?.id === 'site-search-q',
		'the header search field'
	);
	await page.keyboard.type('restitution rapport');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/recherche\?q=restitution\+rapport$/);
	await expectAccessible(page);
	await tabUntil(
		page,
		() => document.activeElement?.matches('main section h3 a') === true,
		'a result'
	);
	const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${href}$`));
	await expectAccessible(page);
});

test('without JavaScript: nothing found gives a message and suggestions; an empty query, the form only', async ({
	browser,
	page
}) => {
	// axe needs JavaScript: each page reached without it is checked again in a normal page.
	const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await noScript.goto('/');
	await headerSearch(noScript).getByRole('searchbox').fill('xqzwvkj');
	await headerSearch(noScript).getByRole('button', { name: 'Lancer la recherche' }).click();
	await expect(noScript).toHaveURL(/\/recherche\?q=xqzwvkj$/);
	await expect(noScript.getByRole('status')).toHaveText('Aucun résultat pour « xqzwvkj »');
	await expect(noScript.getByRole('heading', { name: 'Quelques pistes' })).toBeVisible();
	await expect(noScript.getByRole('link', { name: 'connectez-vous' })).toBeVisible();
	await visit(page, noScript.url());

	await noScript.getByRole('main').getByLabel('Mots recherchés').fill('');
	await noScript.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
	await expect(noScript).toHaveURL(/\/recherche\?q=$/);
	await expect(noScript.getByRole('main').getByLabel('Mots recherchés')).toHaveValue('');
	await expect(noScript.getByRole('status')).toHaveCount(0);
	await expect(noScript.getByRole('region')).toHaveCount(0);
	await visit(page, noScript.url());
	await noScript.context().close();
});

test('a members-only page is found by a member, not by a visitor', async ({ page, baseURL }) => {
	const word = `zorglub${randomBytes(3).toString('hex')}`;
	await query(
		baseURL,
		`insert into pages (slug, title, body, visibility) values ($1, $2, $3, 'members')`,
		[word, `Note interne ${word}`, `Un texte pour les membres : ${word}.`]
	);
	await visit(page, `/recherche?q=${word}`);
	await expect(page.getByRole('status')).toHaveText(`Aucun résultat pour « ${word} »`);

	const member = await createAccount('membre', baseURL);
	await login(page, member.email, member.password);
	await visit(page, `/recherche?q=${word}`);
	await expect(
		group(page, 'Pages').getByRole('link', { name: `Note interne ${word}` })
	).toBeVisible();
});

test('the header search and the navigation fit a narrow screen', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await visit(page, '/');
	await expect(headerSearch(page).getByRole('searchbox')).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', {
			name: 'Ressources'
		})
	).toHaveAttribute('href', '/ressources');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});
