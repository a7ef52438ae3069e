import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';
import { makePdf } from '../fixtures/files/documents';

test.beforeEach(() => test.slow());

/** Letters only, so that the word stays one lexeme whatever the stemmer does. */
const uniqueWord = () =>
	`mot${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/** Searches until the extraction job has indexed the document (bounded). */
async function searchUntilFound(page: Page, word: string, attempts = 30) {
	for (let i = 0; i < attempts; i++) {
		await page.goto(`/ressources?q=${word}`);
		if ((await page.locator('.results .items > li').count()) > 0) return;
		await page.waitForTimeout(1000);
	}
	throw new Error(`« ${word} » never found`);
}

test('a member uploads a PDF; searching a word found only inside it shows the resource with the passage', async ({
	browser,
	baseURL
}) => {
	const word = uniqueWord();
	const member = await createAccount('membre', baseURL);
	const page = await (await browser.newContext()).newPage();
	await login(page, member.email, member.password);

	await visit(page, '/ressources');
	await page.getByRole('link', { name: 'Ajouter une ressource' }).click();
	await expect(page).toHaveURL(/\/ressources\/nouveau$/);
	await page.getByLabel('Titre').fill('Compte rendu de la rencontre régionale');
	await page.getByLabel('Type').selectOption('compte-rendu');
	await page.getByLabel('Description').fill('Les échanges de la journée.');
	await page.getByLabel('Fichier', { exact: true }).setInputFiles({
		name: 'compte-rendu.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(
			makePdf([
				'Compte rendu de la rencontre',
				`Les participants ont retenu le ${word} comme fil rouge.`,
				'Fin du document.'
			])
		)
	});
	await page.getByRole('button', { name: 'Ajouter la ressource' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Compte rendu de la rencontre régionale' })
	).toBeVisible();

	// The word is in neither the title nor the description: only the document's text has it.
	await searchUntilFound(page, word);
	await expectAccessible(page);
	await expect(page.locator('.results .summary')).toHaveText(`1 ressource pour « ${word} »`);
	const hit = page.locator('.results .items > li').first();
	await expect(
		hit.getByRole('link', { name: 'Compte rendu de la rencontre régionale' })
	).toBeVisible();
	await expect(hit.locator('mark')).toHaveText(word);
	await expect(hit.locator('.snippet')).toContainText('comme fil rouge');
	await expect(page.getByLabel('Rechercher dans les ressources')).toHaveValue(word);
});

test('facets narrow the results, keep the filters in the URL, and work without JavaScript', async ({
	browser,
	baseURL
}) => {
	const word = uniqueWord();
	for (const [slug, kind, year] of [
		[`${word}-rapport`, 'rapport', '2023-03-01'],
		[`${word}-fiche`, 'fiche', '2024-06-01'],
		[`${word}-fiche-2`, 'fiche', '2024-09-01']
	]) {
		await query(
			baseURL,
			`insert into resources (slug, title, kind, description, published_on)
			 values ($1, $2, $3, $4, $5)`,
			[slug, `Ressource ${slug}`, kind, `Une ressource sur le ${word}.`, year]
		);
	}
	// Hidden from visitors, also in the counts.
	await query(
		baseURL,
		`insert into resources (slug, title, kind, description, visibility)
		 values ($1, $2, 'outil', $3, 'members')`,
		[`${word}-membres`, 'Outil réservé', `Le ${word} des membres.`]
	);

	const page = await (await browser.newContext()).newPage();
	await visit(page, `/ressources?q=${word}`);
	await expect(page.locator('.results .summary')).toHaveText(`3 ressources pour « ${word} »`);
	const kinds = page.getByRole('group', { name: 'Type de ressource' });
	await expect(kinds.getByRole('checkbox', { name: /Outil/ })).toHaveCount(0);
	await expect(kinds.getByRole('checkbox', { name: /^Fiche \(2 ressources ?\)/ })).toBeVisible();

	// With JavaScript, ticking a box applies it at once.
	await kinds.getByRole('checkbox', { name: /^Fiche \(2 ressources ?\)/ }).check();
	await expect(page).toHaveURL(/type=fiche/);
	await expect(page.locator('.results .summary')).toHaveText(`2 ressources pour « ${word} »`);
	await expectAccessible(page);
	// Other facets are counted with the kind applied; the kind facet itself still lists reports.
	await expect(
		page.getByRole('group', { name: 'Année' }).getByRole('checkbox', { name: /^2023/ })
	).toHaveCount(0);
	await expect(kinds.getByRole('checkbox', { name: /^Rapport \(1 ressource ?\)/ })).toBeVisible();

	// The URL is the view: opened elsewhere, it shows the same.
	const shared = page.url();
	const other = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	// (axe needs scripts: the pages reached without them are checked in the first browser.)
	await other.goto(shared);
	await expect(other.locator('.results .summary')).toHaveText(`2 ressources pour « ${word} »`);
	await expect(
		other.getByRole('group', { name: 'Type de ressource' }).getByRole('checkbox', { name: /Fiche/ })
	).toBeChecked();

	// Without JavaScript: tick, then "Filtrer".
	await other
		.getByRole('group', { name: 'Année' })
		.getByRole('checkbox', { name: /^2024/ })
		.check();
	await other
		.getByRole('group', { name: 'Type de ressource' })
		.getByRole('checkbox', { name: /Rapport/ })
		.check();
	await other.getByRole('button', { name: 'Filtrer', exact: true }).click();
	await expect(other).toHaveURL(/type=rapport/);
	await expect(other).toHaveURL(/annee=2024/);
	await expect(other.locator('.results .summary')).toHaveText(`2 ressources pour « ${word} »`);
	await visit(page, other.url());

	// By date: the latest first.
	await other.getByLabel('Trier par').selectOption('date');
	await other
		.locator('form.library')
		.getByRole('button', { name: 'Rechercher', exact: true })
		.click();
	await expect(other).toHaveURL(/tri=date/);
	await expect(other.locator('.results .items > li h3').first()).toHaveText(
		`Ressource ${word}-fiche-2`
	);
	await visit(page, other.url());
});
