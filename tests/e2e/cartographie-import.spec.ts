import { expect, test, type Page } from '@playwright/test';
import { adminPage } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';

const unique = () => Math.random().toString(36).slice(2, 8);

/** A small file of two valid rows and one with an unknown commune. */
function csvOf(names: [string, string, string]) {
	return Buffer.from(
		[
			'Nom;Description courte;Commune;Code postal;Territoires;Types de coopération;Email',
			`${names[0]};Accompagne les coopérations du Rhône.;69123;;departement:69;Tiers-lieu;a@exemple.fr`,
			`${names[1]};Accompagne les coopérations de Lyon.;Lyon;69001;Rhône|region:84;ptce;`,
			`${names[2]};Cette ligne a une commune inconnue.;Atlantide;;departement:69;;`
		].join('\r\n'),
		'utf8'
	);
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv', axe = true) {
	// axe needs JavaScript: without it, the pages are the same ones, checked in the other tests.
	if (axe) await visit(page, '/admin/cartographie/import');
	else await page.goto('/admin/cartographie/import');
	await page.getByLabel('Fichier CSV').setInputFiles({ name, mimeType, buffer });
	await page.getByRole('button', { name: 'Analyser le fichier' }).click();
}

test('an admin imports a CSV: preview, mapping, check, invalid row, pending fiches', async ({
	browser
}) => {
	const admin = await adminPage(browser);
	const tag = unique();
	const names: [string, string, string] = [
		`Import Rhône ${tag}`,
		`Import Lyon ${tag}`,
		`Import Atlantide ${tag}`
	];
	await upload(admin, `structures-${tag}.csv`, csvOf(names));

	// The preview: encoding, separator, rows, the first rows, the guessed mapping.
	await expect(admin).toHaveURL(/\/admin\/cartographie\/import\/[0-9a-f-]{36}$/);
	await expect(admin.getByRole('heading', { level: 1 })).toContainText(`structures-${tag}.csv`);
	const summary = admin.locator('dl.summary');
	await expect(summary).toContainText('UTF-8');
	await expect(summary).toContainText('point-virgule (;)');
	await expect(summary).toContainText(/Lignes de données\s*3/);
	const preview = admin.getByRole('table', { name: /premières lignes/ });
	await expect(preview.getByRole('columnheader', { name: 'Nom', exact: true })).toBeVisible();
	await expect(preview).toContainText(names[0]);
	await expect(preview).toContainText('Atlantide');
	await expect(admin.getByLabel('Nom de la structure')).toHaveValue('0');
	await expect(admin.getByLabel('Commune (code INSEE ou nom)')).toHaveValue('2');
	await expect(admin.getByLabel('Code postal')).toHaveValue('3');
	await expect(admin.getByLabel("Territoire d'intervention")).toHaveValue('4');
	await expect(admin.getByLabel('Types de coopération accompagnés')).toHaveValue('5');
	await expect(admin.getByLabel('Adresse email de contact', { exact: true })).toHaveValue('6');
	await expect(admin.getByLabel('Sigle')).toHaveValue('');
	await expect(admin.getByRole('radio', { name: 'En attente de modération' })).toBeChecked();
	await expectAccessible(admin);

	// A required field without column is refused next to its select; the choices are kept.
	await admin.getByLabel('Nom de la structure').selectOption('');
	await admin.getByRole('button', { name: 'Vérifier' }).click();
	await expect(
		admin.getByRole('heading', { name: 'Le formulaire contient des erreurs' })
	).toBeVisible();
	await expect(
		admin.getByText('Choisissez la colonne de « Nom de la structure ».').first()
	).toBeVisible();
	await expect(admin.getByLabel('Code postal')).toHaveValue('3');
	await expectAccessible(admin);
	await admin.getByLabel('Nom de la structure').selectOption('0');

	// The check: per-row report, nothing written.
	await admin.getByRole('button', { name: 'Vérifier' }).click();
	await expect(admin.getByRole('heading', { name: 'Résultat de la vérification' })).toBeVisible();
	await expect(admin.getByText('2 lignes valides, 1 ligne invalide')).toBeVisible();
	const invalid = admin.getByRole('table', { name: /Problèmes par ligne/ });
	const row = invalid.getByRole('row').filter({ hasText: 'Atlantide' });
	await expect(row).toContainText('4');
	await expect(row).toContainText('Commune (code INSEE ou nom)');
	await expect(row).toContainText('Commune inconnue : « Atlantide ».');
	await expectAccessible(admin);
	const report = await admin.request.get(
		(await admin.getByRole('link', { name: 'Télécharger le rapport (CSV)' }).getAttribute('href'))!
	);
	expect(report.headers()['content-type']).toContain('text/csv');
	expect(await report.text()).toContain('Commune inconnue : « Atlantide ».');

	// The import creates the two valid rows, pending moderation.
	await admin.getByRole('button', { name: 'Importer les 2 lignes valides' }).click();
	await expect(admin.getByText('Import terminé')).toBeVisible();
	await expect(
		admin.getByText('2 fiches créées (en attente de modération) sur 3 lignes.')
	).toBeVisible();
	await expect(admin.getByRole('table', { name: /Problèmes par ligne/ })).toContainText(
		'Atlantide'
	);
	await expectAccessible(admin);
	await admin.getByRole('link', { name: 'Voir les fiches à modérer' }).click();
	await expect(admin).toHaveURL(/\/admin\/moderation/);
	await expect(admin.getByRole('heading', { level: 1 })).toContainText(/modér/i);
	await expect(admin.getByRole('heading', { name: names[0] })).toBeVisible();
	await expect(admin.getByRole('heading', { name: names[1] })).toBeVisible();
	await expect(admin.getByRole('heading', { name: names[2] })).toHaveCount(0);
	await expectAccessible(admin);

	// The list of imports shows it.
	await visit(admin, '/admin/cartographie/import');
	await expect(admin.getByRole('row').filter({ hasText: `structures-${tag}.csv` })).toContainText(
		'Terminé'
	);
	await admin.context().close();
});

