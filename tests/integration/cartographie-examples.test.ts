import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import type { TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import {
	insertExampleFiches,
	seedExampleFiches
} from '../../src/lib/modules/cartographie/examples.server';
import { searchFiches } from '../../src/lib/modules/cartographie/search.server';
import { getFiche } from '../../src/lib/modules/cartographie/service.server';
import {
	cartoFicheRevisions,
	cartoFiches,
	cartoFicheTerritories
} from '../../src/lib/server/db/schema';

let t: TestDb;

beforeAll(async () => {
	t = await createCartographieDb();
});
afterAll(async () => t.close());

const rows = async (table: typeof cartoFiches | typeof cartoFicheRevisions) =>
	(await t.ctx.db.select({ n: count() }).from(table))[0]!.n;

describe('example fiches', () => {
	it('inserts 500 published fiches with territories and revisions, found by the search', async () => {
		expect(await insertExampleFiches(t.ctx, 500)).toBe(500);
		const [{ n } = { n: 0 }] = await t.ctx.db
			.select({ n: count() })
			.from(cartoFiches)
			.where(eq(cartoFiches.status, 'publiee'));
		expect(n).toBe(500);
		expect(await rows(cartoFicheRevisions)).toBe(500);
		const [{ n: national } = { n: 0 }] = await t.ctx.db
			.select({ n: count() })
			.from(cartoFiches)
			.where(eq(cartoFiches.national, true));
		const { rows: withTerritory } = await t.ctx.db.execute<{ n: number }>(
			sql`select count(distinct fiche_id)::int as n from ${cartoFicheTerritories}`
		);
		expect(national + withTerritory[0]!.n).toBe(500);

		const r = await searchFiches(t.ctx, {});
		expect(r.total).toBe(500);
		expect(r.items.every((i) => i.name.startsWith('Exemple – '))).toBe(true);
		// A single-valued facet sums to the total; multi-valued ones at least reach it.
		expect(r.facets.cout.reduce((s, f) => s + f.count, 0)).toBe(500);
		const kinds = await t.ctx.db.execute<{ n: number }>(
			sql`select count(*)::int as n from carto_fiches, unnest(cooperation_kinds)`
		);
		expect(r.facets.type.reduce((s, f) => s + f.count, 0)).toBe(kinds.rows[0]!.n);
		expect(r.facets.dimension.reduce((s, f) => s + f.count, 0)).toBeGreaterThanOrEqual(500);
		expect(r.facets.region.length).toBeGreaterThan(1);

		// A filter narrows the list to its facet count.
		const gouvernance = r.facets.dimension.find((f) => f.value === 'gouvernance')!;
		expect((await searchFiches(t.ctx, { dimension: 'gouvernance' })).total).toBe(gouvernance.count);

		// A fiche reads back in full, with its public email on example.org.
		const fiche = await getFiche(t.ctx, null, r.items[0]!.slug);
		expect(fiche.contactEmail).toMatch(/\.example\.org$/);
		expect(fiche.national || fiche.territories.length > 0).toBe(true);
	});

	it('keeps slugs unique across runs, and can skip revisions', async () => {
		expect(await insertExampleFiches(t.ctx, 100, { revisions: false })).toBe(100);
		expect(await rows(cartoFiches)).toBe(600);
		expect(await rows(cartoFicheRevisions)).toBe(500);
	});

	it('seeds no demo fiche when fiches exist', async () => {
		expect(await seedExampleFiches(t.ctx)).toBe(0);
		expect(await rows(cartoFiches)).toBe(600);
	});

	it('seeds about 60 demo fiches in an empty cartography, unless SEED_DEMO is false', async () => {
		await t.ctx.db.delete(cartoFiches);
		expect(await seedExampleFiches({ ...t.ctx, env: { ...t.ctx.env, SEED_DEMO: 'false' } })).toBe(
			0
		);
		expect(await seedExampleFiches(t.ctx)).toBe(60);
		expect((await searchFiches(t.ctx, {})).total).toBe(60);
	});
});
