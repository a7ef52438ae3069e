import { randomBytes } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';

// Each journey visits several pages checked with axe, on a shared, loaded machine.
test.beforeEach(() => test.slow());

async function signedIn(browser: Browser, account: { email: string; password: string }) {
	const page = await (await browser.newContext()).newPage();
	await login(page, account.email, account.password);
	return page;
}

test('coordination creates a space, edits its settings and objectives; the home shows progress', async ({
	browser,
	baseURL
}) => {
	const coordination = await createAccount('coordination', baseURL);
	const referent = await createAccount('membre', baseURL);
	const tag = randomBytes(3).toString('hex');
	const page = await signedIn(browser, coordination);

	await visit(page, '/chantiers');
	await page.getByRole('link', { name: 'Créer un espace' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Créer un espace' })).toBeVisible();
	await expectAccessible(page);
	await page.locator('#field-title').fill(`Groupe numérique ${tag}`);
	// The address follows the title.
	await expect(page.getByLabel('Adresse', { exact: true })).toHaveValue(`groupe-numerique-${tag}`);
	await page.getByLabel('Défi').fill('Outiller la démarche sans laisser personne de côté.');
	await page.getByLabel('Résumé public').fill('Un espace sur les outils numériques.');
	await page.getByLabel("Qui voit les travaux de l'espace").selectOption('members');
	await page
		.getByLabel('Premier·ère référent·e')
		.selectOption({ label: `Compte membre (${referent.email})` });
	await page.getByRole('button', { name: "Créer l'espace" }).click();

	const home = `/chantiers/groupe-numerique-${tag}`;
	await expect(page).toHaveURL(new RegExp(`${home}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Groupe numérique ${tag}`);
	await expect(page.getByText('Compte membre', { exact: true })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: "Paramètres de l'espace" }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Paramètres de l'espace");
	await expectAccessible(page);
	await page.getByLabel('Titre court').fill('Numérique');
	await page.locator('#field-title').fill('');
	await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
	// Bad input: the message next to the field, what was typed kept.
	await expect(page.locator('#field-title-error')).toContainText('Indiquez le titre de l’espace.');
	await expect(page.getByLabel('Titre court')).toHaveValue('Numérique');
	await expectAccessible(page);
	await page.locator('#field-title').fill(`Groupe numérique ${tag}`);
	await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
	await expect(page.locator('.alert--success')).toContainText('Paramètres enregistrés.');

	for (const title of ['Former les référent·e·s', 'Choisir les outils']) {
		await page.getByLabel('Intitulé').fill(title);
		await page.getByRole('button', { name: "Ajouter l'objectif" }).click();
		await expect(page.locator('.alert--success')).toContainText('Objectif ajouté.');
	}
	// Reorder with the keyboard.
	await page.getByRole('button', { name: 'Monter « Choisir les outils »' }).focus();
	await page.keyboard.press('Enter');
	const items = page.locator('#objectifs li strong');
	await expect(items).toHaveText(['Choisir les outils', 'Former les référent·e·s']);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Supprimer « Choisir les outils »' }).click();
	await expect(page.locator('.alert--success')).toContainText('Objectif supprimé.');
	await expect(items).toHaveText(['Former les référent·e·s']);

	// The référent·e marks an action done in the feuille de route; the home shows it.
	const [objective] = await query<{ id: string; space_id: string }>(
		baseURL,
		`select o.id, o.space_id from space_objectives o join spaces s on s.id = o.space_id
		 where s.slug = $1`,
		[`groupe-numerique-${tag}`]
	);
	await query(
		baseURL,
		`insert into roadmap_actions (space_id, objective_id, title, position)
		 values ($1, $2, 'Atelier de prise en main', 0), ($1, $2, 'Guide des outils', 1)`,
		[objective!.space_id, objective!.id]
	);
	// Deleting an objective with actions is refused, in French.
	await page.reload();
	await page.getByRole('button', { name: 'Supprimer « Former les référent·e·s »' }).click();
	await expect(page.getByRole('alert')).toContainText('a 2 actions');
	await expectAccessible(page);
	await page.context().close();

	const ref = await signedIn(browser, referent);
	await ref.goto(home);
	// A member of a space accepts the current charter at their next visit.
	const accept = ref.getByRole('button', { name: /J'accepte la version/ });
	if (await accept.isVisible()) {
		await accept.click();
		await expect(accept).toHaveCount(0);
	}
	await visit(ref, home);
	await expect(ref.getByText('Votre rôle dans cet espace : Référent·e.')).toBeVisible();
	await expect(
		ref.getByRole('link', { name: "Quitter l'espace ou modifier mon implication" })
	).toHaveAttribute('href', `${home}/membres#mon-implication`);
	await expect(ref.getByText('0 action faite sur 2 (0 %)')).toBeVisible();
	await visit(ref, `${home}/feuille-de-route`);
	const action = ref.locator('article', { hasText: 'Atelier de prise en main' });
	await action
		.getByRole('combobox', { name: 'Statut de « Atelier de prise en main »' })
		.selectOption('fait');
	await action.getByRole('button', { name: 'Changer le statut' }).click();
	await expect(ref.getByText('1 action faite sur 2 (50 %)')).toBeVisible();

	await visit(ref, home);
	await expect(ref.getByText('1 action faite sur 2 (50 %)')).toBeVisible();
	await expect(ref.getByRole('progressbar', { name: /1 action faite sur 2/ })).toHaveAttribute(
		'value',
		'1'
	);
	const activity = ref.getByRole('region', { name: 'Dernières activités' });
	await expect(
		activity.getByRole('link', { name: 'Action « Atelier de prise en main » marquée fait' })
	).toBeVisible();
	await expect(
		activity.getByRole('link', { name: /Objectif « Choisir les outils » supprimé/ })
	).toBeVisible();
	await ref.context().close();
});

test('a visitor sees the public summary, not the members-only details; members see how to join', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	const slug = `espace-accueil-${randomBytes(3).toString('hex')}`;
	const [space] = await query<{ id: string }>(
		baseURL,
		`insert into spaces (slug, kind, title, defi, summary, details_visibility)
		 values ($1, 'autre', 'Espace d''accueil', 'Le défi public', 'Le résumé public', 'members')
		 returning id`,
		[slug]
	);
	const [objective] = await query<{ id: string }>(
		baseURL,
		`insert into space_objectives (space_id, kind, title) values ($1, 'operationnel', 'Objectif visible') returning id`,
		[space!.id]
	);
	await query(
		baseURL,
		`insert into roadmap_actions (space_id, objective_id, title, status) values ($1, $2, 'Action', 'fait')`,
		[space!.id, objective!.id]
	);
	await query(
		baseURL,
		`insert into space_members (space_id, user_id, role) select $1, id, 'referent' from users where email = $2`,
		[space!.id, referent.email]
	);
	await query(
		baseURL,
		`insert into space_activity (space_id, kind, title, path, visibility)
		 values ($1, 'page.saved', 'Page « Notes internes » modifiée', '/', 'members')`,
		[space!.id]
	);
	const home = `/chantiers/${slug}`;

	const visitor = await (await browser.newContext()).newPage();
	await visit(visitor, home);
	await expect(visitor.getByText('Le défi public')).toBeVisible();
	await expect(visitor.getByText('Le résumé public')).toBeVisible();
	await expect(visitor.getByText('Objectif visible')).toBeVisible();
	await expect(visitor.getByText(/réservé aux membres/)).toBeVisible();
	await expect(visitor.getByRole('progressbar')).toHaveCount(0);
	await expect(visitor.getByText('Notes internes')).toHaveCount(0);
	await expect(visitor.getByRole('heading', { name: 'Dernières activités' })).toHaveCount(0);
	await expect(visitor.getByRole('link', { name: "Paramètres de l'espace" })).toHaveCount(0);
	await expect(
		visitor.getByRole('link', { name: 'Connectez-vous pour demander à rejoindre cet espace' })
	).toHaveAttribute('href', `/connexion?suite=${encodeURIComponent(home)}`);
	const settings = await visitor.goto(`${home}/parametres`);
	expect(new URL(settings!.url()).pathname).toBe('/connexion');
	await visitor.context().close();

	const member = await createAccount('membre', baseURL);
	const page = await signedIn(browser, member);
	await visit(page, home);
	await expect(page.getByText('1 action faite sur 1 (100 %)')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Page « Notes internes » modifiée' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Demander à rejoindre' })).toHaveAttribute(
		'href',
		`${home}/rejoindre`
	);
	await query(
		baseURL,
		`insert into space_join_requests (space_id, user_id, kind, created_at)
		 select $1, id, 'demande', '2026-11-20T10:00:00Z' from users where email = $2`,
		[space!.id, member.email]
	);
	await visit(page, home);
	await expect(page.getByText('Demande en attente depuis le 20 novembre 2026.')).toBeVisible();
	expect((await page.goto(`${home}/parametres`))!.status()).toBe(403);
	expect((await page.goto('/chantiers/nouveau'))!.status()).toBe(403);
	await page.context().close();
});

test('a taken address is refused with a French message and the form keeps what was typed', async ({
	browser,
	baseURL
}) => {
	const admin = await createAccount('admin', baseURL);
	const page = await signedIn(browser, admin);
	await visit(page, '/chantiers/nouveau');
	await page.locator('#field-title').fill('Un autre comité');
	await page.getByLabel('Adresse', { exact: true }).fill('comite-de-pilotage');
	await page.getByLabel('Défi').fill('Un défi à garder');
	await page.getByRole('button', { name: "Créer l'espace" }).click();
	await expect(page.locator('#field-slug-error')).toContainText('Cette adresse est déjà prise');
	await expect(page.getByLabel('Défi')).toHaveValue('Un défi à garder');
	await expect(page.locator('#field-title')).toHaveValue('Un autre comité');
	await expectAccessible(page);
	await page.context().close();
});