test('a file that is not a CSV is refused with a French message', async ({ browser }) => {
	const admin = await adminPage(browser);
	const png = Buffer.from(
		'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
		'hex'
	);
	await upload(admin, 'photo.csv', png, 'image/png');
	await expect(admin).toHaveURL(/\/admin\/cartographie\/import/);
	await expect(
		admin.getByRole('heading', { name: 'Le formulaire contient des erreurs' })
	).toBeVisible();
	await expect(admin.locator('#field-file-error')).toContainText(
		"Ce fichier n'est pas un fichier CSV"
	);
	await expect(admin.getByLabel('Fichier CSV')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(admin);
	await admin.context().close();
});

test('a file over the size limits is refused with a French message', async ({ browser }) => {
	const admin = await adminPage(browser);
	const line = 'Nom;Description courte;Commune\n';
	// Over the import's 20 MB, then over the server's 25 MB body limit.
	for (const size of [21, 26]) {
		await upload(
			admin,
			`gros-${size}.csv`,
			Buffer.from(line.repeat((size * 1024 * 1024) / line.length))
		);
		await expect(admin.locator('#field-file-error')).toContainText(/trop volumineux|dépasse 20 Mo/);
	}
	await expectAccessible(admin);
	await admin.context().close();
});

test('without JavaScript, the page refreshes itself until the check ends', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const { ADMIN } = await import('./support/accounts');
	await page.goto('/connexion');
	await page.getByLabel('Adresse email').fill(ADMIN.email);
	await page.getByLabel('Mot de passe').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	const tag = unique();
	await upload(
		page,
		`sans-js-${tag}.csv`,
		csvOf([`Sans JS A ${tag}`, `Sans JS B ${tag}`, `Sans JS C ${tag}`]),
		'text/csv',
		false
	);
	await page.getByRole('button', { name: 'Vérifier' }).click();
	await expect(page.getByRole('heading', { name: 'Résultat de la vérification' })).toBeVisible({
		timeout: 15_000
	});
	await expect(page.getByText('2 lignes valides, 1 ligne invalide')).toBeVisible();
	await context.close();
});
