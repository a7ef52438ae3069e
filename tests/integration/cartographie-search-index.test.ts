import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { moderationDb, ficheInput, publishFiche } from '../helpers/cartographie';
import { setStatus, submitFiche } from '../../src/lib/modules/cartographie/service.server';
import { searchFiches } from '../../src/lib/modules/cartographie/search.server';
import { searchVersion } from '../../src/lib/modules/cartographie/search-index.server';
import { cartoFiches } from '../../src/lib/server/db/schema';

const { state } = moderationDb();
const ctx = () => state.t.ctx;
const facet = (list: { value: string; count: number }[], value: string) =>
	list.find((f) => f.value === value)?.count ?? 0;

describe('the list index', () => {
	it('follows the inserts, updates and deletes of fiches and of their territories', async () => {
		const v0 = await searchVersion(ctx());
		const before = await searchFiches(ctx(), {});

		// A pending fiche does not change what the list reads.
		const pending = await submitFiche(
			ctx(),
			null,
			ficheInput('Fiche en attente', { territories: ['departement:69'] })
		);
		expect(await searchVersion(ctx())).toBe(v0);

		const f = await publishFiche(ctx(), state.moderator, 'Indexée en Bretagne', {
			communeCode: '35238',
			territories: ['region:53'],
			cooperationKinds: ['tiers_lieu'],
			dimensions: ['juridique'],
			cost: 'payant'
		});
		const v1 = await searchVersion(ctx());
		expect(v1).toBeGreaterThan(v0);
		const r1 = await searchFiches(ctx(), {});
		expect(r1.total).toBe(before.total + 1);
		expect(facet(r1.facets.region, '53')).toBe(facet(before.facets.region, '53') + 1);
		expect(facet(r1.facets.dimension, 'juridique')).toBe(
			facet(before.facets.dimension, 'juridique') + 1
		);
		expect(facet(r1.facets.cout, 'payant')).toBe(facet(before.facets.cout, 'payant') + 1);
		expect((await searchFiches(ctx(), { region: '53', type: 'tiers_lieu' })).items[0]?.name).toBe(
			'Indexée en Bretagne'
		);

		// Its lists change (one statement): once, and the facets follow.
		await ctx()
			.db.update(cartoFiches)
			.set({ dimensions: ['evaluation'], cost: null })
			.where(eq(cartoFiches.id, f.id));
		const v2 = await searchVersion(ctx());
		expect(v2).toBe(v1 + 1);
		const r2 = await searchFiches(ctx(), {});
		expect(facet(r2.facets.dimension, 'juridique')).toBe(
			facet(before.facets.dimension, 'juridique')
		);
		expect(facet(r2.facets.dimension, 'evaluation')).toBe(
			facet(before.facets.dimension, 'evaluation') + 1
		);
		expect(facet(r2.facets.cout, 'payant')).toBe(facet(before.facets.cout, 'payant'));

		// A column the list does not read: no new version.
		await ctx()
			.db.update(cartoFiches)
			.set({ shortDescription: 'Autre description de la structure.' })
			.where(eq(cartoFiches.id, f.id));
		expect(await searchVersion(ctx())).toBe(v2);

		// Its territory changes (carto_fiche_areas): the régions follow.
		await ctx().db.execute(
			sql`update carto_fiche_territories set code = '84' where fiche_id = ${f.id} and kind = 'region'`
		);
		expect(await searchVersion(ctx())).toBeGreaterThan(v2);
		const r3 = await searchFiches(ctx(), { region: '84', dimension: 'evaluation' });
		expect(r3.items.map((i) => i.name)).toContain('Indexée en Bretagne');

		// Several changes in one transaction raise the version once, at the commit.
		const v3 = await searchVersion(ctx());
		await ctx().db.transaction(async (tx) => {
			await tx
				.update(cartoFiches)
				.set({ name: 'Indexée renommée' })
				.where(eq(cartoFiches.id, f.id));
			await tx
				.update(cartoFiches)
				.set({ stages: ['essaimage'] })
				.where(eq(cartoFiches.id, f.id));
		});
		expect(await searchVersion(ctx())).toBe(v3 + 1);
		expect((await searchFiches(ctx(), { etape: 'essaimage', region: '84' })).items[0]?.name).toBe(
			'Indexée renommée'
		);

		// Unpublished, then deleted: gone from the list and its counts.
		await setStatus(ctx(), state.moderator, f.id, 'archivee');
		expect((await searchFiches(ctx(), {})).total).toBe(before.total);
		await ctx().db.update(cartoFiches).set({ status: 'publiee' }).where(eq(cartoFiches.id, f.id));
		expect((await searchFiches(ctx(), {})).total).toBe(before.total + 1);
		await ctx().db.delete(cartoFiches).where(eq(cartoFiches.id, f.id));
		const r4 = await searchFiches(ctx(), {});
		expect(r4.total).toBe(before.total);
		expect(r4.facets).toEqual(before.facets);
		await ctx().db.delete(cartoFiches).where(eq(cartoFiches.id, pending.id));
	});

	it('pages through many fiches in name order, counted without the page limit', async () => {
		for (const n of [3, 1, 2]) {
			await publishFiche(ctx(), state.moderator, `Zz page ${n}`, {
				territories: ['departement:69'],
				dimensions: ['strategie']
			});
		}
		const r = await searchFiches(ctx(), { q: 'Zz page', dimension: 'strategie' });
		expect(r.items.map((i) => i.name)).toEqual(['Zz page 1', 'Zz page 2', 'Zz page 3']);
		expect(r.total).toBe(3);
		const second = await searchFiches(ctx(), { q: 'Zz page', page: 2 });
		expect(second.items).toEqual([]);
		expect(second.total).toBe(3);
	});
});
