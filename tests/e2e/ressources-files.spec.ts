import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { makePdf } from '../fixtures/files/documents';

test.beforeEach(() => test.slow());

const pdf = Buffer.from(makePdf(['Note de synthese du questionnaire', 'Mot unique : azerolier']));

test('a member adds a members-only resource with a PDF, sees its page and downloads it; a visitor cannot', async ({
	browser,
	baseURL,
	request
}) => {
	const member = await createAccount('membre', baseURL);
	const page = await (await browser.newContext()).newPage();
	await login(page, member.email, member.password);

	await visit(page, '/ressources/nouveau');
	await page.getByLabel('Titre').fill('Synthèse du questionnaire du chantier 3');
	await page.getByLabel('Type').selectOption('compte-rendu');
	await page.getByLabel('Description').fill('Les réponses **des acteur·rice·s** de l’ESS.');
	await page.getByLabel('Auteur·rice·s').fill('Camille Martin\nLe Labo');
	await page.getByLabel('Date', { exact: true }).fill('2025-02-14');
	await page.getByLabel('Accompagnement des coopérations').check();
	await page.getByLabel('Mots-clés').fill('questionnaire, accompagnement');
	await page.getByLabel('Qui peut voir').selectOption('members');
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'synthèse questionnaire.pdf',
		mimeType: 'application/pdf',
		buffer: pdf
	});
	await page.getByRole('button', { name: 'Ajouter la ressource' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Synthèse du questionnaire du chantier 3' })
	).toBeVisible();
	await expect(page).toHaveURL(/\/ressources\/synthese-du-questionnaire-du-chantier-3(-\d+)?$/);
	const resourcePath = new URL(page.url()).pathname;
	await expect(page.getByText('14 février 2025')).toBeVisible();
	await expect(page.locator('.prose strong')).toHaveText('des acteur·rice·s');
	await expect(page.getByRole('link', { name: 'Accompagnement des coopérations' })).toHaveAttribute(
		'href',
		'/ressources?theme=accompagnement'
	);
	await expect(page.getByText('synthèse questionnaire.pdf — PDF')).toBeVisible();
	await expectAccessible(page);

	const link = page.getByRole('link', { name: /^Télécharger/ });
	const href = (await link.getAttribute('href'))!;
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe('synthèse questionnaire.pdf');
	expect(await fs.readFile((await download.path())!)).toEqual(pdf);
	const file = await page.request.get(href);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toBe('application/pdf');
	expect(file.headers()['content-disposition']).toMatch(/^attachment;/);
	expect(file.headers()['x-content-type-options']).toBe('nosniff');
	expect(file.headers()['cache-control']).toBe('private, no-store');

	// Its author may edit it.
	await page.getByRole('link', { name: 'Modifier la ressource' }).click();
	await expect(page.getByLabel('Titre')).toHaveValue('Synthèse du questionnaire du chantier 3');
	await expectAccessible(page);

	// A visitor: the page and the file answer 404, from the page as over plain HTTP.
	const visitor = await (await browser.newContext()).newPage();
	const shown = await visit(visitor, resourcePath);
	expect(shown?.status()).toBe(404);
	const status = await visitor.evaluate(async (url) => (await fetch(url)).status, href);
	expect(status).toBe(404);
	const plain = await request.get(href, { maxRedirects: 0 });
	expect(plain.status()).toBe(404);
	expect(await plain.text()).not.toContain('azerolier');
});

test('a bad file is refused next to the field, the typed title kept, nothing created', async ({
	browser,
	baseURL
}) => {
	const member = await createAccount('membre', baseURL);
	const page = await (await browser.newContext()).newPage();
	await login(page, member.email, member.password);
	await visit(page, '/ressources/nouveau');
	await page.getByLabel('Titre').fill('Outil de diagnostic');
	await page.getByLabel('Type').selectOption('outil');
	// An executable renamed as a PDF.
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'diagnostic.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)])
	});
	await page.getByRole('button', { name: 'Ajouter la ressource' }).click();
	await expect(page.locator('#field-file-error')).toContainText(
		'Format de fichier non accepté (reconnu d’après son contenu).'
	);
	await expect(page.getByLabel('Fichier', { exact: true })).toHaveAttribute(
		'aria-describedby',
		/field-file-error/
	);
	await expect(page.getByLabel('Titre')).toHaveValue('Outil de diagnostic');
	await expect(page.getByLabel('Type')).toHaveValue('outil');
	await expectAccessible(page);
	const missing = await page.request.get('/ressources/outil-de-diagnostic', { maxRedirects: 0 });
	expect(missing.status()).toBe(404);
});

test('its author adds a file to a linked resource, removes it, then deletes the resource once confirmed', async ({
	browser,
	baseURL
}) => {
	const member = await createAccount('membre', baseURL);
	const page = await (await browser.newContext()).newPage();
	await login(page, member.email, member.password);
	await visit(page, '/ressources/nouveau');
	await page.getByLabel('Titre').fill('Points de RepèrESS à modifier');
	await page.getByLabel('Type').selectOption('fiche');
	// Neither a file nor a link: refused, the title kept.
	await page.getByRole('button', { name: 'Ajouter la ressource' }).click();
	await expect(page.locator('#field-externalUrl-error')).toContainText(
		'Ajoutez un fichier ou un lien.'
	);
	await expect(page.getByLabel('Titre')).toHaveValue('Points de RepèrESS à modifier');
	await expectAccessible(page);
	await page.getByLabel('Lien externe').fill('https://example.org/reperess');
	await page.getByRole('button', { name: 'Ajouter la ressource' }).click();
	await expect(page.getByRole('link', { name: 'Ouvrir le lien externe' })).toHaveAttribute(
		'href',
		'https://example.org/reperess'
	);
	await expect(page.getByRole('link', { name: /^Télécharger/ })).toHaveCount(0);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Modifier la ressource' }).click();
	await expectAccessible(page);
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'reperess.pdf',
		mimeType: 'application/pdf',
		buffer: pdf
	});
	await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
	await expect(page.getByText('reperess.pdf — PDF')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Modifier la ressource' }).click();
	await page.getByRole('button', { name: 'Retirer le fichier' }).click();
	await expect(page.getByText('Le fichier a été retiré.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Retirer le fichier' })).toHaveCount(0);
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Supprimer' }).click();
	await expect(page.locator('#field-confirm-error')).toContainText('Cochez la case');
	await expectAccessible(page);
	await page.getByLabel(/Je confirme la suppression/).check();
	await page.getByRole('button', { name: 'Supprimer' }).click();
	await expect(page).toHaveURL(/\/ressources\?supprimee=1$/);
	await expect(
		page.getByRole('status').filter({ hasText: 'La ressource a été supprimée.' })
	).toBeVisible();
	await expectAccessible(page);
	const gone = await page.request.get('/ressources/points-de-reperess-a-modifier');
	expect(gone.status()).toBe(404);
});

test('a visitor reads a seeded public resource: its structure author links to its page', async ({
	page
}) => {
	const shown = await visit(page, '/ressources/vers-une-societe-de-la-cooperation');
	expect(shown?.status()).toBe(200);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Vers une société de la coopération' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: "Le Labo de l'ESS" })).toHaveAttribute(
		'href',
		'/communaute/labo-ess'
	);
	await expect(page.getByRole('link', { name: 'Modifier la ressource' })).toHaveCount(0);
	await expect(
		page.getByRole('link', { name: 'transition écologique juste', exact: true })
	).toHaveAttribute('href', '/ressources?tag=transition%20%C3%A9cologique%20juste');
});
