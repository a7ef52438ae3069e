import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../helpers/db';
import { seedIfEmpty } from '../../src/lib/server/seed/seed';
import { seedResources } from '../../src/lib/server/seed/seed-resources';
import {
	resourceAuthors,
	resourceProductions,
	resourceSpaces,
	resources,
	spaceProductions,
	spaces,
	structures
} from '../../src/lib/server/db/schema';
import {
	LINK_TO_COMPLETE,
	resources as seedData
} from '../../src/lib/modules/demarche/seed-data/resources';
import { featuredResources } from '../../src/lib/modules/ressources/featured.server';
import { resourcesFeed } from '../../src/lib/modules/ressources/feed.server';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb({ SEED_DEMO: 'true' });
	expect(await seedIfEmpty(t.ctx, () => undefined)).toBe(true);
});
afterAll(() => t?.close());

const bySlug = async (slug: string) =>
	(await t.ctx.db.select().from(resources).where(eq(resources.slug, slug)))[0]!;

async function spacesOf(id: string) {
	const rows = await t.ctx.db
		.select({ slug: spaces.slug })
		.from(resourceSpaces)
		.innerJoin(spaces, eq(spaces.id, resourceSpaces.spaceId))
		.where(eq(resourceSpaces.resourceId, id));
	return rows.map((r) => r.slug).sort();
}

async function productionsOf(id: string) {
	const rows = await t.ctx.db
		.select({ title: spaceProductions.title })
		.from(resourceProductions)
		.innerJoin(spaceProductions, eq(spaceProductions.id, resourceProductions.productionId))
		.where(eq(resourceProductions.resourceId, id));
	return rows.map((r) => r.title);
}

async function authorsOf(id: string) {
	return t.ctx.db
		.select({ name: resourceAuthors.name, structure: structures.slug })
		.from(resourceAuthors)
		.leftJoin(structures, eq(structures.id, resourceAuthors.structureId))
		.where(eq(resourceAuthors.resourceId, id))
		.orderBy(asc(resourceAuthors.position));
}

describe('the seeded resources', () => {
	it('are the productions the seeds name: five webinars, the report, the référentiels, the note, the fiche', async () => {
		const rows = await t.ctx.db.select().from(resources);
		expect(rows).toHaveLength(seedData.length);
		const kinds = rows.reduce<Record<string, number>>(
			(acc, r) => ({ ...acc, [r.kind]: (acc[r.kind] ?? 0) + 1 }),
			{}
		);
		expect(kinds).toEqual({ webinaire: 5, rapport: 2, referentiel: 3, fiche: 1 });
		const webinars = rows.filter((r) => r.kind === 'webinaire');
		const webinarSpaces = await Promise.all(webinars.map((w) => spacesOf(w.id)));
		expect(webinarSpaces.flat().sort()).toEqual([
			'chantier-2-outils-financiers',
			'chantier-2-outils-financiers',
			'chantier-4-ecosystemes-cooperatifs',
			'chantier-4-ecosystemes-cooperatifs',
			'chantier-4-ecosystemes-cooperatifs'
		]);
		expect(webinars.map((w) => w.title).sort()).toEqual([
			'Webinaire : financer en coopération, des financeurs privés témoignent',
			'Webinaire : le Générateur Bourgogne-Franche-Comté',
			'Webinaire « La posture »',
			'Webinaire « La transmission »',
			'Webinaire « Le rapport au temps »'
		]);
	});

	it('are public, without file nor invented link, licence by default, « lien à compléter »', async () => {
		for (const r of await t.ctx.db.select().from(resources)) {
			expect(r).toMatchObject({
				visibility: 'public',
				fileKey: null,
				externalUrl: null,
				licence: 'CC-BY-SA-4.0',
				language: 'fr',
				textStatus: 'none',
				tagsText: r.tags.join(' ')
			});
			expect(r.description.endsWith(LINK_TO_COMPLETE)).toBe(true);
			expect(r.description).not.toMatch(/https?:\/\//);
			// The seeds give no day for these productions.
			expect(r.publishedOn).toBeNull();
		}
	});

	it('link their spaces, the seeded productions they are, and their authors', async () => {
		const report = await bySlug('vers-une-societe-de-la-cooperation');
		expect(await authorsOf(report.id)).toEqual([
			{ name: "Le Labo de l'ESS", structure: 'labo-ess' }
		]);
		expect(await spacesOf(report.id)).toEqual([]);

		const note = await bySlug('note-synthese-questionnaire-accompagnement-cooperations');
		expect(await spacesOf(note.id)).toEqual([
			'chantier-3-accompagnement',
			'chantier-5-valorisation'
		]);
		expect(await productionsOf(note.id)).toEqual([
			"Note de synthèse du questionnaire sur l'accompagnement des coopérations territoriales"
		]);

		const fiche = await bySlug('points-de-reperess-cooperation-territoriale');
		expect(fiche.themes).toEqual(['cooperations-national-local']);
		expect((await authorsOf(fiche.id)).map((a) => a.structure)).toEqual([null, 'rtes']);
		expect(await productionsOf(fiche.id)).toEqual([
			'Points de RepèrESS : la coopération territoriale'
		]);

		const referentiels = await t.ctx.db
			.select()
			.from(resources)
			.where(eq(resources.kind, 'referentiel'));
		for (const r of referentiels) {
			expect(await spacesOf(r.id)).toEqual(['chantier-1-competences-metiers']);
			expect(await productionsOf(r.id)).toEqual([r.title]);
		}
		// Every resource but the study's report is a seeded production.
		const [{ n } = { n: 0 }] = await t.ctx.db
			.select({ n: sql<number>`count(distinct ${resourceProductions.resourceId})::int` })
			.from(resourceProductions);
		expect(n).toBe(seedData.length - 1);
	});

	it('are found by French words and show three on the home page and all in the feed', async () => {
		const rows = await t.ctx.db
			.select({ slug: resources.slug })
			.from(resources)
			.where(sql`${resources.search} @@ websearch_to_tsquery('fr_unaccent', 'cooperations')`);
		expect(rows.map((r) => r.slug)).toContain('vers-une-societe-de-la-cooperation');
		const home = await featuredResources(t.ctx);
		expect(home.map((r) => r.slug).sort()).toEqual([
			'points-de-reperess-cooperation-territoriale',
			'referentiel-competences-metiers-cooperation-territoriale',
			'vers-une-societe-de-la-cooperation'
		]);
		const feed = await resourcesFeed(t.ctx);
		expect(feed.body.match(/<entry>/g)).toHaveLength(seedData.length);
	});

	it('is idempotent: seeding again adds nothing', async () => {
		expect(await seedIfEmpty(t.ctx, () => undefined)).toBe(false);
		expect(await seedResources(t.ctx.db)).toBe(0);
		const [{ n } = { n: 0 }] = await t.ctx.db
			.select({ n: sql<number>`count(*)::int` })
			.from(resources);
		expect(n).toBe(seedData.length);
		const [{ a } = { a: 0 }] = await t.ctx.db
			.select({ a: sql<number>`count(*)::int` })
			.from(resourceAuthors);
		expect(a).toBe(seedData.reduce((sum, r) => sum + r.authors.length, 0));
	});
});
