import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import {
	auditLog,
	cartoFicheRevisions,
	cartoFiches,
	cartoFicheTerritories,
	cartoReferenceItems
} from '../../src/lib/server/db/schema';
import {
	ensureReferenceLists,
	loadReferenceLists
} from '../../src/lib/modules/cartographie/reference.server';
import { referenceRows } from '../../src/lib/modules/cartographie/reference-data';
import {
	coveringFiches,
	getFiche,
	setStatus,
	submitFiche
} from '../../src/lib/modules/cartographie/service.server';
import { isInFrance } from '../../src/lib/modules/cartographie/rules';
import {
	ForbiddenError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let moderator: Actor;
let member: Actor;
beforeAll(async () => {
	t = await createCartographieDb();
	moderator = (await makeUser(t.ctx, 'coordination')).actor;
	member = (await makeUser(t.ctx, 'membre')).actor;
});
afterAll(async () => t.close());

const LYON_1ER = '69381';

/** A valid contribution; `over` replaces some fields. */
const input = (over: Record<string, unknown> = {}) => ({
	name: 'Coopérer en Rhône',
	acronym: 'CER',
	shortDescription: 'Accompagne les coopérations territoriales du Rhône.',
	presentation: '## Qui sommes-nous\n\nUne association **régionale**.',
	siret: '732 829 320 00074',
	address: '1 place de la Comédie',
	communeCode: LYON_1ER,
	lat: '',
	lon: '',
	territories: ['departement:69'],
	cooperationKinds: ['ptce', 'tiers_lieu'],
	dimensions: ['gouvernance', 'modele_economique'],
	modalities: 'collectif',
	stages: ['emergence'],
	cost: 'gratuit',
	contactEmail: 'contact@exemple.fr',
	contactEmailPublic: 'on',
	contactPhone: '04 72 00 00 00',
	contactWebsite: 'https://exemple.fr',
	contactWebsitePublic: 'on',
	...over
});

const fichesCount = async () => (await t.ctx.db.select({ n: count() }).from(cartoFiches))[0]!.n;

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof ValidationError) return err.fields;
		throw err;
	}
	throw new Error('no ValidationError');
}

describe('reference lists', () => {
	it('are seeded once and keep the labels admins changed', async () => {
		await t.ctx.db
			.update(cartoReferenceItems)
			.set({ label: 'Tiers-lieux' })
			.where(
				sql`${cartoReferenceItems.list} = 'cooperation_kind' and ${cartoReferenceItems.code} = 'tiers_lieu'`
			);
		await ensureReferenceLists(t.ctx);
		const lists = await loadReferenceLists(t.ctx);
		expect((await t.ctx.db.select({ n: count() }).from(cartoReferenceItems))[0]!.n).toBe(
			referenceRows().length
		);
		expect(lists.cooperation_kind.map((i) => i.code)).toEqual([
			'ptce',
			'tiers_lieu',
			'pat',
			'scic',
			'pole_reseau',
			'non_modelisee',
			'autre'
		]);
		expect(lists.cooperation_kind[1]!.label).toBe('Tiers-lieux');
		expect(lists.dimension).toHaveLength(7);
		expect(lists.stage.map((i) => i.label)).toEqual([
			'Émergence',
			'Structuration',
			'Développement',
			'Essaimage'
		]);
	});
});

