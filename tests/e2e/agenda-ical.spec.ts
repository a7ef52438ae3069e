import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createAccount, login } from './support/accounts';
import { expectAccessible, visit } from './support/a11y';
import { query } from './support/db';
import { parseBoth } from '../helpers/ical';

test.beforeEach(() => test.slow());

const tag = randomBytes(3).toString('hex');
const spaceSlug = `chantier-ical-${tag}`;
const slugs: Record<string, string> = {};
const FROM = new Date('2027-01-01T00:00:00Z');
const UNTIL = new Date('2027-12-31T00:00:00Z');
let member = { email: '', password: '' };

/** An event of May 2027 at 18:00 in Paris (16:00 UTC), in the test's space. */
async function event(baseURL: string | undefined, key: string, visibility: string, day: number) {
	const slug = `${key}-${tag}`;
	const start = `2027-05-${String(day).padStart(2, '0')}T16:00:00Z`;
	const end = `2027-05-${String(day).padStart(2, '0')}T18:00:00Z`;
	const [row] = await query<{ id: string }>(
		baseURL,
		`insert into events (slug, kind, title, starts_at, ends_at, visibility)
		 values ($1, 'reunion_chantier', $2, $3, $4, $5) returning id`,
		[slug, `${key} ${tag}`, start, end, visibility]
	);
	await query(
		baseURL,
		`insert into event_spaces (event_id, space_id) select $1, id from spaces where slug = $2`,
		[row!.id, spaceSlug]
	);
	slugs[key] = slug;
}

test.beforeAll(async ({ baseURL }) => {
	await query(baseURL, `insert into spaces (slug, kind, title) values ($1, 'chantier', $2)`, [
		spaceSlug,
		`Chantier iCal ${tag}`
	]);
	await event(baseURL, 'Publique', 'public', 10);
	await event(baseURL, 'Interne', 'space', 11);
	await event(baseURL, 'Membres', 'members', 12);
	member = await createAccount('membre', baseURL);
	await query(
		baseURL,
		`insert into space_members (space_id, user_id, role)
		 select s.id, u.id, 'membre' from spaces s, users u where s.slug = $1 and u.email = $2`,
		[spaceSlug, member.email]
	);
});

const titles = (text: string) =>
	parseBoth(text, FROM, UNTIL)
		.instances.map((i) => i.summary)
		.filter((s) => s.endsWith(tag))
		.sort();

test('public feeds and one event’s file over HTTP, with their headers', async ({ request }) => {
	const feed = await request.get('/agenda.ics');
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(feed.headers()['content-disposition']).toMatch(/^inline; filename="agenda\.ics"/);
	const body = await feed.text();
	expect(titles(body)).toEqual([`Publique ${tag}`]);
	const instance = parseBoth(body, FROM, UNTIL).instances.find((i) => i.summary.endsWith(tag));
	expect(instance?.start).toBe('2027-05-10T16:00:00.000Z');
	const etag = feed.headers()['etag'];
	expect(etag).toBeTruthy();
	const again = await request.get('/agenda.ics', { headers: { 'if-none-match': etag! } });
	expect(again.status()).toBe(304);

	const space = await request.get(`/chantiers/${spaceSlug}/agenda.ics`);
	expect(space.status()).toBe(200);
	expect(titles(await space.text())).toEqual([`Publique ${tag}`]);
	expect((await request.get('/chantiers/espace-inconnu/agenda.ics')).status()).toBe(404);

	const one = await request.get(`/agenda/${slugs.Publique}.ics`);
	expect(one.status()).toBe(200);
	expect(one.headers()['content-disposition']).toBe(`attachment; filename="${slugs.Publique}.ics"`);
	expect(titles(await one.text())).toEqual([`Publique ${tag}`]);
	// The .ics route and the event page share the address but not the answer.
	const page = await request.get(`/agenda/${slugs.Publique}`);
	expect(page.status()).toBe(200);
	expect(page.headers()['content-type']).toMatch(/^text\/html/);
	expect((await request.get(`/agenda/${slugs.Interne}.ics`)).status()).toBe(404);
	expect((await request.get(`/agenda/${slugs.Membres}.ics`)).status()).toBe(404);
	expect((await request.get('/agenda/evenement-inconnu.ics')).status()).toBe(404);
});

test('a member subscribes to their own feed and regenerates its address', async ({
	page,
	request
}) => {
	await login(page, member.email, member.password);
	await visit(page, '/agenda/abonnement');
	const field = page.getByLabel('Mon agenda', { exact: true });
	const first = new URL(await field.inputValue()).pathname;
	expect(first).toMatch(/^\/agenda\/flux\/[A-Za-z0-9_-]{43}\.ics$/);

	// Calendar apps have no session: the address alone opens the feed.
	const feed = await request.get(first);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['cache-control']).toMatch(/^private/);
	// The space's events this member may see: members-only and space-only ones too.
	expect(titles(await feed.text())).toEqual([
		`Interne ${tag}`,
		`Membres ${tag}`,
		`Publique ${tag}`
	]);
	const url = await page.request.get(`/agenda/${slugs.Interne}.ics`);
	expect(url.status()).toBe(200);

	await page.getByRole('button', { name: 'Régénérer le lien' }).click();
	await expect(page.getByText('Nouvelle adresse créée')).toBeVisible();
	await expectAccessible(page);
	const second = new URL(await field.inputValue()).pathname;
	expect(second).not.toBe(first);
	expect((await request.get(first)).status()).toBe(404);
	expect((await request.get(second)).status()).toBe(200);
});

test('a visitor sees only the public feeds', async ({ page }) => {
	await visit(page, '/agenda/abonnement');
	await expect(page.getByLabel('Agenda public de la démarche')).toHaveValue(/\/agenda\.ics$/);
	await expect(page.getByLabel('Mon agenda', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Connectez-vous' })).toBeVisible();
});
