import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';

// Each journey visits several pages checked with axe, on a shared, loaded machine.
test.beforeEach(() => test.slow());

const tag = randomBytes(3).toString('hex');
const slug = `chantier-agenda-${tag}`;
const spaceTitle = `Chantier agenda ${tag}`;
const name = (title: string) => `${title} ${tag}`;
let spaceId = '';
const ids: Record<string, string> = {};

/** An event of March 2027 (times in Paris, UTC+1 until the 28th, UTC+2 after). */
async function event(
	baseURL: string | undefined,
	title: string,
	values: { kind: string; starts: string; ends: string; visibility?: string; status?: string },
	inSpace = true
) {
	const [row] = await query<{ id: string }>(
		baseURL,
		`insert into events (slug, kind, title, starts_at, ends_at, visibility, status)
		 values ($1, $2, $3, $4, $5, $6, $7) returning id`,
		[
			`${title.toLowerCase().replace(/\W+/g, '-')}-${tag}`,
			values.kind,
			name(title),
			values.starts,
			values.ends,
			values.visibility ?? 'public',
			values.status ?? 'confirme'
		]
	);
	if (inSpace) {
		await query(baseURL, `insert into event_spaces (event_id, space_id) values ($1, $2)`, [
			row!.id,
			spaceId
		]);
	}
	ids[title] = row!.id;
}

test.beforeAll(async ({ baseURL }) => {
	const [space] = await query<{ id: string }>(
		baseURL,
		`insert into spaces (slug, kind, title) values ($1, 'chantier', $2) returning id`,
		[slug, spaceTitle]
	);
	spaceId = space!.id;
	const iso = (local: string, offset = '+01:00') => `${local}:00${offset}`;
	await event(baseURL, 'Webinaire public', {
		kind: 'webinaire',
		starts: iso('2027-03-10T18:00'),
		ends: iso('2027-03-10T19:30')
	});
	await event(baseURL, 'Réunion des membres', {
		kind: 'reunion_chantier',
		starts: iso('2027-03-11T18:00'),
		ends: iso('2027-03-11T20:00'),
		visibility: 'members'
	});
	await event(baseURL, 'Réunion interne', {
		kind: 'reunion_chantier',
		starts: iso('2027-03-12T18:00'),
		ends: iso('2027-03-12T20:00'),
		visibility: 'space'
	});
	await event(baseURL, 'Réunion annulée', {
		kind: 'reunion_chantier',
		starts: iso('2027-03-15T18:00'),
		ends: iso('2027-03-15T20:00'),
		status: 'annule'
	});
	// Over the clock change of 28 March 2027.
	await event(baseURL, 'Rencontre de trois jours', {
		kind: 'externe',
		starts: iso('2027-03-27T09:00'),
		ends: iso('2027-03-29T17:00', '+02:00')
	});
});

test('a visitor sees public events only and filters them by kind and space', async ({ page }) => {
	await visit(page, '/agenda');
	await expect(
		page
			.getByRole('navigation', { name: 'Navigation principale' })
			.getByRole('link', { name: 'Agenda' })
	).toHaveAttribute('aria-current', 'page');
	const form = page.getByRole('form', { name: 'Filtrer les événements' });
	await form.getByLabel('Espace').selectOption({ label: spaceTitle });
	await form.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(new RegExp(`/agenda\\?espace=${slug}$`));
	await expectAccessible(page);
	const list = page.getByRole('region', { name: /À venir/ });
	await expect(list.getByRole('link', { name: name('Webinaire public') })).toBeVisible();
	await expect(list.getByRole('link', { name: name('Réunion annulée') })).toBeVisible();
	await expect(
		list.getByRole('article').filter({ hasText: name('Réunion annulée') })
	).toContainText('Annulé');
	await expect(list.getByText(name('Réunion des membres'))).toHaveCount(0);
	await expect(list.getByText(name('Réunion interne'))).toHaveCount(0);
	const webinar = list.getByRole('article').filter({ hasText: name('Webinaire public') });
	await expect(webinar).toContainText('mercredi 10 mars 2027, 18:00 – 19:30');
	await expect(webinar.getByRole('link', { name: spaceTitle })).toBeVisible();

	// Two kinds at once, still in the space: the address says so and can be shared.
	await form.getByLabel('Webinaire').check();
	await form.getByLabel('Événement externe').check();
	await form.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(new RegExp(`/agenda\\?type=webinaire&type=externe&espace=${slug}$`));
	await expectAccessible(page);
	await expect(list.getByRole('article')).toHaveCount(2);
	await expect(list.getByRole('link', { name: name('Rencontre de trois jours') })).toBeVisible();
	await expect(form.getByLabel('Webinaire')).toBeChecked();

	await page.getByRole('link', { name: 'Voir le mois' }).click();
	await expect(page).toHaveURL(/\/agenda\/mois\/\d{4}-\d{2}\?type=webinaire&type=externe&espace=/);
	await expectAccessible(page);
	await visit(page, '/agenda/passes');
	await visit(page, `/chantiers/${slug}/agenda`);
	await expect(page.getByRole('link', { name: name('Webinaire public') })).toBeVisible();
	await expect(page.getByText(name('Réunion interne'))).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Proposer un événement' })).toHaveCount(0);
});