describe('submitFiche', () => {
	it('creates a pending fiche at the commune’s point, with its territories and a first revision', async () => {
		const fiche = await submitFiche(t.ctx, null, input());
		expect(fiche).toMatchObject({
			status: 'en_attente',
			slug: 'cooperer-en-rhone',
			siret: '73282932000074',
			communeCode: LYON_1ER,
			modalities: ['collectif'],
			contactEmailPublic: true,
			contactPhonePublic: false,
			territories: [{ kind: 'departement', code: '69' }]
		});
		expect(fiche.lat).toBeTypeOf('number');
		expect(isInFrance(fiche.lat!, fiche.lon!)).toBe(true);
		const revisions = await t.ctx.db
			.select()
			.from(cartoFicheRevisions)
			.where(eq(cartoFicheRevisions.ficheId, fiche.id));
		expect(revisions).toHaveLength(1);
		expect(revisions[0]!.authorId).toBeNull();
		expect(revisions[0]!.data).toMatchObject({ name: 'Coopérer en Rhône', status: 'en_attente' });
		// Same name again: another slug.
		const again = await submitFiche(t.ctx, member, input({ lat: '45,76', lon: '4.83' }));
		expect(again.slug).toBe('cooperer-en-rhone-2');
		expect(again).toMatchObject({ lat: 45.76, lon: 4.83 });
	});

	it('refuses bad input with French messages per field and stores nothing', async () => {
		const before = await fichesCount();
		const revisionsBefore = (await t.ctx.db.select({ n: count() }).from(cartoFicheRevisions))[0]!.n;
		expect(await fieldsOf(submitFiche(t.ctx, null, input({ siret: '73282932000075' })))).toEqual({
			siret: "Ce numéro SIRET n'est pas valide (vérifiez les chiffres saisis)."
		});
		expect(await fieldsOf(submitFiche(t.ctx, null, input({ siret: '1234' })))).toEqual({
			siret: 'Le numéro SIRET doit comporter 14 chiffres.'
		});
		expect(await fieldsOf(submitFiche(t.ctx, null, input({ communeCode: '69999' })))).toEqual({
			communeCode: 'Commune inconnue.'
		});
		expect(
			await fieldsOf(submitFiche(t.ctx, null, input({ name: '<b>Coopérer</b> en Rhône' })))
		).toEqual({ name: 'Le texte ne doit pas contenir de balises HTML.' });
		expect(
			await fieldsOf(
				submitFiche(t.ctx, null, input({ methodologies: 'Voir <script>alert(1)</script>' }))
			)
		).toEqual({ methodologies: 'Le texte ne doit pas contenir de balises HTML.' });
		expect(
			await fieldsOf(submitFiche(t.ctx, null, input({ lat: '51.5072', lon: '-0.1276' })))
		).toEqual({ lat: expect.stringMatching(/en dehors de la France/) });
		expect(
			await fieldsOf(
				submitFiche(
					t.ctx,
					null,
					input({
						name: '',
						shortDescription: 'x'.repeat(281),
						contactEmail: 'pas-une-adresse',
						contactWebsite: 'javascript:alert(1)',
						contactPhone: '12',
						dimensions: ['gouvernance', 'astrologie'],
						territories: ['departement:99']
					})
				)
			)
		).toEqual({
			name: 'Indiquez le nom de la structure.',
			shortDescription: 'La description courte ne doit pas dépasser 280 caractères.',
			contactEmail: 'Adresse e-mail invalide (exemple : contact@exemple.fr).',
			contactWebsite: 'Adresse web invalide (exemple : https://exemple.fr).',
			contactPhone: 'Numéro de téléphone invalide (exemple : 01 23 45 67 89).'
		});
		expect(
			await fieldsOf(
				submitFiche(
					t.ctx,
					null,
					input({ dimensions: ['gouvernance', 'astrologie'], territories: ['departement:99'] })
				)
			)
		).toEqual({
			dimensions: 'Choix inconnu : astrologie.',
			territories: 'Territoire inconnu : departement:99.'
		});
		expect(await fichesCount()).toBe(before);
		expect((await t.ctx.db.select({ n: count() }).from(cartoFicheRevisions))[0]!.n).toBe(
			revisionsBefore
		);
	});
});

describe('reading and moderation', () => {
	it('hides a pending fiche from visitors and members, shows it to moderators', async () => {
		const fiche = await submitFiche(t.ctx, null, input({ name: 'En attente de relecture' }));
		await expect(getFiche(t.ctx, null, fiche.slug)).rejects.toThrow(NotFoundError);
		await expect(getFiche(t.ctx, member, fiche.slug)).rejects.toThrow(NotFoundError);
		expect((await getFiche(t.ctx, moderator, fiche.slug)).status).toBe('en_attente');
	});

	it('lets only moderators change a status; a published fiche hides private contacts', async () => {
		const fiche = await submitFiche(t.ctx, null, input({ name: 'À publier' }));
		await expect(setStatus(t.ctx, null, fiche.id, 'publiee')).rejects.toThrow(UnauthenticatedError);
		await expect(setStatus(t.ctx, member, fiche.id, 'publiee')).rejects.toThrow(ForbiddenError);
		await expect(setStatus(t.ctx, moderator, fiche.id, 'archivee')).rejects.toThrow(
			ValidationError
		);
		const published = await setStatus(t.ctx, moderator, fiche.id, 'publiee', 'Vérifiée.');
		expect(published.status).toBe('publiee');
		expect(published.lastVerifiedAt).toBeInstanceOf(Date);
		const seen = await getFiche(t.ctx, null, fiche.slug);
		expect(seen).toMatchObject({
			status: 'publiee',
			contactEmail: 'contact@exemple.fr',
			contactPhone: null,
			contactWebsite: 'https://exemple.fr'
		});
		expect((await getFiche(t.ctx, moderator, fiche.slug)).contactPhone).toBe('04 72 00 00 00');
		const revisions = await t.ctx.db
			.select()
			.from(cartoFicheRevisions)
			.where(eq(cartoFicheRevisions.ficheId, fiche.id));
		expect(revisions.map((r) => r.note).sort()).toEqual(['Proposition', 'Vérifiée.']);
		const [entry] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, fiche.id));
		expect(entry).toMatchObject({
			action: 'cartographie.status',
			actorId: moderator.userId,
			details: { from: 'en_attente', to: 'publiee', note: 'Vérifiée.' }
		});
	});

	it('lets exactly one of two moderators acting at once win', async () => {
		const other = (await makeUser(t.ctx, 'admin')).actor;
		for (let round = 0; round < 5; round++) {
			const fiche = await submitFiche(t.ctx, null, input({ name: `Concurrence ${round}` }));
			const results = await Promise.allSettled([
				setStatus(t.ctx, moderator, fiche.id, 'publiee'),
				setStatus(t.ctx, other, fiche.id, 'refusee', 'Hors sujet.')
			]);
			const won = results.filter((r) => r.status === 'fulfilled');
			const lost = results.filter((r) => r.status === 'rejected');
			expect(won).toHaveLength(1);
			expect(lost).toHaveLength(1);
			const reason = (lost[0] as PromiseRejectedResult).reason as ValidationError;
			expect(reason).toBeInstanceOf(ValidationError);
			expect(reason.fields.status).toMatch(
				/vient d'être modifiée par une autre personne|ne peut pas passer/
			);
			const [row] = await t.ctx.db
				.select({ status: cartoFiches.status })
				.from(cartoFiches)
				.where(eq(cartoFiches.id, fiche.id));
			const winner = (won[0] as PromiseFulfilledResult<{ status: string }>).value.status;
			expect(row!.status).toBe(winner);
			const revisions = await t.ctx.db
				.select({ n: count() })
				.from(cartoFicheRevisions)
				.where(eq(cartoFicheRevisions.ficheId, fiche.id));
			expect(revisions[0]!.n).toBe(2);
		}
	});
	it('refuses the second write when the fiche changed after it was read', async () => {
		const fiche = await submitFiche(t.ctx, null, input({ name: 'Écriture croisée' }));
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		let locked!: () => void;
		const isLocked = new Promise<void>((r) => (locked = r));
		// Another moderator's transaction has changed the status but not committed yet.
		const holder = t.ctx.db.transaction(async (tx) => {
			await tx.update(cartoFiches).set({ status: 'refusee' }).where(eq(cartoFiches.id, fiche.id));
			locked();
			await gate;
		});
		await isLocked;
		const late = setStatus(t.ctx, moderator, fiche.id, 'publiee');
		late.catch(() => undefined);
		await new Promise((r) => setTimeout(r, 300));
		release();
		await holder;
		await expect(late).rejects.toThrow(ValidationError);
		await expect(late).rejects.toMatchObject({
			fields: { status: expect.stringMatching(/vient d'être modifiée par une autre personne/) }
		});
		const [row] = await t.ctx.db
			.select({ status: cartoFiches.status })
			.from(cartoFiches)
			.where(eq(cartoFiches.id, fiche.id));
		expect(row!.status).toBe('refusee');
	});
});

