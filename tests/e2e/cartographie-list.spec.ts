import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { withDatabase } from './support/db';
import { expectAccessible } from './support/a11y';

/** Two published fiches straight in the e2e database (the demo fiches do not exist yet). */
async function createFiches(baseURL: string) {
	const suffix = randomBytes(3).toString('hex');
	const fiches = [
		{
			name: 'Rhône Coopérations Accompagnement',
			slug: 'rhone-cooperations-accompagnement',
			commune: '69123',
			lat: 45.758,
			lon: 4.835,
			kinds: ['scic'],
			territory: ['departement', '69']
		},
		{
			name: 'Forez Coopérations Accompagnement',
			slug: 'forez-cooperations-accompagnement',
			commune: '42218',
			lat: 45.434,
			lon: 4.39,
			kinds: ['ptce'],
			territory: ['departement', '42']
		}
	];
	await withDatabase(baseURL, async (client) => {
		// A retry starts from the same two fiches.
		await client.query(`delete from carto_fiches where name = any($1)`, [
			fiches.map((f) => f.name)
		]);
		for (const f of fiches) {
			const { rows } = await client.query<{ id: string }>(
				`insert into carto_fiches (slug, name, short_description, commune_code, lat, lon,
					cooperation_kinds, dimensions, modalities, stages, cost, status, last_verified_at)
				values ($1, $2, $3, $4, $5, $6, $7, '{gouvernance}', '{collectif}', '{emergence}',
					'gratuit', 'publiee', now())
				returning id`,
				[
					`${f.slug}-${suffix}`,
					f.name,
					`${f.name} aide les coopérations territoriales à se structurer.`,
					f.commune,
					f.lat,
					f.lon,
					f.kinds
				]
			);
			await client.query(
				`insert into carto_fiche_territories (fiche_id, kind, code) values ($1, $2, $3)`,
				[rows[0]!.id, ...f.territory]
			);
		}
	});
}

/** Presses Tab until the element with this id has the focus (keyboard only). */
async function tabTo(page: Page, id: string) {
	for (let i = 0; i < 80; i++) {
		if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`#${id} never got the focus`);
}

/** Presses Tab until the focused element is the button named `name`. */
async function tabToButton(page: Page, name: string) {
	for (let i = 0; i < 80; i++) {
		const focused = await page.evaluate(() => {
			const el = document.activeElement;
			return el instanceof HTMLButtonElement ? el.textContent?.trim() : null;
		});
		if (focused === name) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`button ${name} never got the focus`);
}

