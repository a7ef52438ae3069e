import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import { cartoFiches, emails } from '../../src/lib/server/db/schema';
import { submitFiche } from '../../src/lib/modules/cartographie/service.server';
import { listPending, moderate } from '../../src/lib/modules/cartographie/moderation.server';
import { ForbiddenError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let moderator: Actor;
let other: Actor;
let member: Actor;
beforeAll(async () => {
	t = await createCartographieDb();
	moderator = (await makeUser(t.ctx, 'coordination')).actor;
	other = (await makeUser(t.ctx, 'admin')).actor;
	member = (await makeUser(t.ctx, 'membre')).actor;
});
afterAll(async () => t.close());

const input = (over: Record<string, unknown> = {}) => ({
	name: 'Coopérer en Rhône',
	shortDescription: 'Accompagne les coopérations territoriales du Rhône.',
	communeCode: '69381',
	lat: '',
	lon: '',
	territories: ['departement:69'],
	cooperationKinds: ['ptce'],
	dimensions: ['gouvernance'],
	stages: ['emergence'],
	cost: 'gratuit',
	contactEmail: 'contact@exemple.fr',
	...over
});

const mailsTo = (to: string, kind: string) =>
	t.ctx.db
		.select()
		.from(emails)
		.where(and(eq(emails.to, to), eq(emails.kind, kind)));

const statusOf = async (id: string) =>
	(
		await t.ctx.db.select({ s: cartoFiches.status }).from(cartoFiches).where(eq(cartoFiches.id, id))
	)[0]!.s;

describe('cartography moderation', () => {
	it('lists pending fiches oldest first, for moderators only', async () => {
		const a = await submitFiche(t.ctx, null, input({ name: 'Première structure' }));
		const b = await submitFiche(t.ctx, null, input({ name: 'Seconde structure' }));
		await expect(listPending(t.ctx, member)).rejects.toBeInstanceOf(ForbiddenError);
		const list = await listPending(t.ctx, moderator);
		const ids = list.map((f) => f.id);
		expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
		const first = list.find((f) => f.id === a.id)!;
		expect(first).toMatchObject({
			name: 'Première structure',
			shortDescription: 'Accompagne les coopérations territoriales du Rhône.',
			contactEmail: 'contact@exemple.fr'
		});
		expect(first.commune).toBeTruthy();
		expect(first.createdAt).toBeInstanceOf(Date);
	});

	it('refuses a member', async () => {
		const fiche = await submitFiche(t.ctx, null, input({ name: 'Structure membre' }));
		await expect(moderate(t.ctx, member, fiche.id, 'publish', null)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await statusOf(fiche.id)).toBe('en_attente');
	});

	it('publishes a fiche and emails its contact the public link', async () => {
		const fiche = await submitFiche(
			t.ctx,
			null,
			input({ name: 'Structure publiée', contactEmail: 'publiee@exemple.fr' })
		);
		await moderate(t.ctx, moderator, fiche.id, 'publish', 'Bienvenue !');
		expect(await statusOf(fiche.id)).toBe('publiee');
		expect((await listPending(t.ctx, moderator)).map((f) => f.id)).not.toContain(fiche.id);
		const [mail] = await mailsTo('publiee@exemple.fr', 'carto.published');
		expect(mail!.subject).toBe('Votre fiche est publiée sur la cartographie');
		expect(mail!.text).toContain(`${t.ctx.env.baseUrl}/cartographie/${fiche.slug}`);
		expect(mail!.text).toContain('Bienvenue !');
	});

	it('rejects a fiche with the moderator message, and a second decision is refused', async () => {
		const fiche = await submitFiche(
			t.ctx,
			null,
			input({ name: 'Structure refusée', contactEmail: 'refusee@exemple.fr' })
		);
		await moderate(t.ctx, moderator, fiche.id, 'reject', 'Hors du champ de la cartographie.');
		expect(await statusOf(fiche.id)).toBe('refusee');
		const [mail] = await mailsTo('refusee@exemple.fr', 'carto.rejected');
		expect(mail!.text).toContain('Hors du champ de la cartographie.');
		expect(mail!.text).not.toContain(`/cartographie/${fiche.slug}`);

		const second = moderate(t.ctx, other, fiche.id, 'publish', null);
		await expect(second).rejects.toBeInstanceOf(ValidationError);
		await expect(second).rejects.toMatchObject({
			fields: { status: expect.stringMatching(/ne peut pas passer à/) }
		});
		expect(await statusOf(fiche.id)).toBe('refusee');
		expect(await mailsTo('refusee@exemple.fr', 'carto.published')).toHaveLength(0);
	});

	it('emails nobody when the fiche has no contact address', async () => {
		const fiche = await submitFiche(
			t.ctx,
			null,
			input({ name: 'Structure sans adresse', contactEmail: '' })
		);
		const before = (await t.ctx.db.select().from(emails)).length;
		await moderate(t.ctx, moderator, fiche.id, 'publish', null);
		expect(await statusOf(fiche.id)).toBe('publiee');
		expect((await t.ctx.db.select().from(emails)).length).toBe(before);
	});
});
