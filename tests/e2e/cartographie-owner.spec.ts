import { expect, test } from '@playwright/test';
import { query } from './support/db';
import { collectErrors } from './support/page-errors';
import { expectAccessible, visit } from './support/a11y';
import { adminPage, linkFromOutbox } from './support/accounts';

const unique = () => Math.random().toString(36).slice(2, 8);

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

test('a structure proposes its fiche, edits it through the private link, confirms it', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const errors = collectErrors(page);
	const name = `Coopérer en métropole ${unique()}`;
	const email = `contact-${unique()}@exemple.fr`;

	// The proposal, with a commune and an EPCI as territory, and the point set on the map.
	await visit(page, '/cartographie/proposer');
	await page.getByLabel('Nom de la structure').fill(name);
	await page
		.getByLabel('Description courte')
		.fill('Accompagne les coopérations territoriales de la métropole.');
	await page.getByLabel('Commune (obligatoire)').fill('Villeurbanne');
	await page
		.getByLabel('Ajouter des communes ou des intercommunalités')
		.fill('Lyon\nMétropole de Lyon');
	await page.getByRole('checkbox', { name: 'Tiers-lieu' }).check();
	await page.getByLabel('Adresse email de contact').fill(email);
	const map = page.getByRole('region', { name: /cliquez pour placer le point/ });
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	await map.click();
	await expect(page.getByLabel('Latitude')).toHaveValue(/^\d+\.\d+$/);
	await expect(page.getByLabel('Longitude')).toHaveValue(/^-?\d+\.\d+$/);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Envoyer la fiche' }).click();
	await expect(page.getByText(`Un email a été envoyé à ${email}`)).toBeVisible();
	await expectAccessible(page);
	const [fiche] = await query<{ id: string; slug: string; lat: number }>(
		baseURL!,
		'select id, slug, lat from carto_fiches where name = $1',
		[name]
	);
	expect(fiche).toBeTruthy();
	const territories = await query<{ kind: string; code: string }>(
		baseURL!,
		'select kind, code from carto_fiche_territories where fiche_id = $1 order by kind',
		[fiche!.id]
	);
	expect(territories).toEqual([
		{ kind: 'commune', code: '69123' },
		{ kind: 'epci', code: '200046977' }
	]);

	// The email gives the private link; the fiche is published meanwhile.
	const admin = await adminPage(browser);
	const editPath = await linkFromOutbox(admin, email, /lien pour la modifier/);
	expect(editPath).toMatch(/^\/cartographie\/modifier\/[\w-]+$/);
	await query(
		baseURL!,
		"update carto_fiches set status = 'publiee', last_verified_at = now() where id = $1",
		[fiche!.id]
	);

	await visit(page, editPath);
	await expect(page.getByLabel('Nom de la structure')).toHaveValue(name);
	await expect(page.getByRole('checkbox', { name: 'Lyon (69)' })).toBeChecked();
	await expect(
		page.getByRole('checkbox', { name: 'Métropole de Lyon (EPCI 200046977)' })
	).toBeChecked();
	await expect(page.getByText('vos modifications seront relues')).toBeVisible();

	// Bad input: messages next to the fields, what was typed kept, nothing stored.
	await page.getByLabel('Adresse email de contact').fill('pas-une-adresse');
	await page.getByLabel('Présentation').fill('Une <b>présentation</b> en HTML.');
	await page.getByLabel('Sigle').fill('CEM');
	await page.getByLabel('Logo', { exact: true }).setInputFiles({
		name: 'logo.png',
		mimeType: 'image/png',
		buffer: Buffer.alloc(1024 * 1024 + 10, 1)
	});
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(
		page.getByRole('heading', { name: 'Le formulaire contient des erreurs' })
	).toBeVisible();
	await expectAccessible(page);
	await expect(page.locator('#field-contactEmail-error')).toContainText('Adresse e-mail invalide');
	await expect(page.locator('#field-presentation-error')).toContainText('HTML');
	await expect(page.locator('#field-logo-error')).toContainText(
		'Le logo ne doit pas dépasser 1 Mo'
	);
	await expect(page.getByLabel('Adresse email de contact')).toHaveValue('pas-une-adresse');
	await expect(page.getByLabel('Présentation')).toHaveValue('Une <b>présentation</b> en HTML.');
	await expect(page.getByLabel('Sigle')).toHaveValue('CEM');
	await expect(page.getByRole('checkbox', { name: 'Lyon (69)' })).toBeChecked();
	expect(
		await query(
			baseURL!,
			'select count(*)::int as n from carto_fiche_changes where fiche_id = $1',
			[fiche!.id]
		)
	).toEqual([{ n: 0 }]);

	// Corrected: the change waits for moderation, the public fiche is unchanged.
	await page.getByLabel('Adresse email de contact').fill(email);
	await page.getByLabel('Présentation').fill('Une présentation sans balise.');
	await page.getByLabel('Description courte').fill('Une description modifiée.');
	await page
		.getByLabel('Logo', { exact: true })
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page.getByText('Votre modification attend la relecture')).toBeVisible();
	await expectAccessible(page);
	const changes = await query<{ status: string; short: string }>(
		baseURL!,
		`select status, data->>'shortDescription' as short from carto_fiche_changes where fiche_id = $1`,
		[fiche!.id]
	);
	expect(changes).toEqual([{ status: 'en_attente', short: 'Une description modifiée.' }]);
	await visit(page, `/cartographie/${fiche!.slug}`);
	await expect(
		page.getByText('Accompagne les coopérations territoriales de la métropole.').first()
	).toBeVisible();

	// Opened again, the form starts from the pending change and says so.
	await visit(page, editPath);
	await expect(page.getByText('Une modification attend la relecture')).toBeVisible();
	await expect(page.getByLabel('Description courte')).toHaveValue('Une description modifiée.');
	// The logo of the pending change, beside its field, through the private address only.
	const logo = page.getByRole('img', { name: `Logo : ${name}` });
	expect(await logo.getAttribute('src')).toMatch(/\/logo\?v=[\w.-]+$/);
	expect((await logo.getAttribute('src'))!.startsWith(`${editPath}/logo?v=`)).toBe(true);
	await expect
		.poll(() => logo.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)))
		.toBeGreaterThan(0);
	const served = await page.request.get(`${editPath}/logo`);
	expect(served.headers()['content-type']).toBe('image/png');
	expect(served.headers()['cache-control']).toBe('private, no-store');
	expect((await served.body()).equals(PNG)).toBe(true);
	expect((await page.request.get(`/cartographie/${fiche!.slug}/logo`)).status()).toBe(404);

	// The confirmation page changes nothing on GET; its button confirms.
	await query(
		baseURL!,
		"update carto_fiches set last_verified_at = '2024-01-15T12:00:00Z' where id = $1",
		[fiche!.id]
	);
	// Not verified for 18 months: a badge in words on the public fiche.
	await visit(page, `/cartographie/${fiche!.slug}`);
	await expect(page.getByText('Informations vérifiées le 15 janvier 2024')).toBeVisible();
	await expect(page.getByText('À vérifier', { exact: true })).toBeVisible();
	const confirmPath = editPath.replace('/modifier/', '/confirmer/');
	await visit(page, confirmPath);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Vos informations sont-elles toujours exactes ?' })
	).toBeVisible();
	await expect(page.getByText('15 janvier 2024')).toBeVisible();
	await page.getByRole('button', { name: 'Confirmer que la fiche est à jour' }).click();
	await expect(page.getByText('La fiche est confirmée à jour')).toBeVisible();
	await expectAccessible(page);
	const [verified] = await query<{ recent: boolean }>(
		baseURL!,
		"select last_verified_at > now() - interval '1 minute' as recent from carto_fiches where id = $1",
		[fiche!.id]
	);
	expect(verified!.recent).toBe(true);

	// An unknown link: a French 404.
	const unknown = await page.goto('/cartographie/modifier/un-jeton-qui-n-existe-pas-du-tout');
	expect(unknown?.status()).toBe(404);
	await expect(page.getByText("Ce lien n'est pas valide ou a été désactivé.")).toBeVisible();
	await expectAccessible(page);

	expect(errors).toEqual([]);
});
