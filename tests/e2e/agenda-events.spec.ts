import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';

// One organiser through a dozen pages, each checked with axe.
test.beforeEach(() => test.slow());

test('a référent·e of the comité de pilotage creates a monthly series, edits one occurrence, cancels another; a visitor cannot see it', async ({
	browser,
	baseURL
}) => {
	const referent = await createAccount('membre', baseURL);
	await query(
		baseURL,
		`insert into space_members (space_id, user_id, role)
		 select s.id, u.id, 'referent' from spaces s, users u
		 where s.slug = 'comite-de-pilotage' and u.email = $1`,
		[referent.email]
	);
	const title = `Comité de suivi ${randomBytes(3).toString('hex')}`;
	const page = await (await browser.newContext()).newPage();
	await login(page, referent.email, referent.password);

	// From the space's agenda, the form opens with the space chosen.
	await visit(page, '/chantiers/comite-de-pilotage/agenda');
	await page.getByRole('link', { name: 'Proposer un événement' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nouvel événement' })).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByRole('checkbox', { name: /Comité de pilotage/ })).toBeChecked();

	// Bad input: French messages next to the fields, what was typed is kept.
	await page.getByLabel('Type').selectOption('copil');
	await page.getByLabel('Titre').fill(title);
	await page.getByLabel('Début').fill('2031-01-07T18:00');
	await page.getByLabel(/^Fin/).fill('2031-01-07T17:00');
	await page.getByLabel('Répétition', { exact: true }).selectOption('custom');
	await page.getByLabel('Règle personnalisée (iCalendar)').fill('FREQ=SOUVENT');
	await page.getByLabel('Commune').fill('Commune qui n’existe pas');
	await page.getByRole('button', { name: 'Créer l’événement' }).click();
	await expect(page.locator('#field-end-error')).toContainText('La fin doit être après le début.');
	await expect(page.locator('#field-rrule-error')).toContainText('n’est pas valide');
	await expect(page.locator('#field-commune-error')).toContainText('Commune inconnue.');
	await expect(page.getByLabel('Titre')).toHaveValue(title);
	await expect(page.getByLabel('Début')).toHaveValue('2031-01-07T18:00');
	await expect(page.getByRole('checkbox', { name: /Comité de pilotage/ })).toBeChecked();
	await expectAccessible(page);
	await page.getByLabel(/^Fin/).fill('2031-01-07T20:00');
	await page.getByLabel('Nombre de places').fill('0');
	await page.getByRole('button', { name: 'Créer l’événement' }).click();
	await expect(page.locator('#field-capacity-error')).toContainText('au moins 1');
	await expect(page.getByLabel('Règle personnalisée (iCalendar)')).toHaveValue('FREQ=SOUVENT');
	await expectAccessible(page);

	// A members-only monthly series, every first Tuesday, six times (the last on 3 June), in
	// a commune typed by its name.
	await page.getByLabel('Répétition', { exact: true }).selectOption({
		label: 'Chaque mois, le premier mardi'
	});
	await page.getByLabel('Jusqu’au (inclus)').fill('2031-06-03');
	await page.getByLabel('Commune').fill('Dieulefit');
	await page.getByLabel('Nombre de places').fill('12');
	await page.getByLabel('Qui peut voir l’événement').selectOption('members');
	await page.getByLabel('Lieu').fill('Maison des associations');
	await page.getByRole('button', { name: 'Créer l’événement' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(
		page.getByText('Se répète : tous les premiers mardis du mois, jusqu’au 3 juin 2031.')
	).toBeVisible();
	await expect(page.getByText('mardi 7 janvier 2031, 18:00 – 20:00')).toBeVisible();
	await expect(page.getByText('Maison des associations, Dieulefit')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Comité de pilotage' })).toBeVisible();
	await expectAccessible(page);

	const rows = await query<{ slug: string }>(
		baseURL,
		`select slug from events where title = $1 order by recurrence_id`,
		[title]
	);
	expect(rows).toHaveLength(6);
	const [first, second, third] = rows.map((r) => r.slug);

	// One occurrence on its own: a later time and another room.
	await visit(page, `/agenda/${second}/modifier`);
	await expect(page.locator('#scope-occurrence')).toBeChecked();
	await page.getByLabel('Début').fill('2031-02-04T19:00');
	await page.getByLabel(/^Fin/).fill('2031-02-04T21:00');
	await page.getByLabel('Lieu').fill('Salle du conseil');
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page.getByText('mardi 4 février 2031, 19:00 – 21:00')).toBeVisible();
	await expect(page.getByText('Salle du conseil')).toBeVisible();
	await expect(page.getByText('Cette occurrence a été modifiée à part.')).toBeVisible();
	await expectAccessible(page);
	await visit(page, `/agenda/${first}`);
	await expect(page.getByText('Maison des associations')).toBeVisible();

	// Another occurrence is cancelled, after confirming.
	await visit(page, `/agenda/${third}/modifier`);
	await page.getByRole('button', { name: 'Annuler l’événement' }).click();
	await expect(page.locator('#confirm-error')).toContainText('Cochez la case');
	await expectAccessible(page);
	await page.getByLabel('Je confirme l’annulation').check();
	await page.getByRole('button', { name: 'Annuler l’événement' }).click();
	await expect(page.getByText('Cet événement est annulé.')).toBeVisible();
	await expectAccessible(page);
	const [cancelled] = await query<{ status: string; sequence: number }>(
		baseURL,
		`select status, sequence from events where slug = $1`,
		[third]
	);
	expect(cancelled).toEqual({ status: 'annule', sequence: 1 });

	// The programme: an item outside the event is refused in French, then one is added.
	await visit(page, `/agenda/${first}/programme`);
	await page.getByLabel('Titre').fill('Tour de table');
	await page.getByLabel('Début').fill('2031-01-07T17:00');
	await page.getByLabel(/^Fin/).fill('2031-01-07T18:30');
	await page.getByRole('button', { name: 'Ajouter au programme' }).click();
	await expect(page.locator('#field-start-error')).toContainText('pendant l’événement');
	await expect(page.getByLabel('Titre')).toHaveValue('Tour de table');
	await expectAccessible(page);
	await page.getByLabel('Début').fill('2031-01-07T18:00');
	await page.getByRole('button', { name: 'Ajouter au programme' }).click();
	await expect(page.getByRole('heading', { name: /Tour de table/ })).toBeVisible();
	await expectAccessible(page);
	await visit(page, `/agenda/${first}/carnet`);
	await expect(page.getByRole('heading', { name: 'Structures participantes' })).toBeVisible();
	await expect(page.getByText('Tour de table')).toBeVisible();

	// A visitor does not see a members-only event: it answers like a missing one.
	const visitor = await (await browser.newContext()).newPage();
	const response = await visit(visitor, `/agenda/${first}`);
	expect(response?.status()).toBe(404);
	await expect(visitor.getByText(title)).toHaveCount(0);
});
