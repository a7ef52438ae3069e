import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import { cartoFiches, emails } from '../../src/lib/server/db/schema';
import { setStatus } from '../../src/lib/modules/cartographie/service.server';
import {
	ficheView,
	newFormToken,
	proposalFormData,
	proposeFiche,
	reportFicheError,
	resolveCommune
} from '../../src/lib/modules/cartographie/report.server';
import { NotFoundError, RateLimitError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let moderator: Actor;
beforeAll(async () => {
	t = await createCartographieDb();
	moderator = (await makeUser(t.ctx, 'coordination')).actor;
});
afterAll(async () => t.close());

/** The public form as `formToObject` reads it; `over` replaces some fields. */
const form = (over: Record<string, unknown> = {}) => ({
	formToken: newFormToken(),
	name: 'Coopérer ensemble',
	acronym: 'CE',
	shortDescription: 'Accompagne les coopérations territoriales.',
	presentation: '## Qui sommes-nous\n\nUne association **régionale**.',
	siret: '',
	address: '1 place de la Comédie',
	commune: 'Lyon',
	departements: ['69', '01'],
	regions: '84',
	cooperationKinds: ['ptce', 'tiers_lieu'],
	dimensions: 'gouvernance',
	stages: ['emergence'],
	cost: 'gratuit',
	contactEmail: 'contact@exemple.fr',
	contactEmailPublic: 'on',
	website_url: '',
	...over
});

const byName = async (name: string) =>
	(await t.ctx.db.select({ n: count() }).from(cartoFiches).where(eq(cartoFiches.name, name)))[0]!.n;

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof ValidationError) return err.fields;
		throw err;
	}
	throw new Error('no ValidationError');
}

describe('resolveCommune', () => {
	it('uses one exact name, a postal code of one commune, or "Nom (dép.)"', async () => {
		expect(await resolveCommune(t.ctx, 'Lyon')).toEqual({ code: '69123' });
		expect(await resolveCommune(t.ctx, 'Saint-Denis (974)')).toEqual({ code: '97411' });
	});

	it('asks to choose between homonyms, and says when nothing matches', async () => {
		const homonyms = await resolveCommune(t.ctx, 'Saint-Denis');
		expect('error' in homonyms && homonyms.error).toMatch(/^Précisez la commune : /);
		expect('error' in homonyms && homonyms.error).toContain('Saint-Denis (93)');
		expect('error' in homonyms && homonyms.error).toContain('Saint-Denis (974)');
		expect(await resolveCommune(t.ctx, 'Zzzzville')).toEqual({ error: 'Commune inconnue.' });
		expect(await resolveCommune(t.ctx, '  ')).toEqual({ error: 'Indiquez la commune.' });
	});
});

describe('proposeFiche', () => {
	it('gives the form its lists and a fresh token', async () => {
		const data = await proposalFormData(t.ctx);
		expect(data.lists.cooperation_kind.length).toBeGreaterThan(0);
		expect(data.departements.find((d) => d.code === '69')?.nom).toBe('Rhône');
		expect(data.regions.find((r) => r.code === '84')?.nom).toBe('Auvergne-Rhône-Alpes');
		expect(data.formToken).toMatch(/^[0-9a-f]{32}$/);
		expect((await proposalFormData(t.ctx)).formToken).not.toBe(data.formToken);
	});

	it('creates one pending fiche per token: a second submission creates nothing', async () => {
		const input = form({ name: 'Double clic' });
		const info = { ip: '192.0.2.1' };
		const [a, b] = await Promise.all([
			proposeFiche(t.ctx, null, input, info),
			proposeFiche(t.ctx, null, input, info)
		]);
		const created = [a, b].filter((f) => f !== null);
		expect(created).toHaveLength(1);
		expect(created[0]).toMatchObject({
			status: 'en_attente',
			communeCode: '69123',
			national: false,
			dimensions: ['gouvernance']
		});
		expect(created[0]!.territories).toEqual(
			expect.arrayContaining([
				{ kind: 'departement', code: '69' },
				{ kind: 'departement', code: '01' },
				{ kind: 'region', code: '84' }
			])
		);
		expect(await proposeFiche(t.ctx, null, input, info)).toBeNull();
		expect(await byName('Double clic')).toBe(1);
	});

	it('gives every message at once, under the form’s names, and stores nothing', async () => {
		const input = form({
			name: '<script>alert(1)</script>',
			siret: '12345678901234',
			commune: 'Zzzzville',
			departements: [],
			regions: [],
			cost: 'hors_liste'
		});
		const fields = await fieldsOf(proposeFiche(t.ctx, null, input, { ip: '192.0.2.2' }));
		expect(fields.name).toMatch(/HTML|balise/i);
		expect(fields.siret).toBe("Ce numéro SIRET n'est pas valide (vérifiez les chiffres saisis).");
		expect(fields.commune).toBe('Commune inconnue.');
		expect(fields.communeCode).toBeUndefined();
		expect(fields.cost).toBeUndefined(); // codes are checked once the rest is right
		expect(await byName('<script>alert(1)</script>')).toBe(0);

		// The same token, once corrected, goes through (bad codes are found after the token check).
		const unknownCode = await fieldsOf(
			proposeFiche(
				t.ctx,
				null,
				{ ...input, name: 'Corrigée', siret: '', commune: 'Lyon', national: 'on' },
				{}
			)
		);
		expect(unknownCode).toEqual({ cost: 'Choix inconnu : hors_liste.' });
		const fixed = await proposeFiche(
			t.ctx,
			null,
			{ ...input, name: 'Corrigée', siret: '', commune: 'Lyon', cost: '', national: 'on' },
			{}
		);
		expect(fixed?.national).toBe(true);
		expect(await byName('Corrigée')).toBe(1);
	});

	it('refuses a form without its token', async () => {
		const fields = await fieldsOf(proposeFiche(t.ctx, null, form({ formToken: '' })));
		expect(fields.form).toMatch(/expiré/);
	});

	it('ignores a filled honeypot', async () => {
		const result = await proposeFiche(
			t.ctx,
			null,
			form({ name: 'Robot', website_url: 'http://spam.example' })
		);
		expect(result).toBeNull();
		expect(await byName('Robot')).toBe(0);
	});

	it('allows five contributions an hour per IP address', async () => {
		const info = { ip: '198.51.100.7' };
		for (let i = 1; i <= 5; i++) {
			await proposeFiche(t.ctx, null, form({ name: `Limite ${i}` }), info);
		}
		await expect(
			proposeFiche(t.ctx, null, form({ name: 'Limite 6' }), info)
		).rejects.toBeInstanceOf(RateLimitError);
		expect(await byName('Limite 6')).toBe(0);
	});
});

