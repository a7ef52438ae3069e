import { expect, test } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';
import { spaceWithReferents } from '../helpers/roadmap';

// Each journey visits several pages checked with axe, on a shared, loaded machine.
test.beforeEach(() => test.slow());

test('a référent·e adds an action with the keyboard, marks it done, and sees progress and history', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	const { slug } = await spaceWithReferents(baseURL, [referent.email]);
	const page = await (await browser.newContext()).newPage();
	await login(page, referent.email, referent.password);
	const base = `/chantiers/${slug}/feuille-de-route`;

	await visit(page, base);
	await expect(page.getByText('Aucune action à mener pour le moment')).toBeVisible();
	// From the link, everything with the keyboard.
	await page.getByRole('link', { name: 'Ajouter une action à « Rédiger un référentiel »' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle action' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Titre').focus();
	await page.keyboard.type('Relire le référentiel de compétences');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Avec les membres du chantier.');
	await page.getByLabel('Compte membre').focus();
	await page.keyboard.press('Space');
	await page.getByRole('button', { name: "Ajouter l'action" }).focus();
	await page.keyboard.press('Enter');

	const action = page.locator('article', { hasText: 'Relire le référentiel de compétences' });
	await expect(action).toBeVisible();
	await expect(action).toBeFocused();
	await expect(action.getByText('Responsable : Compte membre')).toBeVisible();
	await expect(page.getByText('0 action faite sur 1 (0 %)')).toBeVisible();
	await expectAccessible(page);

	const status = action.getByRole('combobox', {
		name: 'Statut de « Relire le référentiel de compétences »'
	});
	await status.focus();
	await status.selectOption('fait');
	await page.keyboard.press('Tab');
	await expect(action.getByRole('button', { name: 'Changer le statut' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByText('1 action faite sur 1 (100 %)')).toBeVisible();
	await expect(action.locator('.tag')).toContainText('Fait');
	await expect(action).toBeFocused();
	await expect(page.getByRole('progressbar')).toHaveAttribute('value', '1');
	await expectAccessible(page);

	await action.getByRole('link', { name: /Modifier et historique/ }).click();
	await expect(page.getByRole('heading', { name: 'Historique' })).toBeVisible();
	await expect(page.getByText('Statut : À faire → Fait')).toBeVisible();
	await expect(page.getByText('Action créée')).toBeVisible();
	await expectAccessible(page);

	const feed = await query<{ title: string }>(
		baseURL,
		`select title from space_activity where path like $1 order by id`,
		[`${base}#action-%`]
	);
	expect(feed.map((f) => f.title)).toEqual([
		'Action « Relire le référentiel de compétences » ajoutée à la feuille de route',
		'Action « Relire le référentiel de compétences » marquée fait'
	]);
	await page.context().close();
});

test('a stale status change shows the current status and stores nothing', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	const { slug, spaceId, objectiveId } = await spaceWithReferents(baseURL, [referent.email]);
	const [a] = await query<{ id: string }>(
		baseURL,
		`insert into roadmap_actions (space_id, objective_id, title) values ($1, $2, 'Action partagée') returning id`,
		[spaceId, objectiveId]
	);
	const page = await (await browser.newContext()).newPage();
	await login(page, referent.email, referent.password);
	await visit(page, `/chantiers/${slug}/feuille-de-route`);
	// Someone else moves the action on meanwhile.
	await query(
		baseURL,
		`update roadmap_actions set status = 'en_cours', version = 2 where id = $1`,
		[a!.id]
	);
	const action = page.locator('article', { hasText: 'Action partagée' });
	await action.getByRole('combobox', { name: /Statut de/ }).selectOption('abandonnee');
	await action.getByRole('button', { name: 'Changer le statut' }).click();
	await expect(action.getByText(/modifiée entre-temps.*Statut actuel : En cours/)).toBeVisible();
	await expectAccessible(page);
	const [row] = await query<{ status: string }>(
		baseURL,
		`select status from roadmap_actions where id = $1`,
		[a!.id]
	);
	expect(row!.status).toBe('en_cours');
	await page.context().close();
});

test('a visitor and a member outside the space cannot read its members-only work', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	const { slug, spaceId, objectiveId } = await spaceWithReferents(baseURL, [referent.email]);
	await query(baseURL, `update spaces set details_visibility = 'space' where id = $1`, [spaceId]);
	const [a] = await query<{ id: string }>(
		baseURL,
		`insert into roadmap_actions (space_id, objective_id, title) values ($1, $2, 'Secrète') returning id`,
		[spaceId, objectiveId]
	);
	const [p] = await query<{ id: string }>(
		baseURL,
		`insert into space_productions (space_id, title, kind, visibility) values ($1, 'Note', 'note', 'public') returning id`,
		[spaceId]
	);
	const [d] = await query<{ id: string }>(
		baseURL,
		`insert into space_decisions (space_id, date, decision) values ($1, '2025-03-27', 'Décider') returning id`,
		[spaceId]
	);
	const base = `/chantiers/${slug}`;
	const paths = [
		'/feuille-de-route',
		'/feuille-de-route/actions/nouvelle',
		`/feuille-de-route/actions/${a!.id}`,
		`/feuille-de-route/objectifs/${objectiveId}`,
		'/productions',
		'/productions/nouvelle',
		`/productions/${p!.id}`,
		`/productions/${p!.id}/modifier`,
		`/productions/${p!.id}/fichier`,
		'/decisions',
		'/decisions/nouvelle',
		`/decisions/${d!.id}`
	];
	const visitor = await (await browser.newContext()).newPage();
	for (const path of paths) {
		const r = await visitor.request.get(`${base}${path}`, { maxRedirects: 0 });
		expect(r.status(), path).toBe(303);
		expect(r.headers()['location'], path).toMatch(/^\/connexion/);
	}
	const outsider = await createAccount('membre', baseURL);
	const member = await (await browser.newContext()).newPage();
	await login(member, outsider.email, outsider.password);
	for (const path of paths) {
		const r = await member.request.get(`${base}${path}`, { maxRedirects: 0 });
		expect(r.status(), path).toBe(403);
	}
	const post = await member.request.post(`${base}/feuille-de-route?/status`, {
		maxRedirects: 0,
		headers: { origin: new URL(member.url()).origin, accept: 'text/html' },
		form: { id: a!.id, version: '1', status: 'fait' }
	});
	expect(post.status()).toBe(403);
	await member.goto(`${base}/feuille-de-route`);
	await expect(
		member.getByText('Les travaux de cet espace sont réservés à ses membres.')
	).toBeVisible();
	await expectAccessible(member);
	await visitor.context().close();
	await member.context().close();
});
