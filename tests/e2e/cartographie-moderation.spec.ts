import { expect, test } from '@playwright/test';
import { query } from './support/db';
import { adminPage, createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';

const unique = () => Math.random().toString(36).slice(2, 8);

test('a proposed fiche is published by a moderator, then a visitor finds it', async ({
	page,
	browser,
	baseURL
}) => {
	// The whole path of a fiche through three people, with axe on every page: on a busy
	// two-core machine it comes close to the default minute.
	test.slow();
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
	await expect(
		admin.getByRole('heading', { level: 1, name: 'Modération de la cartographie' })
	).toBeVisible();
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

/** The content of a fiche as the content layer stores it (revisions, pending changes). */
const content = (name: string, over: Record<string, unknown> = {}) => ({
	name,
	acronym: null,
	shortDescription: 'Accompagne les coopérations territoriales du Rhône.',
	presentation: null,
	siret: null,
	address: null,
	communeCode: '69123',
	lat: 45.758,
	lon: 4.835,
	national: false,
	cooperationKinds: ['tiers_lieu'],
	dimensions: ['gouvernance'],
	modalities: [],
	stages: ['emergence'],
	cost: 'gratuit',
	methodologies: null,
	needsSeen: null,
	publics: null,
	networks: null,
	contactEmail: `contact-${unique()}@exemple.fr`,
	contactEmailPublic: false,
	contactPhone: null,
	contactPhonePublic: false,
	contactWebsite: null,
	contactWebsitePublic: true,
	territories: [{ kind: 'departement', code: '69' }],
	...over
});

type Content = ReturnType<typeof content>;

/** Inserts a fiche with its territory and one revision per content given (the last is current). */
async function insertFiche(baseURL: string, status: string, versions: Content[]) {
	const c = versions.at(-1)!;
	const slug = `${c.name
		.toLowerCase()
		.normalize('NFD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')}`;
	const [row] = await query<{ id: string; slug: string }>(
		baseURL,
		`insert into carto_fiches (slug, name, short_description, commune_code, lat, lon,
			cooperation_kinds, dimensions, stages, cost, contact_email, status, last_verified_at)
		values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now()) returning id, slug`,
		[
			slug,
			c.name,
			c.shortDescription,
			c.communeCode,
			c.lat,
			c.lon,
			c.cooperationKinds,
			c.dimensions,
			c.stages,
			c.cost,
			c.contactEmail,
			status
		]
	);
	await query(
		baseURL,
		`insert into carto_fiche_territories (fiche_id, kind, code) values ($1, 'departement', '69')`,
		[row!.id]
	);
	for (const [i, v] of versions.entries()) {
		await query(
			baseURL,
			`insert into carto_fiche_revisions (fiche_id, data, note, created_at)
			values ($1, $2, $3, now() - make_interval(days => $4))`,
			[row!.id, JSON.stringify(v), i === 0 ? 'Proposition' : 'Modification', versions.length - i]
		);
	}
	return row!;
}

/** A plain member given the moderator role of the cartography, logged in on a page of its own. */
async function moderatorPage(browser: import('@playwright/test').Browser, baseURL: string) {
	const account = await createAccount('membre', baseURL);
	await query(baseURL, 'update users set carto_moderator = true where email = $1', [account.email]);
	const context = await browser.newContext();
	const page = await context.newPage();
	await login(page, account.email, account.password);
	return page;
}

test('a moderator sees a pending change with its diff and approves it; the fiche shows it', async ({
	page,
	browser,
	baseURL
}) => {
	const name = `Coopérer à Lyon ${unique()}`;
	const published = content(name);
	const fiche = await insertFiche(baseURL!, 'publiee', [published]);
	const proposed = {
		...published,
		shortDescription: 'Accompagne les coopérations rurales et urbaines du Rhône.',
		dimensions: ['gouvernance', 'juridique']
	};
	await query(baseURL!, `insert into carto_fiche_changes (fiche_id, data) values ($1, $2)`, [
		fiche.id,
		JSON.stringify(proposed)
	]);

	const moderator = await moderatorPage(browser, baseURL!);
	await visit(moderator, '/admin/moderation');
	const card = moderator
		.getByRole('listitem')
		.filter({ has: moderator.getByRole('heading', { name: `Modification de ${name}` }) });
	await expect(card).toContainText('Description courte');
	await expect(card.locator('del')).toContainText(['territoriales']);
	await expect(card.locator('ins').first()).toContainText('rurales et urbaines');
	await expect(card).toContainText('Dimensions accompagnées');
	await expect(card.locator('ins')).toContainText(['Juridique']);
	await expect(card).not.toContainText('Nom de la structure');
	await card
		.getByLabel('Message à la structure (facultatif, envoyé par email)')
		.fill('Merci pour la mise à jour.');
	await card.getByRole('button', { name: `Publier la modification de ${name}` }).click();
	await expect(moderator.getByText('Modification publiée')).toBeVisible();
	await expect(moderator.getByRole('heading', { name: `Modification de ${name}` })).toHaveCount(0);
	await expectAccessible(moderator);

	// Every other administration page stays closed to a moderator who is a plain member.
	for (const path of ['/admin', '/admin/membres', '/admin/cartographie/listes']) {
		const r = await moderator.goto(path);
		expect(r!.status(), path).toBe(403);
	}
	await visit(moderator, `/admin/cartographie/${fiche.id}`);
	await moderator.context().close();

	await visit(page, `/cartographie/${fiche.slug}`);
	await expect(
		page.getByText('Accompagne les coopérations rurales et urbaines du Rhône.').first()
	).toBeVisible();
	const mails = await query<{ text: string }>(
		baseURL!,
		`select text from emails where "to" = $1 and kind = 'carto.change.approved'`,
		[published.contactEmail]
	);
	expect(mails).toHaveLength(1);
	expect(mails[0]!.text).toContain('Merci pour la mise à jour.');
});

test('a plain member without the moderator role is refused the queue', async ({
	browser,
	baseURL
}) => {
	const account = await createAccount('membre', baseURL);
	const context = await browser.newContext();
	const member = await context.newPage();
	await login(member, account.email, account.password);
	for (const path of ['/admin/moderation', '/admin/cartographie']) {
		const r = await member.goto(path);
		expect(r!.status(), path).toBe(403);
	}
	await expectAccessible(member);
	await context.close();
});

test('two proposed fiches are published together', async ({ browser, baseURL }) => {
	const names = [`Lot nord ${unique()}`, `Lot sud ${unique()}`];
	const fiches = [];
	for (const n of names) fiches.push(await insertFiche(baseURL!, 'en_attente', [content(n)]));
	const admin = await adminPage(browser);
	await visit(admin, '/admin/moderation');
	for (const n of names) await admin.getByLabel(`Sélectionner la fiche ${n}`).check();
	await admin.getByRole('button', { name: 'Publier la sélection' }).click();
	const done = admin.getByRole('status').filter({ hasText: 'Publié : 2 éléments' });
	await expect(done.first()).toContainText(names[0]!);
	await expect(done.first()).toContainText(names[1]!);
	await expectAccessible(admin);
	const rows = await query<{ status: string }>(
		baseURL!,
		'select status from carto_fiches where id = any($1::uuid[])',
		[fiches.map((f) => f.id)]
	);
	expect(rows.map((r) => r.status)).toEqual(['publiee', 'publiee']);
	await admin.context().close();
});

test('a moderator restores an earlier version from the history', async ({
	page,
	browser,
	baseURL
}) => {
	const oldName = `Ancien nom ${unique()}`;
	const newName = `Nouveau nom ${unique()}`;
	const first = content(oldName);
	const fiche = await insertFiche(baseURL!, 'publiee', [first, { ...first, name: newName }]);
	const admin = await adminPage(browser);
	await visit(admin, '/admin/cartographie');
	await admin.getByLabel('Nom de la structure').fill(newName);
	await admin.getByRole('button', { name: 'Filtrer' }).click();
	await expect(admin.getByRole('status')).toContainText('1 fiche');
	await expectAccessible(admin);
	await admin.getByRole('link', { name: newName }).click();
	await expect(admin.getByRole('heading', { level: 1, name: newName })).toBeVisible();
	await expectAccessible(admin);

	const history = admin.getByRole('table').filter({ hasText: 'Version actuelle' });
	await expect(history.getByRole('row')).toHaveCount(3);
	await history
		.getByRole('link', { name: /Voir et comparer/ })
		.first()
		.click();
	await expect(admin.getByRole('heading', { level: 1, name: /Version du/ })).toBeVisible();
	await expect(admin.locator('del').first()).toContainText(newName);
	await expect(admin.locator('ins').first()).toContainText(oldName);
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Restaurer cette version' }).click();
	await expect(admin.getByText('Version restaurée')).toBeVisible();
	await expect(admin.getByRole('heading', { level: 1, name: oldName })).toBeVisible();
	await expect(
		admin.getByRole('table').filter({ hasText: 'Version actuelle' }).getByRole('row')
	).toHaveCount(4);
	await expectAccessible(admin);
	await admin.context().close();

	await visit(page, `/cartographie/${fiche.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(oldName);
});

test('reference lists and the moderator role are managed by admins', async ({
	browser,
	baseURL
}) => {
	const admin = await adminPage(browser);
	await visit(admin, '/admin/cartographie/listes');
	const costs = admin.getByRole('region', { name: "Coût de l'accompagnement" });
	await costs.getByLabel('Libellé de « mixte »').fill('<b>Mixte</b>');
	await costs.getByRole('button', { name: /Enregistrer/ }).click();
	await expect(costs.getByText('Le texte ne doit pas contenir de balises HTML.')).toBeVisible();
	await expect(costs.getByLabel('Libellé de « mixte »')).toHaveValue('<b>Mixte</b>');
	await expect(costs.getByLabel('Libellé de « mixte »')).toHaveAccessibleDescription(
		'Le texte ne doit pas contenir de balises HTML.'
	);
	await expectAccessible(admin);
	await costs.getByLabel('Libellé de « mixte »').fill('Mixte (gratuit et payant)');
	await costs.getByRole('button', { name: /Enregistrer/ }).click();
	await expect(admin.getByText("Liste « Coût de l'accompagnement » enregistrée.")).toBeVisible();
	await expect(costs.getByLabel('Libellé de « mixte »')).toHaveValue('Mixte (gratuit et payant)');
	await expectAccessible(admin);
	// Back to the seeded label, which other journeys read.
	await costs.getByLabel('Libellé de « mixte »').fill('Mixte');
	await costs.getByRole('button', { name: /Enregistrer/ }).click();
	await expect(admin.getByText("Liste « Coût de l'accompagnement » enregistrée.")).toBeVisible();

	const account = await createAccount('membre', baseURL);
	await visit(admin, '/admin/membres');
	const row = admin.getByRole('row').filter({ hasText: account.email });
	await row.getByRole('button', { name: /Attribuer/ }).click();
	await expect(admin.getByText('Rôle de modération de la cartographie attribué.')).toBeVisible();
	await expectAccessible(admin);
	const [u] = await query<{ carto_moderator: boolean }>(
		baseURL!,
		'select carto_moderator from users where email = $1',
		[account.email]
	);
	expect(u!.carto_moderator).toBe(true);
	await admin.context().close();
});
