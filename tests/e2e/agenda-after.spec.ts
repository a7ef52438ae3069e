import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';
import { spaceWithReferents } from '../helpers/roadmap';

test.beforeEach(() => test.slow());

/** The value of one row of the figures table. */
const figure = (page: Page, label: string) =>
	page.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell');

test('an organiser records attendance and minutes, sends an action to the roadmap, and the figures follow', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	const volunteer = await createAccount('membre', baseURL);
	const { slug, spaceId } = await spaceWithReferents(baseURL, [referent.email]);
	await query(baseURL, `update users set name = 'Rita Référente' where email = $1`, [
		referent.email
	]);
	await query(
		baseURL,
		`update users set name = 'Victor Bénévole', time_kind = 'benevole' where email = $1`,
		[volunteer.email]
	);
	await query(
		baseURL,
		`insert into space_members (space_id, user_id, role) select $1, id, 'membre' from users where email = $2`,
		[spaceId, volunteer.email]
	);
	// A meeting of the space three days ago, planned for 2 hours, Victor registered.
	const eventSlug = `reunion-passee-${randomBytes(3).toString('hex')}`;
	const [event] = await query<{ id: string }>(
		baseURL,
		`insert into events (slug, kind, title, starts_at, ends_at, visibility)
		 values ($1, 'reunion_chantier', 'Réunion passée du chantier', now() - interval '3 days',
		         now() - interval '3 days' + interval '2 hours', 'public') returning id`,
		[eventSlug]
	);
	await query(baseURL, `insert into event_spaces (event_id, space_id) values ($1, $2)`, [
		event!.id,
		spaceId
	]);
	await query(
		baseURL,
		`insert into event_registrations (event_id, user_id, name, email, status)
		 select $1, id, name, email, 'confirmee' from users where email = $2`,
		[event!.id, volunteer.email]
	);

	const page = await (await browser.newContext()).newPage();
	const figures = `/agenda/chiffres?espace=${slug}`;
	await visit(page, figures);
	await expect(figure(page, 'Réunion de chantier')).toHaveText('1');
	await expect(figure(page, 'Heures données')).toHaveText('0 h');

	await login(page, referent.email, referent.password);
	await visit(page, `/agenda/${eventSlug}/presences`);
	const victor = page.getByRole('checkbox', { name: /Victor Bénévole/ });
	await expect(victor).toBeChecked();
	await expect(
		page.getByRole('group', { name: 'Temps de Victor Bénévole' }).getByLabel('Bénévole')
	).toBeChecked();
	await expect(page.getByLabel('Heures', { exact: true })).toHaveValue('2');

	// A zero duration is refused in French, and nothing is recorded.
	await page.getByLabel('Heures', { exact: true }).fill('0');
	await page.getByLabel('Minutes', { exact: true }).fill('0');
	await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
	await expect(page.getByText('La durée doit être supérieure à zéro.').first()).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Heures', { exact: true }).fill('2');
	await page.getByRole('checkbox', { name: /Rita Référente/ }).check();
	await expect(
		page.getByRole('group', { name: 'Temps de Rita Référente' }).getByLabel('Salarié·e')
	).toBeChecked();
	await page.getByLabel('Nom de l’invité·e 1').fill('Inès Invitée');
	await page.getByRole('group', { name: 'Temps de l’invité·e 1' }).getByLabel('Bénévole').check();
	await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
	await expect(page.getByText('Présences enregistrées : 3 personnes.')).toBeVisible();
	await expectAccessible(page);

	await visit(page, `/agenda/${eventSlug}/compte-rendu`);
	await page.getByLabel('Compte-rendu (Markdown)').fill('## Points abordés\n\n- Le webinaire');
	await page.getByRole('button', { name: 'Aperçu' }).click();
	await expect(page.getByRole('heading', { name: 'Points abordés' })).toBeVisible();
	await page.getByRole('button', { name: 'Enregistrer le compte-rendu' }).click();
	await expect(page.getByText('Compte-rendu enregistré.')).toBeVisible();
	await page.getByLabel('Texte').fill('Préparer le webinaire de restitution');
	await page.getByLabel('Porté par (pour une action)').fill('Rita');
	await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
	const item = page
		.getByRole('listitem')
		.filter({ hasText: 'Préparer le webinaire de restitution' });
	await expect(item).toBeVisible();
	await expectAccessible(page);
	await item
		.getByLabel('Objectif de la feuille de route')
		.selectOption({ label: 'Chantier de la feuille de route – Rédiger un référentiel' });
	await item.getByRole('button', { name: 'Envoyer à la feuille de route' }).click();
	const sent = item.getByRole('link', { name: 'Préparer le webinaire de restitution' });
	await expect(item.getByText('Envoyée à la feuille de route')).toBeVisible();
	await expect(item.getByRole('button', { name: 'Envoyer à la feuille de route' })).toHaveCount(0);
	await expectAccessible(page);

	await sent.click();
	await expect(page).toHaveURL(new RegExp(`/chantiers/${slug}/feuille-de-route`));
	await expect(
		page.getByRole('heading', { name: 'Préparer le webinaire de restitution' })
	).toBeVisible();
	await expectAccessible(page);

	// 2 hours each: Victor and Inès volunteer, Rita paid.
	await visit(page, figures);
	await expect(figure(page, 'Participant·e·s distinct·e·s')).toHaveText('3');
	await expect(figure(page, 'Heures données')).toHaveText('6 h');
	await expect(figure(page, 'dont heures bénévoles')).toHaveText('4 h');
	await expect(figure(page, 'dont heures salariées')).toHaveText('2 h');
});

