import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { createCartographieDb, ficheInput, publishFiche } from '../helpers/cartographie';
import { eventForm } from '../helpers/agenda';
import { resources, structures, users } from '../../src/lib/server/db/schema';
import { canRead, type Actor } from '../../src/lib/server/auth/policy';
import { createPage, rootScope, type Scope } from '../../src/lib/modules/pages/wiki.server';
import { createEvent } from '../../src/lib/modules/agenda/service.server';
import { submitFiche } from '../../src/lib/modules/cartographie/service.server';
import { searchEverything } from '../../src/lib/modules/search/global.server';
import { readableBy } from '../../src/lib/modules/search/sql.server';
import { QUERY_MAX } from '../../src/lib/modules/search/query';
import type { SearchKind } from '../../src/lib/modules/search/types';

let t: TestDb;
let coordination: Actor;
let member: Actor;
let spaceMember: Actor;
let space: { id: string; slug: string };
let spaceScope: Scope;

const search = (actor: Actor | null, q: string) => searchEverything(t.ctx, actor, q);
/** The titles found in one group. */
async function titles(actor: Actor | null, q: string, kind: SearchKind) {
	const r = await search(actor, q);
	return r.groups.find((g) => g.kind === kind)?.items.map((i) => i.title) ?? [];
}

beforeAll(async () => {
	t = await createCartographieDb();
	coordination = (await makeUser(t.ctx, 'coordination')).actor;
	member = (await makeUser(t.ctx)).actor;
	space = await makeSpace(t.ctx, 'Chantier des communs');
	spaceMember = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, space.id, 'membre');
	spaceScope = { spaceId: space.id, base: `/chantiers/${space.slug}/pages` };

	const page = (scope: Scope, title: string, visibility: string, body: string) =>
		createPage(t.ctx, coordination, scope, { title, body, visibility, summary: '' });
	await page(rootScope, 'Les Coopérations en territoire', 'public', 'Un texte sur la démarche.');
	await page(rootScope, 'Note réservée', 'members', 'Le compostage partagé des membres.');
	await page(spaceScope, 'Carnet du chantier', 'space', 'Le compostage partagé du chantier.');
	await page(spaceScope, 'Page ouverte du chantier', 'public', 'Le compostage ouvert.');

	const event = (title: string, visibility: string) =>
		createEvent(t.ctx, coordination, eventForm(space.id, { title, visibility }));
	await event('Atelier jardinage public', 'public');
	await event('Atelier jardinage des membres', 'members');
	await event('Atelier jardinage du chantier', 'space');

	await publishFiche(t.ctx, coordination, 'Maison des coopératives', {
		shortDescription: 'Accompagne les projets collectifs et solidaires.',
		territories: ['departement:69']
	});
	// Proposed, never published.
	await submitFiche(
		t.ctx,
		null,
		ficheInput('Coopérative en attente', { territories: ['departement:69'] })
	);

	await t.ctx.db.insert(resources).values([
		{
			slug: 'guide-des-cooperations',
			title: 'Guide des coopérations',
			kind: 'rapport',
			description: 'Comment **coopérer** entre structures.',
			publishedOn: '2024-05-02',
			visibility: 'public'
		},
		{
			slug: 'cooperations-membres',
			title: 'Coopérations : notes des membres',
			kind: 'compte-rendu',
			visibility: 'members'
		}
	]);

	const [s] = await t.ctx.db
		.insert(structures)
		.values({
			slug: 'reseau-boussole',
			name: 'Réseau Boussole',
			kind: 'reseau',
			description:
				'Relie les projets <b>coopératifs</b> & solidaires, 2 < 3 <img src=x onerror=alert(1)>'
		})
		.returning();
	await t.ctx.db.insert(structures).values({
		slug: 'ancienne-boussole',
		name: 'Ancienne Boussole',
		kind: 'association',
		isMember: false
	});
	await t.ctx.db.insert(users).values([
		{ email: 'a@example.org', name: 'Camille Boussolier', status: 'active', structureId: s!.id },
		{ email: 'b@example.org', name: 'Dominique Boussolier', status: 'deleted' },
		{ email: 'boussolier@example.org', name: 'Alex Martin', status: 'active' }
	]);
});
afterAll(() => t.close());

describe('the French matching', () => {
	it('finds « Coopérations » and « coopératives » from « cooperation », without accents or plural', async () => {
		expect(await titles(null, 'cooperation', 'pages')).toContain('Les Coopérations en territoire');
		expect(await titles(null, 'cooperation', 'structures')).toEqual(['Maison des coopératives']);
		expect(await titles(null, 'COOPÉRATIONS', 'pages')).toContain('Les Coopérations en territoire');
	});

	it('counts each group, shows the page from the démarche with its address', async () => {
		const r = await search(null, 'cooperation');
		const pages = r.groups.find((g) => g.kind === 'pages')!;
		expect(pages.label).toBe('Pages');
		expect(pages.total).toBe(1);
		expect(pages.items[0]!.href).toBe('/pages/les-cooperations-en-territoire');
		const fiches = r.groups.find((g) => g.kind === 'structures')!;
		expect(fiches.more[0]!.href).toBe('/cartographie?q=cooperation');
	});

	it('escapes the text of a snippet and marks the matched words', async () => {
		const r = await search(null, 'boussole cooperatifs');
		const hit = r.groups.find((g) => g.kind === 'community')!.items[0]!;
		// PostgreSQL's parser drops what looks like a tag; the rest is escaped.
		expect(hit.snippet).toContain('<mark>coopératifs</mark> &amp; solidaires, 2 &lt; 3');
		expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
	});

	it('returns nothing for an empty query and caps a long one', async () => {
		expect(await search(null, '   ')).toMatchObject({ q: '', groups: [], total: 0 });
		const long = await search(null, 'cooperation '.repeat(40));
		expect(long.q.length).toBeLessThanOrEqual(QUERY_MAX);
		expect(long.total).toBeGreaterThan(0);
	});

	it('reads odd queries as words, not as syntax', async () => {
		for (const q of ['"', "l'", '%', '& | !', '<script>', 'a:*']) {
			await expect(search(null, q)).resolves.toBeDefined();
		}
		expect((await search(null, '%')).total).toBe(0);
	});
});

