import { expect, test } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { spaceWithReferents } from '../helpers/roadmap';

test.beforeEach(() => test.slow());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test('a référent·e adds a production with a file, links it to an action, and keeps a relevé de décisions', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	const { slug } = await spaceWithReferents(baseURL, [referent.email]);
	const page = await (await browser.newContext()).newPage();
	await login(page, referent.email, referent.password);
	const base = `/chantiers/${slug}`;

	await visit(page, `${base}/productions`);
	await page.getByRole('link', { name: 'Ajouter une production' }).click();
	await expectAccessible(page);
	await page.getByLabel('Titre').fill('Référentiel de compétences');
	await page.getByLabel('Type').selectOption('referentiel');
	await page.getByLabel('Précision de la date').selectOption('month');
	await page.getByLabel('Date', { exact: true }).fill('2025-04');
	await page.getByLabel('Description').fill('Finalisé en **avril 2025**.');
	// A file that is not one of the accepted types: refused, everything typed kept.
	await page.getByLabel('Fichier').setInputFiles({
		name: 'schema.svg',
		mimeType: 'image/svg+xml',
		buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')
	});
	await page.getByRole('button', { name: 'Ajouter la production' }).click();
	await expect(page.locator('#field-file-error')).toContainText('Formats acceptés');
	await expect(page.getByLabel('Titre')).toHaveValue('Référentiel de compétences');
	await expectAccessible(page);
	await page.getByLabel('Fichier').setInputFiles({
		name: 'referentiel.pdf',
		mimeType: 'application/pdf',
		buffer: pdf
	});
	await page.getByRole('button', { name: 'Ajouter la production' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Référentiel de compétences' })
	).toBeVisible();
	await expect(page.getByText('avril 2025').first()).toBeVisible();
	await expect(page.locator('.prose strong')).toHaveText('avril 2025');
	await expectAccessible(page);
	const download = page.getByRole('link', { name: 'Télécharger referentiel.pdf' });
	const file = await page.request.get((await download.getAttribute('href'))!);
	expect(file.headers()['content-type']).toBe('application/pdf');
	expect(file.headers()['x-content-type-options']).toBe('nosniff');
	expect(file.headers()['content-disposition']).toMatch(/^attachment;/);

	// An action linked to it, then the link back from the production.
	await visit(page, `${base}/feuille-de-route/actions/nouvelle`);
	await page.getByLabel('Titre').fill('Finaliser les référentiels');
	await page.getByLabel('Référentiel de compétences').check();
	await page.getByRole('button', { name: "Ajouter l'action" }).click();
	const action = page.locator('article', { hasText: 'Finaliser les référentiels' });
	await action.getByRole('link', { name: 'Référentiel de compétences' }).click();
	await expect(page.getByRole('link', { name: 'Finaliser les référentiels' })).toBeVisible();
	await expectAccessible(page);

	await visit(page, `${base}/decisions`);
	await page.getByRole('link', { name: 'Ajouter une décision' }).click();
	await page.getByRole('button', { name: 'Ajouter la décision' }).click();
	await expect(page.locator('#field-decision-error')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Date').fill('2025-03-27');
	await page.getByLabel('Décision').fill('Présenter le bilan lors de la restitution');
	await page.getByLabel('Statut').selectOption('realisee');
	await page.getByRole('button', { name: 'Ajouter la décision' }).click();
	await expect(page.getByText('Présenter le bilan lors de la restitution')).toBeVisible();
	await page.getByLabel('Année').selectOption('2025');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/annee=2025/);
	await expect(page.getByText('Présenter le bilan lors de la restitution')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /^Modifier/ }).click();
	// The list has a « Statut » filter too: wait for the edit form before choosing.
	await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeVisible();
	await page.getByLabel('Statut').selectOption('ajournee');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.locator('.decisions .tag')).toContainText('Ajournée');
	await expectAccessible(page);
	await page.context().close();
});
