import { expect, test } from '@playwright/test';
import { check } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { expectAccessible, visit } from './support/a11y';
import { adminPage, linkFromOutbox } from './support/accounts';

const unique = () => Math.random().toString(36).slice(2, 8);

/**
 * The whole life of a fiche, through the screens only: proposed by a structure, published by a
 * moderator, found on the map and in the exports, then changed by its owner through the private
 * link; the change waits for moderation, is seen as a diff, approved, and reaches the public.
 */
test('a fiche goes from the public form to the map and the exports, then its owner changes it', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(180_000);
	const name = `Parcours coopératif ${unique()}`;
	const contact = `parcours-${unique()}@exemple.fr`;
	const before = 'Accompagne les coopérations territoriales du Rhône.';
	const after = 'Accompagne les coopérations rurales et urbaines du Rhône.';

	// 1. A structure proposes its fiche, without an account.
	await visit(page, '/cartographie/proposer');
	await page.getByLabel('Nom de la structure').fill(name);
	await page.getByLabel('Description courte').fill(before);
	await page.getByLabel('Commune (obligatoire)').fill('Lyon');
	await page.getByLabel('Départements').selectOption(['69']);
	await page.getByRole('checkbox', { name: 'Tiers-lieu' }).check();
	await page.getByRole('checkbox', { name: 'Gouvernance et organisation' }).check();
	await page.getByRole('radio', { name: 'Gratuit' }).check();
	await page.getByLabel('Adresse email de contact').fill(contact);
	await page.getByLabel('Afficher cette adresse sur la fiche publique').check();
	await page.getByRole('button', { name: 'Envoyer la fiche' }).click();
	await expect(page.getByText(`Un email a été envoyé à ${contact}`)).toBeVisible();
	await expectAccessible(page);

	// Not public yet.
	const hidden = await request.get(`/api/v1/structures?q=${encodeURIComponent(name)}`);
	expect(((await hidden.json()) as { total: number }).total).toBe(0);

	// 2. A moderator publishes it from the queue.
	const admin = await adminPage(browser);
	await visit(admin, '/admin/moderation');
	const card = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name }) });
	await card.getByRole('button', { name: `Publier la fiche ${name}` }).click();
	await expect(admin.getByText('Fiche publiée')).toBeVisible();
	await expectAccessible(admin);

	// 3. A visitor finds it in the list and on the map.
	await visit(page, `/cartographie?q=${encodeURIComponent(name)}`);
	await expect(page.getByRole('status').first()).toContainText('1 structure');
	const map = page.getByRole('region', { name: "Carte des structures d'accompagnement" });
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	await expect(map).toHaveAttribute('data-map-points', '1');
	await expect(map.getByRole('button', { name })).toBeAttached();
	await expectAccessible(page);

	// ... and in the three exports, read by real parsers.
	const q = `q=${encodeURIComponent(name)}`;
	const json = (await (await request.get(`/api/v1/structures?${q}`)).json()) as {
		total: number;
		structures: { nom: string; description_courte: string; email: string | null }[];
	};
	expect(json.total).toBe(1);
	expect(json.structures[0]!.nom).toBe(name);
	expect(json.structures[0]!.email).toBe(contact);
	const geo = check(
		await (await request.get(`/api/v1/structures.geojson?${q}`)).text()
	) as unknown as {
		features: { geometry: { coordinates: number[] }; properties: { nom: string } }[];
	};
	expect(geo.features).toHaveLength(1);
	expect(geo.features[0]!.properties.nom).toBe(name);
	const [lon, lat] = geo.features[0]!.geometry.coordinates;
	expect(lon).toBeGreaterThan(4.7);
	expect(lon).toBeLessThan(5);
	expect(lat).toBeGreaterThan(45.6);
	expect(lat).toBeLessThan(45.9);
	const rows = parse(await (await request.get(`/api/v1/structures.csv?${q}`)).text(), {
		columns: true
	}) as Record<string, string>[];
	expect(rows).toHaveLength(1);
	expect(rows[0]!.nom).toBe(name);

	// 4. The owner changes the fiche through the private link from the email.
	const editPath = await linkFromOutbox(admin, contact, /lien pour la modifier/);
	await visit(page, editPath);
	await expect(page.getByLabel('Nom de la structure')).toHaveValue(name);
	await page.getByLabel('Description courte').fill(after);
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page.getByText('Votre modification attend la relecture')).toBeVisible();
	await expectAccessible(page);

	// The public fiche and the exports keep the published text until a moderator approves.
	await visit(page, `/cartographie/${slugOf(rows[0]!)}`);
	await expect(page.getByText(before).first()).toBeVisible();
	await expect(page.getByText(after)).toHaveCount(0);
	const waiting = (await (await request.get(`/api/v1/structures?${q}`)).json()) as typeof json;
	expect(waiting.structures[0]!.description_courte).toBe(before);

	// 5. The moderator sees the change as a diff and approves it; the public sees it.
	await visit(admin, '/admin/moderation');
	const change = admin
		.getByRole('listitem')
		.filter({ has: admin.getByRole('heading', { name: `Modification de ${name}` }) });
	await expect(change).toContainText('Description courte');
	await expect(change.locator('del').first()).toContainText('territoriales');
	await expect(change.locator('ins').first()).toContainText('rurales et urbaines');
	await change.getByRole('button', { name: `Publier la modification de ${name}` }).click();
	await expect(admin.getByText('Modification publiée')).toBeVisible();
	await expectAccessible(admin);
	await admin.context().close();

	await visit(page, `/cartographie/${slugOf(rows[0]!)}`);
	await expect(page.getByText(after).first()).toBeVisible();
	const approved = (await (await request.get(`/api/v1/structures?${q}`)).json()) as typeof json;
	expect(approved.structures[0]!.description_courte).toBe(after);
});

/** The fiche's slug from its public URL in the CSV export. */
function slugOf(row: Record<string, string>): string {
	const url = row.url ?? '';
	return url.slice(url.lastIndexOf('/') + 1);
}