/** Presses Tab until this element has the focus. */
async function tabToLocator(page: Page, target: Locator) {
	for (let i = 0; i < 150; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('the element never got the focus');
}

test('a visitor filters the cartography and searches around their commune, by keyboard', async ({
	page,
	baseURL
}) => {
	// A long journey (list, map, fiche page and back), each page checked with axe.
	test.setTimeout(150_000);
	await createFiches(baseURL!);
	await page.goto('/cartographie');
	await expectAccessible(page);
	await expect(
		page.getByRole('heading', { level: 1, name: "Cartographie de l'accompagnement" })
	).toBeVisible();
	await expect(page.getByRole('status')).toContainText("structures d'accompagnement");
	const search = page.getByRole('main').getByRole('search');

	// Dimension and région, typed into the closed selects, then the button.
	await tabTo(page, 'dimension');
	await page.keyboard.type('Gouvernance');
	await expect(search.getByLabel('Dimension accompagnée')).toHaveValue('gouvernance');
	await tabTo(page, 'region');
	await page.keyboard.type('Auvergne');
	await expect(search.getByLabel('Région')).toHaveValue('84');
	await tabToButton(page, 'Rechercher');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/dimension=gouvernance/);
	await expect(page).toHaveURL(/region=84/);
	await expectAccessible(page);
	const cards = page.getByRole('heading', { level: 2 });
	await expect(cards.filter({ hasText: 'Coopérations Accompagnement' })).toHaveCount(2);
	await expect(
		search.getByRole('option', { name: /^Gouvernance et organisation \(\d+\)$/ })
	).toHaveCount(1);

	// A commune that does not exist: a message next to the field, what was typed kept.
	await tabTo(page, 'lieu');
	await page.keyboard.type('Xqzwvk');
	await page.keyboard.press('Enter');
	await expectAccessible(page);
	await expect(page.getByText('Aucune commune ne correspond à « Xqzwvk »')).toBeVisible();
	await expect(search.getByLabel('Ma commune')).toHaveValue('Xqzwvk');

	// Lyon: the Rhône's fiche covers it, the Forez one comes after with its distance.
	await tabTo(page, 'lieu');
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('Lyon');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/lieu=Lyon/);
	await expectAccessible(page);
	await expect(search.getByLabel('Ma commune')).toHaveValue('Lyon (69)');
	await expect(page.getByRole('status')).toContainText('autour de Lyon (69)');
	await expect(search.getByLabel('Dimension accompagnée')).toHaveValue('gouvernance');
	const names = await cards.allTextContents();
	const rhone = names.findIndex((n) => n.includes('Rhône Coopérations'));
	const forez = names.findIndex((n) => n.includes('Forez Coopérations'));
	expect(rhone).toBeGreaterThanOrEqual(0);
	expect(forez).toBeGreaterThan(rhone);
	const rhoneCard = page.getByRole('article').filter({ hasText: 'Rhône Coopérations' });
	await expect(rhoneCard).toContainText('Intervient sur votre département');
	await expect(rhoneCard).toContainText('Lyon, Rhône (69)');
	const forezCard = page.getByRole('article').filter({ hasText: 'Forez Coopérations' });
	await expect(forezCard).toContainText(/à \d+ km/);
	await expect(
		forezCard.getByRole('link', { name: 'Forez Coopérations Accompagnement' })
	).toHaveAttribute('href', /^\/cartographie\/forez-cooperations-accompagnement-/);

	// The map shows the same results, centred on Lyon, and works with the keyboard.
	const map = page.getByRole('region', { name: "Carte des structures d'accompagnement" });
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	// Every fiche of the list has a point: the map shows as many as the list counts.
	const total = async () =>
		Number((await page.getByRole('status').first().textContent())!.match(/^\s*(\d+)/)![1]);
	await expect(map).toHaveAttribute('data-map-points', String(await total()));
	await expect(map.getByRole('img', { name: 'Ma commune : Lyon (69)' })).toBeAttached();
	await expectAccessible(page);
	const showRhone = page.getByRole('button', {
		name: 'Voir sur la carte : Rhône Coopérations Accompagnement'
	});
	await tabToLocator(page, showRhone);
	await page.keyboard.press('Enter');
	const ficheLink = map.getByRole('link', {
		name: 'Voir la fiche : Rhône Coopérations Accompagnement'
	});
	await expect(ficheLink).toBeFocused();
	await expect(map.locator('.map-summary')).toContainText('aide les coopérations territoriales');
	await expectAccessible(page);
	const target = await ficheLink.getAttribute('href');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${target}$`));
	await expect(page.getByRole('region', { name: /^Carte : emplacement de / })).toHaveAttribute(
		'data-map-state',
		'ready'
	);
	await expectAccessible(page);
	await page.goBack();

	// On the map itself: the points are buttons reached with Tab; Enter opens the summary.
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	const point = map.getByRole('button', { name: 'Forez Coopérations Accompagnement' });
	await expect(point).toBeAttached();
	await tabToLocator(page, point);
	await page.keyboard.press('Enter');
	await expect(
		map.getByRole('link', { name: 'Voir la fiche : Forez Coopérations Accompagnement' })
	).toBeFocused();

	// A filter changed with the keyboard updates the list and the map together.
	await tabTo(page, 'type');
	await page.keyboard.type('PTCE');
	await expect(page).toHaveURL(/type=ptce/);
	await expect(cards.filter({ hasText: 'Coopérations Accompagnement' })).toHaveCount(1);
	await expect(map).toHaveAttribute('data-map-points', String(await total()));
	await expect(search.getByLabel('Type de coopération')).toBeFocused();
});