describe('fiche page and error reports', () => {
	it('hides a pending fiche, then shows it with labels and territories in words', async () => {
		const fiche = (await proposeFiche(t.ctx, null, form({ name: 'Fiche à lire' }), {}))!;
		await expect(ficheView(t.ctx, null, fiche.slug)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			reportFicheError(t.ctx, null, fiche.slug, { message: 'Faux' })
		).rejects.toBeInstanceOf(NotFoundError);
		await setStatus(t.ctx, moderator, fiche.id, 'publiee');
		const view = await ficheView(t.ctx, null, fiche.slug);
		expect(view.presentationHtml).toContain('<strong>régionale</strong>');
		expect(view.labels.cooperationKinds).toEqual([
			'PTCE (pôle territorial de coopération économique)',
			'Tiers-lieu'
		]);
		expect(view.labels.cost).toBe('Gratuit');
		expect(view.territories).toEqual(['Auvergne-Rhône-Alpes', 'Ain (01)', 'Rhône (69)']);
		expect(view.commune).toMatchObject({ nom: 'Lyon', departement: 'Rhône' });
		expect(view.fiche.lastVerifiedAt).toBeInstanceOf(Date);
	});

	it('emails every active moderator, after checking the message', async () => {
		const fiche = (await proposeFiche(t.ctx, null, form({ name: 'Fiche à signaler' }), {}))!;
		await setStatus(t.ctx, moderator, fiche.id, 'publiee');
		const fields = await fieldsOf(
			reportFicheError(t.ctx, null, fiche.slug, { message: '  ', email: 'pas-une-adresse' })
		);
		expect(fields.message).toBe('Indiquez ce qui est inexact.');
		expect(fields.email).toMatch(/^Adresse email invalide/);

		const [{ n: active }] = await t.ctx.db
			.execute<{ n: number }>(
				"select count(*)::int as n from users where role in ('admin', 'coordination') and status = 'active' and email is not null"
			)
			.then((r) => r.rows as [{ n: number }]);
		const sent = await reportFicheError(
			t.ctx,
			null,
			fiche.slug,
			{ message: 'Le téléphone a changé.', email: 'personne@exemple.fr' },
			{ ip: '203.0.113.9' }
		);
		expect(sent).toBe(active);
		expect(sent).toBeGreaterThan(0);
		const [mail] = await t.ctx.db.select().from(emails).where(eq(emails.kind, 'carto.report'));
		expect(mail!.subject).toBe('Erreur signalée : Fiche à signaler');
		expect(mail!.text).toContain('Le téléphone a changé.');
		expect(mail!.text).toContain('personne@exemple.fr');
		expect(mail!.text).toContain(`/cartographie/${fiche.slug}`);
	});
});