test('the month calendar is a table navigated with the keyboard', async ({ page }) => {
	await visit(page, `/agenda/mois/2027-03?espace=${slug}`);
	const grid = page.getByRole('grid', { name: 'mars 2027' });
	await expect(grid).toBeVisible();
	await expect(grid.getByRole('columnheader')).toHaveCount(7);
	const cell = (date: string) => page.locator(`td[data-date="${date}"]`);
	await expect(cell('2027-03-10').getByRole('link')).toHaveText(
		new RegExp(`18:00\\s+${name('Webinaire public')}`)
	);
	for (const day of ['2027-03-27', '2027-03-28', '2027-03-29']) {
		await expect(
			cell(day).getByRole('link', { name: name('Rencontre de trois jours') })
		).toBeVisible();
	}
	await expect(cell('2027-03-30').getByRole('link')).toHaveCount(0);
	await expect(cell('2027-03-15')).toContainText('Annulé');
	await expect(cell('2027-03-10')).toContainText('mercredi 10 mars 2027');

	// Into the grid with Tab: the 1st of the month is the one day in the tab order.
	await page.getByRole('link', { name: /avril 2027/ }).focus();
	await page.keyboard.press('Tab');
	await expect(cell('2027-03-01')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(cell('2027-03-02')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(cell('2027-03-09')).toBeFocused();
	await page.keyboard.press('End');
	await expect(cell('2027-03-14')).toBeFocused();
	await page.keyboard.press('Home');
	await expect(cell('2027-03-08')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(cell('2027-03-10')).toBeFocused();
	// The day's events follow it in the tab order.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: name('Webinaire public') }).first()).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(cell('2027-03-10')).toBeFocused();

	await page.keyboard.press('PageDown');
	await expect(page).toHaveURL(new RegExp(`/agenda/mois/2027-04\\?espace=${slug}$`));
	await expect(page.getByRole('grid', { name: 'avril 2027' })).toBeVisible();
	await expect(cell('2027-04-10')).toBeFocused();
	await page.keyboard.press('PageUp');
	await expect(page).toHaveURL(new RegExp(`/agenda/mois/2027-03\\?espace=${slug}$`));
	await expect(cell('2027-03-10')).toBeFocused();
	await expectAccessible(page);
	// Back across the start of the month.
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await expect(page).toHaveURL(/\/agenda\/mois\/2027-02/);
	await expect(cell('2027-02-24')).toBeFocused();
	await expectAccessible(page);

	// The same month as a list.
	await visit(page, `/agenda/mois/2027-03?espace=${slug}`);
	const list = page.getByRole('region', { name: /en liste/ });
	await expect(list.getByRole('article')).toHaveCount(3);
	// On a phone the grid keeps a mark per event; the titles stay the links' names.
	await page.setViewportSize({ width: 360, height: 800 });
	await expect(
		cell('2027-03-10').getByRole('link', { name: new RegExp(name('Webinaire public')) })
	).toBeVisible();
	await expectAccessible(page);
	await page.goto('/agenda/mois');
	await expect(page).toHaveURL(/\/agenda\/mois\/\d{4}-\d{2}$/);
});

test('a member sees members’ events and « Mes inscriptions »', async ({ browser, baseURL }) => {
	const member = await createAccount('membre', baseURL);
	const [user] = await query<{ id: string }>(baseURL, `select id from users where email = $1`, [
		member.email
	]);
	const register = (
		event: string,
		email: string,
		status: string,
		userId: string | null,
		at: string
	) =>
		query(
			baseURL,
			`insert into event_registrations (event_id, user_id, name, email, status, queued_at)
			 values ($1, $2, 'Une personne', $3, $4, $5)`,
			[ids[event], userId, email, status, at]
		);
	await register('Webinaire public', member.email, 'confirmee', user!.id, '2027-01-01T10:00:00Z');
	await register(
		'Réunion des membres',
		`autre-${tag}@example.org`,
		'liste_attente',
		null,
		'2027-01-01T10:00:00Z'
	);
	await register(
		'Réunion des membres',
		member.email,
		'liste_attente',
		user!.id,
		'2027-01-01T11:00:00Z'
	);

	const page = await (await browser.newContext()).newPage();
	await login(page, member.email, member.password);
	await visit(page, `/agenda?espace=${slug}`);
	await expect(page.getByRole('link', { name: name('Réunion des membres') })).toBeVisible();
	await expect(page.getByText(name('Réunion interne'))).toHaveCount(0);
	await page.getByRole('link', { name: 'Mes inscriptions' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mes inscriptions' })).toBeVisible();
	await expectAccessible(page);
	const upcoming = page.getByRole('region', { name: 'À venir' });
	await expect(
		upcoming.getByRole('article').filter({ hasText: name('Webinaire public') })
	).toContainText('Inscription confirmée');
	await expect(
		upcoming.getByRole('article').filter({ hasText: name('Réunion des membres') })
	).toContainText('Liste d’attente : position 2');
});
