// The resource search with real PostgreSQL: French words, weights, typos, snippets, filters,
// facets and visibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import {
	resources,
	resourceAuthors,
	resourceSpaces
} from '../../src/lib/modules/ressources/tables';
import { sql } from 'drizzle-orm';
import { COUNT_CAP, searchResources } from '../../src/lib/modules/ressources/search.server';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let n = 0;

type NewResource = Partial<typeof resources.$inferInsert> & { title: string };
async function add(r: NewResource, spaceIds: string[] = [], authors: string[] = []) {
	const tags = r.tags ?? [];
	const [row] = await t.ctx.db
		.insert(resources)
		.values({ kind: 'fiche', slug: `ressource-${++n}`, ...r, tags, tagsText: tags.join(' ') })
		.returning();
	for (const spaceId of spaceIds) {
		await t.ctx.db.insert(resourceSpaces).values({ resourceId: row!.id, spaceId });
	}
	for (const [position, name] of authors.entries()) {
		await t.ctx.db.insert(resourceAuthors).values({ resourceId: row!.id, position, name });
	}
	return row!;
}

const titles = async (actor: Actor | null, q: string, extra = {}) =>
	(await searchResources(t.ctx, actor, { q, ...extra })).items.map((i) => i.title);

let member: Actor;
let spaceMember: Actor;
let coordination: Actor;
let spaceSlug: string;

beforeAll(async () => {
	t = await createTestDb();
	member = (await makeUser(t.ctx, 'membre')).actor;
	spaceMember = (await makeUser(t.ctx, 'membre')).actor;
	coordination = (await makeUser(t.ctx, 'coordination')).actor;
	const space = await makeSpace(t.ctx, 'Chantier des écosystèmes');
	spaceSlug = space.slug;
	await addToSpace(t.ctx, spaceMember, space.id, 'observateur');

	await add(
		{
			title: 'Vers une société de la coopération',
			kind: 'rapport',
			publishedOn: '2023-05-10',
			themes: ['cooperations-national-local'],
			tags: ['plaidoyer'],
			description: 'Un rapport sur les **politiques** publiques.'
		},
		[space.id],
		['Labo de l’ESS', 'Camille Durand']
	);
	await add({
		title: 'Guide des cooperations locales',
		kind: 'fiche',
		publishedOn: '2024-02-01',
		themes: ['ecosystemes-territoriaux'],
		licence: 'CC-BY-4.0',
		description: 'Fiche pratique.'
	});
	await add({
		title: 'Les Coopératives d’activité et d’emploi',
		kind: 'webinaire',
		publishedOn: '2024-09-12',
		themes: ['accompagnement', 'competences-metiers'],
		tags: ['CAE'],
		description: 'Replay du webinaire.'
	});
	await add({
		title: 'Compte rendu du comité',
		kind: 'compte-rendu',
		publishedOn: '2022-01-01',
		description: 'Notes de la réunion du comité.',
		documentText:
			'Introduction générale. ' +
			'Longue discussion sur le financement. '.repeat(40) +
			'Le mot zygomorphe apparaît ici, et la coopération aussi. ' +
			'Conclusion : 3 < 4 & "fin".'
	});
	await add({
		title: 'Note réservée aux membres',
		kind: 'fiche',
		visibility: 'members',
		description: 'Une note sur la coopération interne.'
	});
	await add(
		{
			title: 'Document du chantier écosystèmes',
			kind: 'outil',
			visibility: 'space',
			themes: ['ecosystemes-territoriaux'],
			description: 'Outil de coopération réservé au chantier.'
		},
		[space.id]
	);
});

afterAll(() => t.close());

