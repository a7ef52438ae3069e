import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb, ficheInput, publishFiche } from '../helpers/cartographie';
import { submitFiche } from '../../src/lib/modules/cartographie/service.server';
import { searchFiches, SEARCH_PAGE_SIZE } from '../../src/lib/modules/cartographie/search.server';
import { resolvePlace } from '../../src/lib/modules/cartographie/place.server';
import type { Actor } from '../../src/lib/server/auth/policy';
import { eq, sql } from 'drizzle-orm';
import { cartoFiches } from '../../src/lib/server/db/schema';
import { applyFicheContent, contentOf } from '../../src/lib/modules/cartographie/content.server';
import { insertExampleFiches } from '../../src/lib/modules/cartographie/examples.server';
import { mapDataJson } from '../../src/lib/modules/cartographie/map/map.server';
import { encodeMapData, type MapRow } from '../../src/lib/modules/cartographie/map/data';

let t: TestDb;
let moderator: Actor;

const publish = (name: string, over: Record<string, unknown>) =>
	publishFiche(t.ctx, moderator, name, over);

beforeAll(async () => {
	t = await createCartographieDb();
	moderator = (await makeUser(t.ctx, 'coordination')).actor;
	// Lyon: the Rhône, a commune of Lyon, the country; Saint-Étienne and Grenoble do not cover it.
	await publish('Coopératives du Rhône', {
		territories: ['departement:69'],
		cooperationKinds: ['scic', 'ptce'],
		dimensions: ['gouvernance', 'juridique'],
		cost: 'payant'
	});
	await publish('Atelier lyonnais', {
		communeCode: '69123',
		territories: ['commune:69123'],
		cooperationKinds: ['tiers_lieu'],
		dimensions: ['strategie']
	});
	await publish('Réseau national', {
		communeCode: '75056',
		national: 'on',
		cooperationKinds: ['pole_reseau'],
		dimensions: ['gouvernance']
	});
	await publish('Forez ensemble', {
		communeCode: '42218',
		territories: ['departement:42'],
		dimensions: ['evaluation']
	});
	await publish('Alpes coopération', {
		communeCode: '38185',
		territories: ['departement:38'],
		dimensions: ['gouvernance'],
		stages: ['essaimage']
	});
	// Pending moderation: never listed.
	await submitFiche(
		t.ctx,
		null,
		ficheInput('Coopérative en attente', { territories: ['region:84'] })
	);
});
afterAll(async () => t.close());

const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);
const facet = (list: { value: string; count: number }[], value: string) =>
	list.find((f) => f.value === value)?.count;

