import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { adminPage, createAccount, linkFromOutbox, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';

// Journeys over several pages checked with axe, on a shared, loaded machine.
test.beforeEach(() => test.slow());

const tag = randomBytes(3).toString('hex');
const DAY = 24 * 60 * 60 * 1000;

/** A public event a month ahead; returns its slug. */
async function makeEvent(baseURL: string | undefined, title: string, capacity: number | null) {
	const starts = new Date(Date.now() + 30 * DAY);
	starts.setUTCHours(8, 0, 0, 0);
	const slug = `${title.toLowerCase().replace(/\W+/g, '-')}-${tag}`;
	const [row] = await query<{ id: string }>(
		baseURL,
		`insert into events (slug, kind, title, starts_at, ends_at, visibility, capacity)
		 values ($1, 'interchantiers', $2, $3, $4, 'public', $5) returning id`,
		[slug, `${title} ${tag}`, starts, new Date(starts.getTime() + 8 * 3600_000), capacity]
	);
	return { id: row!.id, slug, starts };
}

async function memberPage(browser: Browser, account: { email: string; password: string }) {
	const page = await (await browser.newContext()).newPage();
	await login(page, account.email, account.password);
	return page;
}

/** Opens the newest outbox email to `to` with this subject, as admin. */
async function openEmail(admin: Page, to: string, subject: RegExp) {
	await visit(admin, '/admin/emails');
	const row = admin.getByRole('row').filter({ hasText: to }).filter({ hasText: subject }).first();
	await row.getByRole('link').click();
	await expectAccessible(admin);
}

test('a member registers, picks a workshop, unregisters; the first person waiting is promoted', async ({
	browser,
	baseURL
}) => {
	const event = await makeEvent(baseURL, 'Journée coopérative', 1);
	const slot = new Date(event.starts.getTime() + 2 * 3600_000);
	await query(
		baseURL,
		`insert into event_programme_items (event_id, kind, title, starts_at, ends_at, capacity, position, room)
		 values ($1, 'pleniere', 'Plénière d’ouverture', $2, $3, null, 0, null),
		        ($1, 'atelier', 'Atelier mobilité', $3, $4, 5, 1, 'Salle A'),
		        ($1, 'atelier', 'Atelier alimentation', $3, $4, 5, 2, 'Salle B')`,
		[event.id, event.starts, slot, new Date(slot.getTime() + 5400_000)]
	);
	const first = await createAccount('membre', baseURL);
	const second = await createAccount('membre', baseURL);

	// The first member registers: the only place.
	const a = await memberPage(browser, first);
	await visit(a, `/agenda/${event.slug}`);
	const panelA = a.getByRole('region', { name: 'Inscription' });
	await expect(panelA).toContainText('1 place restante sur 1');
	await panelA.getByRole('button', { name: 'S’inscrire' }).click();
	await expect(panelA.getByText(/Votre inscription est confirmée/)).toBeVisible();
	await expect(panelA.getByText('Vous êtes inscrit·e.')).toBeVisible();
	await expectAccessible(a);

	// …and chooses a workshop of the programme.
	const workshops = panelA.getByRole('group', { name: /^Ateliers de/ });
	const label = (name: string) => workshops.locator('label', { hasText: name });
	await expect(label('Atelier mobilité')).toContainText('5 places restantes');
	await workshops.getByLabel(/Atelier alimentation/).check();
	await panelA.getByRole('button', { name: 'Choisir cet atelier' }).click();
	await expect(panelA.getByText('Atelier choisi : Atelier alimentation.')).toBeVisible();
	await expect(workshops.getByLabel(/Atelier alimentation/)).toBeChecked();
	await expect(label('Atelier alimentation')).toContainText('4 places restantes');
	await expectAccessible(a);

	// The second member finds the event full and joins the waiting list.
	const b = await memberPage(browser, second);
	await visit(b, `/agenda/${event.slug}`);
	const panelB = b.getByRole('region', { name: 'Inscription' });
	await expect(panelB).toContainText('Complet');
	await panelB.getByRole('button', { name: 'S’inscrire sur la liste d’attente' }).click();
	await expect(panelB.getByText(/en position 1/).first()).toBeVisible();
	await expectAccessible(b);

	// The confirmation is in the outbox, with the calendar file attached and downloadable.
	const admin = await adminPage(browser);
	await openEmail(admin, first.email, /Inscription confirmée/);
	const file = admin.getByRole('link', { name: `${event.slug}.ics` });
	await expect(file).toBeVisible();
	const download = await admin.request.get((await file.getAttribute('href'))!);
	expect(download.headers()['content-type']).toMatch(/^text\/calendar/);
	expect(await download.text()).toContain('BEGIN:VEVENT');

	// The first member unregisters: the second one gets the place, and an email.
	await panelA.getByRole('button', { name: 'Se désinscrire' }).click();
	await expect(panelA.getByText('Votre désinscription est enregistrée.')).toBeVisible();
	await expect(
		panelA.getByRole('button', { name: 'S’inscrire sur la liste d’attente' })
	).toBeVisible();
	await expectAccessible(a);
	await openEmail(admin, second.email, /Une place s’est libérée/);
	await expect(admin.locator('.email-body')).toContainText('votre inscription est confirmée');
	await expect(admin.getByRole('link', { name: `${event.slug}.ics` })).toBeVisible();
	await visit(b, `/agenda/${event.slug}`);
	await expect(b.getByText('Vous êtes inscrit·e.')).toBeVisible();
});

test('a visitor registers to a public event without an account and confirms by the emailed link', async ({
	browser,
	page,
	baseURL
}) => {
	const event = await makeEvent(baseURL, 'Rencontre ouverte', null);
	await query(
		baseURL,
		`insert into event_programme_items (event_id, kind, title, starts_at, ends_at, capacity, position)
		 values ($1, 'atelier', 'Atelier découverte', $2, $3, 10, 0)`,
		[event.id, event.starts, new Date(event.starts.getTime() + 3600_000)]
	);
	const email = `visiteur-${tag}@example.org`;
	await visit(page, `/agenda/${event.slug}`);
	const panel = page.getByRole('region', { name: 'Inscription' });
	// Bad input first: messages next to the fields.
	await panel.getByRole('button', { name: 'S’inscrire' }).click();
	await expect(panel.getByText('Indiquez votre nom.').first()).toBeVisible();
	await expectAccessible(page);
	await panel.getByLabel('Nom').fill('Camille Visiteuse');
	await panel.getByLabel('Adresse email').fill(email);
	await panel.getByRole('button', { name: 'S’inscrire' }).click();
	await expect(panel.getByText(`Un email vient d’être envoyé à ${email}`)).toBeVisible();
	await expectAccessible(page);

	const admin = await adminPage(browser);
	const link = await linkFromOutbox(admin, email, /Confirmez votre inscription/);
	await visit(page, link);
	await expect(page.getByText('À confirmer par courriel')).toBeVisible();
	await page.getByRole('button', { name: 'Confirmer mon inscription' }).click();
	await expect(page.getByText(/Votre inscription est confirmée/)).toBeVisible();
	await expect(page.getByText('Inscription confirmée', { exact: true })).toBeVisible();
	await expectAccessible(page);
	// A guest with a place chooses a workshop from the same page.
	await page.getByLabel(/Atelier découverte/).check();
	await page.getByRole('button', { name: 'Choisir cet atelier' }).click();
	await expect(page.getByText('Atelier choisi : Atelier découverte.')).toBeVisible();
	await expect(page.getByText('9 places restantes')).toBeVisible();
	await expectAccessible(page);
	const rows = await query<{ status: string; user_id: string | null }>(
		baseURL,
		`select status, user_id from event_registrations where event_id = $1`,
		[event.id]
	);
	expect(rows).toEqual([{ status: 'confirmee', user_id: null }]);
	await openEmail(admin, email, /Inscription confirmée/);
	await expect(admin.getByRole('link', { name: `${event.slug}.ics` })).toBeVisible();

	// The same link cancels.
	await visit(page, link);
	await page.getByRole('button', { name: 'Me désinscrire' }).click();
	await expect(page.getByText('Votre désinscription est enregistrée.')).toBeVisible();
	await expectAccessible(page);
});

test('without JavaScript, the registration forms answer on their own page', async ({
	browser,
	page: checked,
	baseURL
}) => {
	const event = await makeEvent(baseURL, 'Atelier sans script', 5);
	const account = await createAccount('membre', baseURL);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await login(page, account.email, account.password);
	// axe needs JavaScript: the same pages are checked from a normal context at the end.
	await page.goto(`/agenda/${event.slug}`);
	await page.getByRole('button', { name: 'S’inscrire' }).click();
	await expect(page).toHaveURL(new RegExp(`/agenda/${event.slug}/inscription`));
	await expect(page.getByText(/Votre inscription est confirmée/)).toBeVisible();
	await expect(page.getByText('4 places restantes sur 5')).toBeVisible();
	await page.getByRole('button', { name: 'Se désinscrire' }).click();
	await expect(page.getByText('Votre désinscription est enregistrée.')).toBeVisible();
	await page.getByRole('link', { name: 'Retour à l’événement' }).click();
	await expect(page.getByRole('button', { name: 'S’inscrire' })).toBeVisible();
	await context.close();
	await visit(checked, `/agenda/${event.slug}/inscription`);
	await expect(checked.getByRole('region', { name: 'Inscription' })).toBeVisible();
});