describe('French words', () => {
	it('finds coopération, cooperations and Coopératives from any of them', async () => {
		for (const q of ['coopération', 'cooperations', 'Coopératives']) {
			const found = await titles(null, q);
			expect(found, q).toEqual(
				expect.arrayContaining([
					'Vers une société de la coopération',
					'Guide des cooperations locales',
					'Les Coopératives d’activité et d’emploi'
				])
			);
		}
	});

	it('ranks a title match above a match only in the document text', async () => {
		const found = await titles(null, 'coopération');
		const inTitle = found.indexOf('Vers une société de la coopération');
		const inDocument = found.indexOf('Compte rendu du comité');
		expect(inDocument).toBeGreaterThanOrEqual(0);
		expect(inTitle).toBeLessThan(inDocument);
	});

	it('finds the beginning of a word still being typed', async () => {
		expect(await titles(null, 'zygomor')).toEqual(['Compte rendu du comité']);
	});

	it('tolerates a typo in a title through trigrams, and says the results are approximate', async () => {
		const r = await searchResources(t.ctx, null, { q: 'cooperatoin' });
		expect(r.approximate).toBe(true);
		expect(r.items.map((i) => i.title)).toContain('Vers une société de la coopération');
		expect((await searchResources(t.ctx, null, { q: 'coopération' })).approximate).toBeUndefined();
	});

	it('finds nothing for words no resource has', async () => {
		const r = await searchResources(t.ctx, null, { q: 'xylophonique pentagramme' });
		expect(r).toMatchObject({ total: 0, items: [] });
	});
});

describe('snippets', () => {
	it('shows the passage of the document, escaped, with the word in <mark>', async () => {
		const [hit] = (await searchResources(t.ctx, null, { q: 'zygomorphe' })).items;
		expect(hit!.snippet).toContain('<mark>zygomorphe</mark>');
		expect(hit!.snippet).not.toContain('Introduction générale');
		const [withScript] = (await searchResources(t.ctx, null, { q: 'conclusion' })).items;
		expect(withScript!.snippet).toContain('<mark>Conclusion</mark> : 3 &lt; 4 &amp; &quot;fin');
	});

	it('uses the description when the words are there, without Markdown signs', async () => {
		const [hit] = (await searchResources(t.ctx, null, { q: 'politiques' })).items;
		expect(hit!.snippet).toBe('Un rapport sur les <mark>politiques</mark> publiques.');
		expect(hit!.authors).toEqual(['Labo de l’ESS', 'Camille Durand']);
		expect(hit!.publishedOn).toBe('2023-05-10');
	});
});

describe('filters, facets and sort', () => {
	it('combines facets with AND, values of one facet with OR', async () => {
		expect(await titles(null, '', { kinds: ['rapport', 'fiche'] })).toEqual([
			'Guide des cooperations locales',
			'Vers une société de la coopération'
		]);
		expect(await titles(null, '', { kinds: ['rapport', 'fiche'], years: [2024] })).toEqual([
			'Guide des cooperations locales'
		]);
		expect(await titles(null, '', { themes: ['accompagnement'] })).toEqual([
			'Les Coopératives d’activité et d’emploi'
		]);
		expect(await titles(null, '', { licences: ['CC-BY-4.0'] })).toEqual([
			'Guide des cooperations locales'
		]);
		expect(await titles(null, '', { spaces: [spaceSlug] })).toEqual([
			'Vers une société de la coopération'
		]);
		expect(await titles(null, '', { tag: 'cae' })).toEqual([
			'Les Coopératives d’activité et d’emploi'
		]);
	});

	it('counts each facet with the other facets applied (disjunctive)', async () => {
		const r = await searchResources(t.ctx, null, { q: '', kinds: ['rapport'] }, { facets: true });
		const f = r.facets!;
		// The kind facet ignores its own filter: all public kinds are counted.
		expect(f.kind).toEqual(
			expect.arrayContaining([
				{ value: 'rapport', count: 1, label: 'Rapport' },
				{ value: 'fiche', count: 1, label: 'Fiche' },
				{ value: 'webinaire', count: 1, label: 'Webinaire' },
				{ value: 'compte-rendu', count: 1, label: 'Compte rendu' }
			])
		);
		// The others only count reports.
		expect(f.year).toEqual([{ value: '2023', count: 1 }]);
		expect(f.space).toEqual([{ value: spaceSlug, count: 1, label: 'Chantier des écosystèmes' }]);
		expect(f.licence).toEqual([{ value: 'CC-BY-SA-4.0', count: 1, label: expect.any(String) }]);
	});

	it('sorts by date without words, by relevance with them, or by date on request', async () => {
		expect((await titles(null, '')).slice(0, 2)).toEqual([
			'Les Coopératives d’activité et d’emploi',
			'Guide des cooperations locales'
		]);
		const byDate = await titles(null, 'coopération', { sort: 'date' });
		expect(byDate[0]).toBe('Les Coopératives d’activité et d’emploi');
	});

	it('paginates and shows the last page for a page beyond the end', async () => {
		const first = await searchResources(t.ctx, null, { q: '', perPage: 2 });
		expect(first).toMatchObject({ total: 4, page: 1, perPage: 2 });
		const beyond = await searchResources(t.ctx, null, { q: '', perPage: 2, page: 9 });
		expect(beyond.page).toBe(2);
		expect(beyond.items).toHaveLength(2);
		expect((await searchResources(t.ctx, null, { q: '', perPage: 500 })).perPage).toBe(100);
	});
});