describe('coveringFiches', () => {
	it('finds the published fiches covering a commune of Lyon, the closest match first', async () => {
		const publish = async (name: string, over: Record<string, unknown>) => {
			const f = await submitFiche(t.ctx, null, input({ name, ...over }));
			await setStatus(t.ctx, moderator, f.id, 'publiee');
			return f;
		};
		await publish('Couvre le Rhône', { territories: ['departement:69'] });
		await publish('Couvre la région', { territories: ['region:84', 'departement:42'] });
		await publish('Couvre la France', { territories: [], national: 'on' });
		await publish('Couvre la Loire', { territories: ['departement:42'] });
		await publish('Couvre Lyon', { territories: ['commune:69123'] });
		await submitFiche(t.ctx, null, input({ name: 'Pas encore publiée' }));

		const found = await coveringFiches(t.ctx, LYON_1ER);
		const names = found.map((f) => `${f.name}:${f.matchedBy}`);
		expect(names).toContain('Couvre le Rhône:departement');
		expect(names).toContain('Couvre la région:region');
		expect(names).toContain('Couvre la France:national');
		expect(names).toContain('Couvre Lyon:commune');
		expect(found.map((f) => f.name)).not.toContain('Couvre la Loire');
		expect(found.map((f) => f.name)).not.toContain('Pas encore publiée');
		expect(new Set(found.map((f) => f.id)).size).toBe(found.length);
		const rank = { commune: 1, epci: 2, departement: 3, region: 4, national: 5 };
		const ranks = found.map((f) => rank[f.matchedBy]);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		// Saint-Étienne is in the Loire: the Loire, the région and the country, not the Rhône.
		const stEtienne = (await coveringFiches(t.ctx, '42218')).map((f) => f.name);
		expect(stEtienne).toEqual(
			expect.arrayContaining(['Couvre la Loire', 'Couvre la région', 'Couvre la France'])
		);
		expect(stEtienne).not.toContain('Couvre le Rhône');
		expect(await coveringFiches(t.ctx, '00000')).toEqual([]);
		expect(
			(await t.ctx.db.select({ n: count() }).from(cartoFicheTerritories))[0]!.n
		).toBeGreaterThan(0);
	});
});

describe('isInFrance and the geography', () => {
	it('accepts the point of every commune of metropolitan France, Corsica and the DROM', async () => {
		const { rows } = await t.ctx.db.execute<{ code: string; lat: number; lon: number }>(sql`
			select c.code, c.lat, c.lon from geo_communes c
			join geo_regions r on r.code = c.region_code
			where r.zone in ('metro', 'drom') and c.lat is not null`);
		expect(rows.length).toBeGreaterThan(30_000);
		expect(rows.filter((r) => !isInFrance(r.lat, r.lon))).toEqual([]);
	});
});