describe('visibility for the person searching', () => {
	it('shows a visitor the public pages only, a member the members ones, the space members their space', async () => {
		expect(await titles(null, 'compostage', 'pages')).toEqual(['Page ouverte du chantier']);
		expect((await titles(member, 'compostage', 'pages')).sort()).toEqual([
			'Note réservée',
			'Page ouverte du chantier'
		]);
		expect((await titles(spaceMember, 'compostage', 'pages')).sort()).toEqual([
			'Carnet du chantier',
			'Note réservée',
			'Page ouverte du chantier'
		]);
		const r = await search(spaceMember, 'carnet');
		const hit = r.groups.find((g) => g.kind === 'pages')!.items[0]!;
		expect(hit.href).toBe(`/chantiers/${space.slug}/pages/carnet-du-chantier`);
	});

	it('shows events as the agenda does', async () => {
		expect(await titles(null, 'jardinage', 'events')).toEqual(['Atelier jardinage public']);
		expect((await titles(member, 'jardinage', 'events')).sort()).toEqual([
			'Atelier jardinage des membres',
			'Atelier jardinage public'
		]);
		expect(await titles(spaceMember, 'jardinage', 'events')).toHaveLength(3);
		expect(await titles(coordination, 'jardinage', 'events')).toHaveLength(3);
	});

	it('gives an event its date in French', async () => {
		const r = await search(null, 'jardinage');
		const hit = r.groups.find((g) => g.kind === 'events')!.items[0]!;
		expect(hit.href).toMatch(/^\/agenda\/atelier-jardinage-public-2030-03-05$/);
		expect(hit.meta).toContain('mardi 5 mars 2030, 18:00 – 20:00');
	});

	it('never shows a fiche that is not published, even to coordination', async () => {
		expect(await titles(coordination, 'attente', 'structures')).toEqual([]);
		expect(await titles(coordination, 'cooperative', 'structures')).toEqual([
			'Maison des coopératives'
		]);
	});

	it('finds the resources the person may see, through the library’s search', async () => {
		expect(await titles(null, 'cooperations', 'resources')).toEqual(['Guide des coopérations']);
		expect((await titles(member, 'cooperations', 'resources')).sort()).toEqual([
			'Coopérations : notes des membres',
			'Guide des coopérations'
		]);
		const r = await search(null, 'cooperations');
		const group = r.groups.find((g) => g.kind === 'resources')!;
		expect(group.items[0]).toMatchObject({ href: '/ressources/guide-des-cooperations' });
		expect(group.items[0]!.meta).toContain('2024');
		expect(group.more[0]!.href).toBe('/ressources?q=cooperations');
	});

	it('finds the spaces, listed for everyone', async () => {
		expect(await titles(null, 'communs', 'spaces')).toEqual(['Chantier des communs']);
	});

	it('finds in the community what the directory shows, and not by e-mail', async () => {
		// The person is found through their structure's name too, as in the directory.
		const found = await titles(null, 'boussole', 'community');
		expect(found).toEqual(['Réseau Boussole', 'Camille Boussolier']);
		const people = await titles(null, 'boussolier', 'community');
		expect(people).toEqual(['Camille Boussolier']);
		const r = await search(null, 'boussolier');
		const community = r.groups.find((g) => g.kind === 'community')!;
		expect(community.total).toBe(1);
		expect(community.items[0]!.meta).toContain('Réseau Boussole');
		expect(JSON.stringify(r)).not.toContain('@example.org');
	});
});

describe('readableBy', () => {
	it('agrees with canRead for every visibility, actor and space', async () => {
		const other = await makeSpace(t.ctx, 'Autre');
		const actors: (Actor | null)[] = [null, member, spaceMember, coordination];
		for (const actor of actors) {
			for (const visibility of ['public', 'members', 'space'] as const) {
				for (const spaceId of [space.id, other.id]) {
					const { rows } = await t.ctx.db.execute<{ ok: boolean }>(
						sql`select ${readableBy(actor, sql`${visibility}::page_visibility`, sql`${spaceId}::uuid`)} as ok`
					);
					expect(rows[0]!.ok, `${actor?.role ?? 'visitor'} ${visibility}`).toBe(
						canRead(actor, visibility, spaceId)
					);
				}
			}
		}
	});
});
