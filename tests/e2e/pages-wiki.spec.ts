import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import pg from 'pg';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';

/** A space with two members, straight in the e2e database. */
async function spaceWithMembers(baseURL: string, emails: string[]) {
	const url = fs.readFileSync(`tests/.tmp/e2e-database-url-${new URL(baseURL).port}`, 'utf8');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const slug = `chantier-wiki-${randomBytes(3).toString('hex')}`;
	const { rows } = await client.query(
		`insert into spaces (slug, kind, title) values ($1, 'chantier', 'Chantier wiki') returning id`,
		[slug]
	);
	for (const email of emails) {
		await client.query(
			`insert into space_members (space_id, user_id, role) select $1, id, 'membre' from users where email = $2`,
			[rows[0].id, email]
		);
	}
	await client.end();
	return slug;
}

async function signedIn(browser: Browser, account: { email: string; password: string }) {
	const page = await (await browser.newContext()).newPage();
	await login(page, account.email, account.password);
	return page;
}

test('two members edit the same page: the second merges the conflict; a revision is compared and restored', async ({
	browser,
	baseURL
}) => {
	const a = await createAccount('membre', baseURL);
	const b = await createAccount('membre', baseURL);
	const slug = await spaceWithMembers(baseURL!, [a.email, b.email]);
	const pa = await signedIn(browser, a);
	const pb = await signedIn(browser, b);
	const base = `/chantiers/${slug}/pages`;

	await visit(pa, `${base}/nouvelle`);
	await pa.getByLabel('Titre').fill('Méthode');
	await pa.getByLabel('Contenu (Markdown)').fill('un\ndeux\ntrois');
	await pa.getByLabel('Visibilité').selectOption('space');
	await pa.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(pa.getByRole('heading', { level: 1, name: 'Méthode' })).toBeVisible();
	await expectAccessible(pa);

	// B opens the editor on revision 1, then A saves revision 2.
	await visit(pb, `${base}/methode/modifier`);
	await visit(pa, `${base}/methode/modifier`);
	await pa.getByLabel('Contenu (Markdown)').fill('UN\ndeux\ntrois');
	await pa.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(pa.locator('.prose')).toContainText('UN');

	await pb.getByLabel('Contenu (Markdown)').fill('un\ndeux\nTROIS');
	await pb.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(pb.getByText(/a enregistré la version 2/).first()).toBeVisible();
	await expectAccessible(pb);
	await expect(pb.getByLabel('Contenu (Markdown)')).toHaveValue('UN\ndeux\nTROIS');
	await pb.getByLabel('Contenu (Markdown)').fill('UN\ndeux\nTROIS\nquatre');
	await pb.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(pb.locator('.prose')).toContainText('quatre');

	await visit(pb, `${base}/methode/historique`);
	await visit(pb, `${base}/methode/comparer?de=1&a=3`);
	await expect(pb.locator('ins').first()).toBeVisible();
	await visit(pb, `${base}/methode/revisions/1`);
	await pb.getByRole('button', { name: 'Restaurer cette version' }).click();
	await expect(pb.getByText(/restauration de la version 1/i).first()).toBeVisible();
	await expectAccessible(pb);

	// A visitor and a member outside the space cannot read the space-only page.
	const visitor = await (await browser.newContext()).newPage();
	for (const path of ['', '/historique', '/comparer?de=1&a=2', '/revisions/1', '/modifier']) {
		const r = await visitor.request.get(`${base}/methode${path}`, { maxRedirects: 0 });
		expect([303, 403], path).toContain(r.status());
	}
	const outsider = await signedIn(browser, await createAccount('membre', baseURL));
	const r = await outsider.request.get(`${base}/methode`, { maxRedirects: 0 });
	expect(r.status()).toBe(403);
	const list = await outsider.request.get(base);
	expect(await list.text()).not.toContain('Méthode');
});

test('the démarche pages have a history; only coordination may edit them', async ({
	page,
	baseURL
}) => {
	await visit(page, '/pages/mentions-legales');
	await visit(page, '/pages/mentions-legales/historique');
	const edit = await page.request.get('/pages/mentions-legales/modifier', { maxRedirects: 0 });
	expect(edit.status()).toBe(303);
	const member = await createAccount('membre', baseURL);
	await login(page, member.email, member.password);
	const r = await page.request.get('/pages/mentions-legales/modifier', { maxRedirects: 0 });
	expect(r.status()).toBe(403);
});
