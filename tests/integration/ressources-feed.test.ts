import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createTestDb, type TestDb } from '../helpers/db';
import { resourceAuthors, resources } from '../../src/lib/server/db/schema';
import { NotFoundError } from '../../src/lib/server/errors';
import {
	atomResponse,
	FEED_SIZE,
	resourcesFeed
} from '../../src/lib/modules/ressources/feed.server';
import {
	FEATURED_COUNT,
	featuredResources
} from '../../src/lib/modules/ressources/featured.server';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb({ PUBLIC_BASE_URL: 'https://chantiers.example.org' });
});
afterAll(async () => t?.close());

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	isArray: (name) => ['entry', 'author', 'category', 'link'].includes(name)
});

interface Entry {
	id: string;
	title: { '#text': string };
	link: { '@href': string }[];
	updated: string;
	summary?: { '#text': string };
	author?: { name: string }[];
	category: { '@term': string; '@label': string }[];
}

function parse(xml: string) {
	expect(XMLValidator.validate(xml)).toBe(true);
	const feed = parser.parse(xml).feed;
	return { feed, entries: (feed.entry ?? []) as Entry[] };
}

let n = 0;
async function resource(
	values: Partial<typeof resources.$inferInsert> = {},
	authors: string[] = []
) {
	n++;
	const [r] = await t.ctx.db
		.insert(resources)
		.values({
			slug: `ressource-${n}-${randomBytes(3).toString('hex')}`,
			title: `Ressource ${n}`,
			kind: 'fiche',
			// Distinct creation times, the later ones newer.
			createdAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000),
			updatedAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000),
			...values
		})
		.returning();
	if (authors.length) {
		await t.ctx.db
			.insert(resourceAuthors)
			.values(authors.map((name, position) => ({ resourceId: r!.id, position, name })));
	}
	return r!;
}

describe('the Atom feed of resources', () => {
	it('lists public resources only, with their link, summary, categories and authors', async () => {
		const pub = await resource(
			{
				title: 'Vers une société de la coopération',
				kind: 'rapport',
				description: 'Le **rapport** & ses <annexes>. [Lire](https://exemple.org/x)',
				themes: ['cooperations-national-local', 'accompagnement']
			},
			['Labo de l’ESS', 'Camille Martin']
		);
		const members = await resource({ title: 'Réservée aux membres', visibility: 'members' });
		const space = await resource({ title: 'Réservée au chantier', visibility: 'space' });
		const { feed, entries } = parse((await resourcesFeed(t.ctx)).body);
		expect(feed.id).toBe('https://chantiers.example.org/ressources.atom');
		expect(feed.link).toContainEqual(
			expect.objectContaining({
				'@rel': 'self',
				'@href': 'https://chantiers.example.org/ressources.atom'
			})
		);
		expect(entries.map((e) => e.title['#text'])).toEqual(['Vers une société de la coopération']);
		const [e] = entries;
		expect(e!.id).toBe(`urn:uuid:${pub.id}`);
		expect(e!.link[0]!['@href']).toBe(`https://chantiers.example.org/ressources/${pub.slug}`);
		expect(e!.summary!['#text']).toBe('Le rapport & ses . Lire (https://exemple.org/x)');
		expect(e!.author!.map((a) => a.name)).toEqual(['Labo de l’ESS', 'Camille Martin']);
		expect(e!.category.map((c) => [c['@term'], c['@label']])).toEqual([
			['rapport', 'Rapport'],
			['cooperations-national-local', 'Coopérations à un niveau national et local'],
			['accompagnement', 'Accompagnement des coopérations']
		]);
		expect(feed.updated).toBe(pub.updatedAt.toISOString().replace('.000', ''));
		const all = (await resourcesFeed(t.ctx)).body;
		expect(all).not.toContain(members.slug);
		expect(all).not.toContain(space.slug);
	});

	it('per theme: that theme only; an unknown theme is not found', async () => {
		const financial = await resource({ title: 'Outil financier', themes: ['outils-financiers'] });
		await resource({ title: 'Hors thème', themes: ['competences-metiers'] });
		await resource({ title: 'Privée', themes: ['outils-financiers'], visibility: 'members' });
		const { feed, entries } = parse((await resourcesFeed(t.ctx, 'outils-financiers')).body);
		expect(feed.id).toBe('https://chantiers.example.org/ressources/theme/outils-financiers.atom');
		expect(feed.title['#text']).toContain('Outils financiers au service de la coopération');
		expect(entries.map((e) => e.id)).toEqual([`urn:uuid:${financial.id}`]);
		await expect(resourcesFeed(t.ctx, 'inconnu')).rejects.toThrow(NotFoundError);
	});

	it('holds the newest 50, newest first', async () => {
		await t.ctx.db.execute(sql`delete from resources`);
		const made = [];
		for (let i = 0; i < FEED_SIZE + 5; i++) made.push(await resource());
		const { entries } = parse((await resourcesFeed(t.ctx)).body);
		expect(entries).toHaveLength(FEED_SIZE);
		expect(entries.map((e) => e.id)).toEqual(
			made
				.slice(-FEED_SIZE)
				.reverse()
				.map((r) => `urn:uuid:${r.id}`)
		);
	});

	it('answers with the Atom type, an ETag and 304 when unchanged', async () => {
		const file = await resourcesFeed(t.ctx);
		const res = atomResponse(new Request('https://chantiers.example.org/ressources.atom'), file);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('public, max-age=300');
		const etag = res.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]+"$/);
		expect(await res.text()).toBe(file.body);
		const again = atomResponse(
			new Request('https://chantiers.example.org/ressources.atom', {
				headers: { 'if-none-match': etag }
			}),
			await resourcesFeed(t.ctx)
		);
		expect(again.status).toBe(304);
		await resource({ title: 'Nouvelle' });
		const changed = await resourcesFeed(t.ctx);
		expect(changed.etag).not.toBe(etag);
	});
});

describe('the resources of the home page', () => {
	it('are the newest public ones when none is featured, then the featured public ones', async () => {
		await t.ctx.db.execute(sql`delete from resources`);
		const older = await resource({ title: 'Ancienne' });
		for (let i = 0; i < FEATURED_COUNT; i++) await resource({ title: `Récente ${i}` });
		await resource({ title: 'Membres', visibility: 'members' });
		const newest = await featuredResources(t.ctx);
		expect(newest.map((r) => r.title)).toEqual([
			'Récente 3',
			'Récente 2',
			'Récente 1',
			'Récente 0'
		]);

		const a = await resource({ title: 'À la une A', featured: true, kind: 'webinaire' }, [
			'ESS France'
		]);
		await resource({ title: 'À la une privée', featured: true, visibility: 'space' });
		await t.ctx.db
			.update(resources)
			.set({ featured: true })
			.where(sql`${resources.id} = ${older.id}`);
		const featured = await featuredResources(t.ctx);
		expect(featured.map((r) => r.title)).toEqual(['À la une A', 'Ancienne']);
		expect(featured[0]).toMatchObject({
			slug: a.slug,
			kind: 'webinaire',
			authors: ['ESS France'],
			externalUrl: null
		});
	});
});
