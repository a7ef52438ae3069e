import { expect, test, type Browser } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';
import { spaceWithReferents } from '../helpers/roadmap';

// Several people, a dozen pages checked with axe, on a shared, loaded machine.
test.beforeEach(() => test.slow());

async function signedIn(browser: Browser, account: { email: string; password: string }) {
	const page = await (await browser.newContext()).newPage();
	await login(page, account.email, account.password);
	return page;
}

test('a member asks to join with the charter, a référent·e approves, a new charter version is accepted at the next visit, the member leaves', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	const member = await createAccount('membre', baseURL);
	const coordination = await createAccount('coordination', baseURL);
	const { slug } = await spaceWithReferents(baseURL, [referent.email]);
	const base = `/chantiers/${slug}`;

	// The member asks to join: bad input keeps what was typed and says what is missing.
	const pm = await signedIn(browser, member);
	await visit(pm, `${base}/rejoindre`);
	await pm.getByLabel('Ce que vous pouvez apporter').fill('Animation de webinaires');
	await pm.getByLabel('Temps que vous pensez donner, en heures par mois').fill('200');
	await pm.getByRole('button', { name: 'Envoyer ma demande' }).click();
	await expect(pm.locator('#field-charter-error')).toContainText(
		"Pour rejoindre l'espace, acceptez la charte"
	);
	await expect(pm.locator('#field-hoursPerMonth-error')).toContainText('entre 0 et 160');
	await expect(pm.getByLabel('Ce que vous pouvez apporter')).toHaveValue('Animation de webinaires');
	await expectAccessible(pm);
	await pm.getByLabel('Temps que vous pensez donner, en heures par mois').fill('4');
	await pm.getByText('Lire la charte').click();
	await expect(pm.locator('details .prose')).toContainText("Ce qu'est un chantier coopératif");
	await pm.getByLabel(/J'ai lu la charte des chantiers coopératifs et je l'accepte/).check();
	await pm.getByRole('button', { name: 'Envoyer ma demande' }).click();
	await expect(pm.getByText("Les référent·e·s de l'espace ont reçu votre demande")).toBeVisible();
	await expectAccessible(pm);
	await visit(pm, `${base}/rejoindre`);
	await expect(pm.getByText(/Votre demande est en attente depuis le/)).toBeVisible();

	const [toReferent] = await query<{ subject: string }>(
		baseURL,
		`select subject from emails where "to" = $1 order by created_at desc limit 1`,
		[referent.email]
	);
	expect(toReferent?.subject).toContain('Demande pour rejoindre');

	// The référent·e reads what the member brings and approves with a message.
	const pr = await signedIn(browser, referent);
	await visit(pr, `${base}/membres`);
	const card = pr.locator('article', { hasText: 'Animation de webinaires' });
	await expect(card).toContainText('4 h par mois');
	await expect(card).toContainText('charte acceptée (version');
	await card.getByLabel(/Message à la personne/).fill('Bienvenue parmi nous');
	await card.getByRole('button', { name: /^Accepter/ }).click();
	await expect(
		pr.getByText('Demande acceptée : la personne est prévenue par email.')
	).toBeVisible();
	await expect(
		pr.getByRole('row', { name: /Compte membre.*Animation de webinaires/ })
	).toBeVisible();
	await expect(pr.getByText('4 heures par mois annoncées par 1 personne.')).toBeVisible();
	await expectAccessible(pr);
	const [welcome] = await query<{ text: string }>(
		baseURL,
		`select text from emails where "to" = $1 and kind = 'space.request.accept'`,
		[member.email]
	);
	expect(welcome?.text).toContain('Bienvenue parmi nous');

	// The member now belongs to the space and states a different involvement.
	await visit(pm, `${base}/membres`);
	await pm.getByLabel('Temps que vous pensez donner, en heures par mois').fill('6');
	await pm.getByRole('button', { name: 'Enregistrer mon implication' }).click();
	await expect(pm.getByText('Votre implication est enregistrée.')).toBeVisible();
	await expect(pm.getByText('6 heures par mois annoncées par 1 personne.')).toBeVisible();

	// Coordination changes the charter page and publishes a new version.
	const pc = await signedIn(browser, coordination);
	await pc.goto('/pages/charte/modifier');
	const body = pc.getByLabel('Contenu (Markdown)');
	await body.fill(
		`${await body.inputValue()}\n\n10. **Prendre soin.** Nous veillons les un·e·s sur les autres.`
	);
	await pc.getByLabel('Résumé de la modification').fill('Un dixième principe');
	await pc.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(pc.getByText('Prendre soin.').first()).toBeVisible();
	await visit(pc, '/admin/charte');
	await expect(pc.locator('.word-diff ins')).toContainText('Prendre soin');
	await pc.getByRole('button', { name: /Publier la version/ }).click();
	await expect(pc.locator('#field-summary-error')).toContainText('Indiquez en une phrase');
	await pc
		.getByLabel('Ce qui change dans cette version')
		.fill('Un dixième principe : prendre soin');
	await pc.getByRole('button', { name: /Publier la version/ }).click();
	await expect(pc.getByText(/Version \d+ publiée/)).toBeVisible();
	await expectAccessible(pc);

	// At the member's next visit: the charter, what changed, and back to where they were going.
	await pm.goto('/chantiers');
	await expect(pm).toHaveURL(/\/charte\?suite=%2Fchantiers$/);
	await expect(pm.getByRole('heading', { name: 'La charte a changé' })).toBeVisible();
	await expect(pm.locator('.word-diff ins')).toContainText('Prendre soin');
	await expectAccessible(pm);
	await pm.getByRole('button', { name: /J'accepte la version/ }).click();
	await expect(pm).toHaveURL(/\/chantiers$/);
	await expect(pm.getByRole('heading', { level: 1, name: 'Les chantiers' })).toBeVisible();
	await pm.goto(base);
	await expect(pm).toHaveURL(new RegExp(`${base}$`));

	// The member leaves; the référent·e cannot, being the last one.
	await visit(pm, `${base}/membres`);
	await pm.getByRole('button', { name: "Quitter l'espace" }).click();
	await expect(pm).toHaveURL(new RegExp(`${base}\\?quitte=1$`));
	await expect(pm.getByText("Vous avez quitté l'espace.")).toBeVisible();
	await expect(pm.getByRole('link', { name: 'Demander à rejoindre' })).toBeVisible();
	expect(
		await query(
			baseURL,
			`select 1 from space_members m join users u on u.id = m.user_id
			 where u.email = $1 and m.until is null`,
			[member.email]
		)
	).toEqual([]);
	await visit(pr, `${base}/membres`);
	await pr.getByRole('button', { name: "Quitter l'espace" }).click();
	await expect(pr.getByText(/au moins un·e référent·e/)).toBeVisible();
	await expectAccessible(pr);

	for (const p of [pm, pr, pc]) await p.context().close();
});

test('a référent·e invites a member, who accepts the invitation with the charter', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	const guest = await createAccount('membre', baseURL);
	const { slug } = await spaceWithReferents(baseURL, [referent.email]);
	const base = `/chantiers/${slug}`;
	const [guestRow] = await query<{ id: string }>(baseURL, `select id from users where email = $1`, [
		guest.email
	]);

	const pr = await signedIn(browser, referent);
	await visit(pr, `${base}/membres`);
	await pr.getByRole('combobox', { name: 'Personne (obligatoire)' }).selectOption(guestRow!.id);
	await pr.getByLabel('Rôle', { exact: true }).selectOption('observateur');
	await pr.getByRole('button', { name: "Envoyer l'invitation" }).click();
	await expect(pr.getByText('Invitation envoyée par email.')).toBeVisible();
	await expect(pr.getByText(/comme observateur·rice, invité·e le/)).toBeVisible();
	await expectAccessible(pr);

	const pg = await signedIn(browser, guest);
	await visit(pg, `${base}/rejoindre`);
	await expect(pg.getByRole('heading', { name: 'Vous êtes invité·e' })).toBeVisible();
	await pg.getByLabel('Ce que vous pouvez apporter').fill('Un regard de terrain');
	await pg.getByLabel(/J'ai lu la charte des chantiers coopératifs et je l'accepte/).check();
	await pg.getByRole('button', { name: "Accepter l'invitation" }).click();
	await expect(pg).toHaveURL(new RegExp(`${base}/membres\\?bienvenue=1$`));
	await expect(pg.getByText("Vous faites maintenant partie de l'espace.")).toBeVisible();
	await expect(pg.getByRole('row', { name: /Un regard de terrain/ })).toContainText(
		'Observateur·rice'
	);
	await expectAccessible(pg);
	for (const p of [pr, pg]) await p.context().close();
});