describe('searchFiches', () => {
	it('lists the published fiches only, by name', async () => {
		const r = await searchFiches(t.ctx, {});
		expect(names(r)).toEqual([
			'Alpes coopération',
			'Atelier lyonnais',
			'Coopératives du Rhône',
			'Forez ensemble',
			'Réseau national'
		]);
		expect(r.total).toBe(5);
		expect(r.page).toBe(1);
		expect(r.pageCount).toBe(1);
		expect(SEARCH_PAGE_SIZE).toBe(24);
		const card = r.items.find((i) => i.name === 'Forez ensemble')!;
		expect(card.communeNom).toBe('Saint-Étienne');
		expect(card.departementCode).toBe('42');
		expect(card.matchedBy).toBeNull();
		expect(card.distanceKm).toBeNull();
	});

	it('searches in French, accents and plurals ignored, with a fallback on the name', async () => {
		expect(names(await searchFiches(t.ctx, { q: 'cooperation' }))).toEqual(
			expect.arrayContaining(['Coopératives du Rhône', 'Alpes coopération'])
		);
		expect(names(await searchFiches(t.ctx, { q: 'COOPERATIVE' }))).toContain(
			'Coopératives du Rhône'
		);
		// A piece of a word: only the ilike fallback on the name finds it.
		expect(names(await searchFiches(t.ctx, { q: 'lyonn' }))).toEqual(['Atelier lyonnais']);
		expect((await searchFiches(t.ctx, { q: 'zzzz introuvable' })).total).toBe(0);
		expect(names(await searchFiches(t.ctx, { q: 'en attente' }))).toEqual([]);
	});

	it('counts each facet with every other filter applied', async () => {
		const all = await searchFiches(t.ctx, {});
		expect(facet(all.facets.dimension, 'gouvernance')).toBe(3);
		expect(facet(all.facets.type, 'ptce')).toBe(3);
		expect(facet(all.facets.cout, 'payant')).toBe(1);
		expect(facet(all.facets.cout, 'gratuit')).toBe(4);
		// The national fiche is present in every région; the Rhône's fiche and the Lyon one in 84.
		expect(facet(all.facets.region, '84')).toBe(5);
		expect(facet(all.facets.region, '11')).toBe(1);
		expect(facet(all.facets.departement, '69')).toBe(3);
		expect(facet(all.facets.departement, '42')).toBe(2);
		expect(facet(all.facets.departement, '2A')).toBe(1);
		expect(all.facets.dimension.find((f) => f.value === 'communication')).toBeUndefined();
		expect(all.facets.dimension.find((f) => f.value === 'gouvernance')?.label).toBe(
			'Gouvernance et organisation'
		);

		const r = await searchFiches(t.ctx, { dimension: 'gouvernance', departement: '69' });
		expect(names(r)).toEqual(['Coopératives du Rhône', 'Réseau national']);
		// The dimension facet ignores the dimension filter but keeps the département one.
		expect(facet(r.facets.dimension, 'gouvernance')).toBe(2);
		expect(facet(r.facets.dimension, 'strategie')).toBe(1);
		expect(facet(r.facets.dimension, 'evaluation')).toBeUndefined();
		// The département facet keeps the dimension filter.
		expect(facet(r.facets.departement, '69')).toBe(2);
		expect(facet(r.facets.departement, '38')).toBe(2);
		expect(facet(r.facets.type, 'scic')).toBe(1);

		const q = await searchFiches(t.ctx, { q: 'cooperation', etape: 'essaimage' });
		expect(names(q)).toEqual(['Alpes coopération']);
		// Every description speaks of "coopérations": the four others are at the emergence stage.
		expect(facet(q.facets.etape, 'emergence')).toBe(4);
		expect(facet(q.facets.etape, 'essaimage')).toBe(1);
	});

	it('ignores unknown or malformed parameters', async () => {
		const r = await searchFiches(t.ctx, {
			type: 'inconnu',
			dimension: ['gouvernance', 'x'],
			cout: 'cher',
			region: '999',
			departement: "69' or 1=1",
			commune: '00000',
			page: 'deux',
			other: 'x'
		});
		expect(r.params.type).toBeUndefined();
		expect(r.params.cout).toBeUndefined();
		expect(r.params.region).toBeUndefined();
		expect(r.params.departement).toBeUndefined();
		expect(r.params.commune).toBeUndefined();
		expect(r.commune).toBeNull();
		expect(r.page).toBe(1);
		// The first of repeated values is kept.
		expect(r.params.dimension).toBe('gouvernance');
		expect(r.total).toBe(3);
		const far = await searchFiches(t.ctx, { page: '40' });
		expect(far.items).toEqual([]);
		expect(far.total).toBe(5);
	});

	it('with Ma commune: the covering fiches first with how, then the nearest ones', async () => {
		const r = await searchFiches(t.ctx, { commune: '69381' });
		expect(r.commune).toMatchObject({ code: '69381', departementCode: '69' });
		expect(r.items.map((i) => [i.name, i.matchedBy])).toEqual([
			['Atelier lyonnais', 'commune'],
			['Coopératives du Rhône', 'departement'],
			['Réseau national', 'national'],
			['Forez ensemble', null],
			['Alpes coopération', null]
		]);
		expect(r.items.slice(0, 3).every((i) => i.distanceKm === null)).toBe(true);
		const [forez, alpes] = r.items.slice(3);
		expect(forez!.distanceKm).toBeGreaterThan(30);
		expect(forez!.distanceKm).toBeLessThan(70);
		expect(alpes!.distanceKm).toBeGreaterThan(forez!.distanceKm!);
		expect(alpes!.distanceKm).toBeLessThan(130);

		// Saint-Étienne: the Loire's fiche, the country, then the others by distance.
		const se = await searchFiches(t.ctx, { commune: '42218', dimension: 'gouvernance' });
		expect(se.items.map((i) => [i.name, i.matchedBy])).toEqual([
			['Réseau national', 'national'],
			['Coopératives du Rhône', null],
			['Alpes coopération', null]
		]);
	});
});