test('attendance is recorded without JavaScript, and a future event is refused', async ({
	browser,
	page: checked,
	baseURL
}) => {
	const coordination = await createAccount('coordination', baseURL);
	const slugs = { past: `sans-js-${randomBytes(3).toString('hex')}`, future: '' };
	slugs.future = `${slugs.past}-a-venir`;
	for (const [slug, when] of [
		[slugs.past, `now() - interval '1 day'`],
		[slugs.future, `now() + interval '5 days'`]
	] as const) {
		await query(
			baseURL,
			`insert into events (slug, kind, title, starts_at, ends_at, visibility)
			 values ($1, 'webinaire', 'Webinaire sans script', ${when}, ${when} + interval '1 hour', 'members')`,
			[slug]
		);
	}
	const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await login(page, coordination.email, coordination.password);

	// axe needs JavaScript: the page is checked from a normal context at the end.
	await page.goto(`/agenda/${slugs.past}/presences`);
	await expect(page.getByText('Personne n’est inscrit·e ni membre')).toBeVisible();
	await page.getByLabel('Minutes', { exact: true }).fill('30');
	await page.getByLabel('Nom de l’invité·e 1').fill('Paul Sans-Script');
	await page.getByLabel('Nom de l’invité·e 2').fill('Zoé Sans-Script');
	await page.getByRole('group', { name: 'Temps de l’invité·e 2' }).getByLabel('Salarié·e').check();
	await page.getByLabel('Minutes de présence de l’invité·e 2').fill('200');
	await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
	// An own time longer than the meeting: the message, and what was typed, come back.
	await expect(
		page.getByText('Le temps de présence ne peut pas dépasser la durée de la réunion.').first()
	).toBeVisible();
	await expect(page.getByLabel('Nom de l’invité·e 1')).toHaveValue('Paul Sans-Script');
	await page.getByLabel('Minutes de présence de l’invité·e 2').fill('45');
	await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
	await expect(page.getByText('Présences enregistrées : 2 personnes.')).toBeVisible();
	const rows = await query<{ name: string; time_kind: string; minutes: number | null }>(
		baseURL,
		`select a.name, a.time_kind, a.minutes from event_attendance a join events e on e.id = a.event_id
		 where e.slug = $1 order by a.name`,
		[slugs.past]
	);
	expect(rows).toEqual([
		{ name: 'Paul Sans-Script', time_kind: 'benevole', minutes: null },
		{ name: 'Zoé Sans-Script', time_kind: 'salarie', minutes: 45 }
	]);
	const [event] = await query<{ attendance_minutes: number }>(
		baseURL,
		`select attendance_minutes from events where slug = $1`,
		[slugs.past]
	);
	expect(event!.attendance_minutes).toBe(90);

	await page.goto(`/agenda/${slugs.future}/presences`);
	await page.getByLabel('Nom de l’invité·e 1').fill('Trop Tôt');
	await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
	await expect(
		page.getByText(/n’a pas encore eu lieu : les présences se notent après la réunion/)
	).toBeVisible();
	expect(
		await query(
			baseURL,
			`select 1 from event_attendance a join events e on e.id = a.event_id where e.slug = $1`,
			[slugs.future]
		)
	).toEqual([]);
	await page.context().close();

	await login(checked, coordination.email, coordination.password);
	await visit(checked, `/agenda/${slugs.past}/presences`);
	await expect(checked.getByRole('checkbox', { name: /Paul Sans-Script/ })).toBeChecked();
});
