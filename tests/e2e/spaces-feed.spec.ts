import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';

test('a member finds the change of a page of their space in « Quoi de neuf », not those of others', async ({
	page,
	baseURL
}) => {
	const me = await createAccount('membre', baseURL);
	const url = fs.readFileSync(`tests/.tmp/e2e-database-url-${new URL(baseURL!).port}`, 'utf8');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const mine = `chantier-fil-${randomBytes(3).toString('hex')}`;
	const other = `chantier-autre-${randomBytes(3).toString('hex')}`;
	const ids: string[] = [];
	for (const slug of [mine, other]) {
		const { rows } = await client.query(
			`insert into spaces (slug, kind, title) values ($1, 'chantier', $1) returning id`,
			[slug]
		);
		ids.push(rows[0].id);
	}
	await client.query(
		`insert into space_members (space_id, user_id, role) select $1, id, 'membre' from users where email = $2`,
		[ids[0], me.email]
	);
	await client.query(
		`insert into space_activity (space_id, kind, title, path, visibility)
		 values ($1, 'page.created', 'Page « Voisine » créée', $2, 'space')`,
		[ids[1], `/chantiers/${other}/pages/voisine`]
	);
	await client.end();

	await login(page, me.email, me.password);
	await visit(page, `/chantiers/${mine}/pages/nouvelle`);
	await page.getByLabel('Titre').fill('Compte rendu');
	await page.getByLabel('Contenu (Markdown)').fill('Premières notes.');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Compte rendu' })).toBeVisible();
	await expectAccessible(page);

	await page
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Quoi de neuf' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quoi de neuf' })).toBeVisible();
	await visit(page, '/quoi-de-neuf');
	await expect(page.getByRole('link', { name: 'Page « Compte rendu » créée' })).toHaveAttribute(
		'href',
		`/chantiers/${mine}/pages/compte-rendu`
	);
	await expect(page.getByText('Page « Voisine » créée')).toHaveCount(0);
});