describe('resolvePlace', () => {
	it('uses the only good match, offers choices, or says nothing matches', async () => {
		expect(await resolvePlace(t.ctx, '', undefined)).toEqual({ kind: 'none' });
		expect(await resolvePlace(t.ctx, 'Lyon', undefined)).toEqual({
			kind: 'found',
			code: '69123',
			label: 'Lyon (69)'
		});
		const postal = await resolvePlace(t.ctx, '69001', undefined);
		expect(postal.kind === 'choose' && postal.choices.map((c) => c.code)).toEqual(
			expect.arrayContaining(['69381'])
		);
		expect(await resolvePlace(t.ctx, '42000', undefined)).toMatchObject({
			kind: 'found',
			code: '42218'
		});
		const several = await resolvePlace(t.ctx, 'Saint-Denis', undefined);
		expect(several.kind).toBe('choose');
		if (several.kind === 'choose') {
			expect(several.choices.length).toBeGreaterThan(1);
			expect(several.choices.map((c) => c.label)).toContain('Saint-Denis (93)');
		}
		expect(await resolvePlace(t.ctx, 'Saint-Denis (93)', undefined)).toMatchObject({
			kind: 'found',
			code: '93066'
		});
		expect(await resolvePlace(t.ctx, 'Xqzwv', undefined)).toEqual({ kind: 'unknown' });
		// A chosen commune is kept while the field shows its label; another text is resolved again.
		expect(await resolvePlace(t.ctx, 'Lyon (69)', '69123')).toMatchObject({
			kind: 'found',
			code: '69123'
		});
		expect(await resolvePlace(t.ctx, undefined, '69123')).toMatchObject({ code: '69123' });
		expect(await resolvePlace(t.ctx, '', '69123')).toEqual({ kind: 'none' });
		expect(await resolvePlace(t.ctx, 'Grenoble', '69123')).toMatchObject({
			kind: 'found',
			code: '38185'
		});
	});
});

describe('mapDataJson', () => {
	it('gives, built by PostgreSQL, the reference encoding of the matching fiches', async () => {
		for (const params of [{}, { dimension: 'gouvernance' }, { region: '84', q: 'coopératives' }]) {
			const { items } = await searchFiches(t.ctx, params);
			const { rows } = await t.ctx.db.execute<MapRow & Record<string, unknown>>(sql`
				select slug, name, lon, lat from carto_fiches
				where slug = any(${sql.param(items.map((i) => i.slug))}::text[]) order by id`);
			expect(JSON.parse(await mapDataJson(t.ctx, params))).toEqual(encodeMapData(rows));
		}
		const none = JSON.parse(await mapDataJson(t.ctx, { q: 'xqzwv' }));
		expect(none).toEqual(encodeMapData([]));
	});
});

describe('carto_fiche_areas', () => {
	const areasOf = async (id: string) => {
		const { rows } = await t.ctx.db.execute<{ departements: string[]; regions: string[] }>(
			sql`select departements, regions from carto_fiche_areas where fiche_id = ${id}`
		);
		const r = rows[0];
		return r && { departements: [...r.departements].sort(), regions: [...r.regions].sort() };
	};

	it('follows the address and the territories of a fiche, however they are written', async () => {
		// Address in Lyon (69, région 84); an EPCI of the Loire (42) and the région Bretagne (53).
		const f = await submitFiche(
			t.ctx,
			null,
			ficheInput('Aires suivies', { territories: ['epci:244200770', 'region:53'] })
		);
		expect(await areasOf(f.id)).toEqual({
			departements: ['22', '29', '35', '42', '56', '69'],
			regions: ['53', '84']
		});
		const [row] = await t.ctx.db.select().from(cartoFiches).where(eq(cartoFiches.id, f.id));
		const content = contentOf({ ...row!, territories: [] });
		// National: every département; then a commune elsewhere and no territory.
		await t.ctx.db.transaction((tx) =>
			applyFicheContent(tx, f.id, { ...content, national: true }, { authorId: null, note: 'x' })
		);
		const national = await areasOf(f.id);
		expect(national!.departements.length).toBeGreaterThan(100);
		expect(national!.regions).toEqual(expect.arrayContaining(['01', '11', '53', '84', '94']));
		await t.ctx.db.transaction((tx) =>
			applyFicheContent(
				tx,
				f.id,
				{ ...content, national: false, communeCode: '29019', territories: [] },
				{ authorId: null, note: 'x' }
			)
		);
		expect(await areasOf(f.id)).toEqual({ departements: ['29'], regions: ['53'] });
		await t.ctx.db.execute(
			sql`insert into carto_fiche_territories (fiche_id, kind, code) values (${f.id}, 'departement', '2A')`
		);
		expect(await areasOf(f.id)).toEqual({ departements: ['29', '2A'], regions: ['53', '94'] });
		await t.ctx.db.execute(sql`update carto_fiches set commune_code = null where id = ${f.id}`);
		expect(await areasOf(f.id)).toEqual({ departements: ['2A'], regions: ['94'] });
		await t.ctx.db.execute(sql`delete from carto_fiche_territories where fiche_id = ${f.id}`);
		expect(await areasOf(f.id)).toEqual({ departements: [], regions: [] });

		// Bulk inserts (examples, bench data) get theirs too.
		await insertExampleFiches(t.ctx, 5, {
			status: 'en_attente',
			prefix: 'Essai – ',
			revisions: false
		});
		const { rows: missing } = await t.ctx.db.execute(sql`
			select f.id from carto_fiches f left join carto_fiche_areas a on a.fiche_id = f.id
			where (a.fiche_id is null or cardinality(a.departements) = 0) and f.id <> ${f.id}`);
		expect(missing).toEqual([]);
	});
});