describe('visibility', () => {
	it('hides members’ and space resources from a visitor, also in facet counts', async () => {
		const r = await searchResources(t.ctx, null, { q: 'coopération' }, { facets: true });
		expect(r.items.map((i) => i.title)).not.toContain('Note réservée aux membres');
		expect(r.items.map((i) => i.title)).not.toContain('Document du chantier écosystèmes');
		expect(r.facets!.kind.find((c) => c.value === 'outil')).toBeUndefined();
		expect(r.facets!.theme.find((c) => c.value === 'ecosystemes-territoriaux')?.count).toBe(1);
	});

	it('shows members’ resources to a member, space ones only to its members and coordination', async () => {
		expect(await titles(member, 'coopération')).toContain('Note réservée aux membres');
		expect(await titles(member, 'coopération')).not.toContain('Document du chantier écosystèmes');
		const other = await searchResources(t.ctx, member, { q: '' }, { facets: true });
		expect(other.facets!.kind.find((c) => c.value === 'outil')).toBeUndefined();
		expect(await titles(spaceMember, 'coopération')).toContain('Document du chantier écosystèmes');
		expect(await titles(coordination, 'coopération')).toContain('Document du chantier écosystèmes');
		const seen = await searchResources(t.ctx, spaceMember, { q: '' }, { facets: true });
		expect(seen.facets!.kind.find((c) => c.value === 'outil')?.count).toBe(1);
	});
});

describe('many results', () => {
	it('counts up to the cap, ranks the most recent, and pages within them', async () => {
		await t.ctx.db.execute(sql`
			insert into resources (slug, title, kind, description, created_at)
			select 'masse-' || n, 'Lot numéro ' || n, 'fiche', 'Une fiche du lot.',
				timestamptz '2020-01-01' + make_interval(days => n)
			from generate_series(1, ${COUNT_CAP + 5}) n`);
		const r = await searchResources(t.ctx, null, { q: 'lot' });
		expect(r).toMatchObject({ total: COUNT_CAP, moreThanTotal: true, page: 1 });
		expect(r.items).toHaveLength(20);
		expect(r.items[0]!.title).toBe(`Lot numéro ${COUNT_CAP + 5}`);
		expect((await searchResources(t.ctx, null, { q: 'lot', page: 999 })).page).toBe(COUNT_CAP / 20);
		const facets = await searchResources(t.ctx, null, { q: 'lot' }, { facets: true });
		expect(facets.facets!.kind).toEqual([{ value: 'fiche', count: COUNT_CAP + 5, label: 'Fiche' }]);
	});
});
