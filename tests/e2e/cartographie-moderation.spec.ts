import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { adminPage } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';

const unique = () => Math.random().toString(36).slice(2, 8);

/** A query on the e2e database of this run (see support/serve.js). */
async function query<T extends pg.QueryResultRow>(
	baseURL: string,
	text: string,
	values: unknown[]
) {
	const url = fs.readFileSync(`tests/.tmp/e2e-database-url-${new URL(baseURL).port}`, 'utf8');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query<T>(text, values)).rows;
	} finally {
		await client.end();
	}
}

test('a proposed fiche is published by a moderator, then a visitor finds it', async ({
	page,
	browser,
	baseURL
}) => {
	const name = `Accompagner en Rhône ${unique()}`;
	const contact = `contact-${unique()}@exemple.fr`;

	// Someone proposes a fiche.
	await visit(page, '/cartographie/proposer');
	await page.getByLabel('Nom de la structure').fill(name);
	await page
		.getByLabel('Description courte')
		.fill('Accompagne les coopérations territoriales du Rhône.');
	await page.getByLabel('Commune', { exact: false }).first().fill('Lyon');
	await page.getByLabel('Départements').selectOption(['69']);
	await page.getByRole('checkbox', { name: 'Tiers-lieu' }).check();
	await page.getByRole('checkbox', { name: 'Gouvernance et organisation' }).check();
	await page.getByRole('checkbox', { name: 'Émergence' }).check();
	await page.getByRole('radio', { name: 'Gratuit' }).check();
	await page.getByLabel('Adresse email de contact').fill(contact);
	await page.getByRole('button', { name: 'Envoyer la fiche' }).click();
	await expect(
		page.getByText("Merci ! Votre fiche sera publiée après relecture par l'équipe de modération.")
	).toBeVisible();
	await expectAccessible(page);
	const [row] = await query<{ slug: string; status: string }>(
		baseURL!,
		'select slug, status from carto_fiches where name = $1',
		[name]
	);
	expect(row!.status).toBe('en_attente');

	// The admin finds it in the moderation queue, previews it, publishes it with a message.
	const admin = await adminPage(browser);
	await visit(admin, '/admin');
	await admin.getByRole('link', { name: 'Cartographie : modération' }).first().click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Fiches à modérer' })).toBeVisible();
	await expectAccessible(admin);
	const card = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name }) });
	await expect(card).toContainText('Accompagne les coopérations territoriales du Rhône.');
	await expect(card).toContainText(contact);
	await card.getByRole('link', { name: `Voir la fiche ${name}` }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toContainText(name);
	await expectAccessible(admin);
	await admin.goBack();
	await expectAccessible(admin);
	await card
		.getByLabel('Message à la structure (facultatif, envoyé par email)')
		.fill('Merci pour votre proposition !');
	await card.getByRole('button', { name: `Publier la fiche ${name}` }).click();
	await expect(admin.getByText('Fiche publiée')).toBeVisible();
	await expect(admin.getByRole('heading', { name })).toHaveCount(0);
	await expectAccessible(admin);
	await admin.context().close();

	const mails = await query<{ subject: string; text: string }>(
		baseURL!,
		`select subject, text from emails where "to" = $1 and kind = 'carto.published'`,
		[contact]
	);
	expect(mails).toHaveLength(1);
	expect(mails[0]!.subject).toBe('Votre fiche est publiée sur la cartographie');
	expect(mails[0]!.text).toContain(`/cartographie/${row!.slug}`);
	expect(mails[0]!.text).toContain('Merci pour votre proposition !');

	// A visitor finds it by its name and opens it.
	await visit(page, '/cartographie');
	await page.getByLabel('Rechercher', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Rechercher' }).click();
	await expect(page.getByRole('status')).toContainText('1 structure');
	await expectAccessible(page);
	await page.getByRole('link', { name }).click();
	await expect(page).toHaveURL(new RegExp(`/cartographie/${row!.slug}$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	await expectAccessible(page);
});
