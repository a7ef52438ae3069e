import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import {
	auditLog,
	cartoFicheChanges,
	cartoFiches,
	emails,
	users
} from '../../src/lib/server/db/schema';
import { setStatus, submitFiche } from '../../src/lib/modules/cartographie/service.server';
import {
	bulkApprove,
	listPending,
	moderate,
	moderationQueue
} from '../../src/lib/modules/cartographie/moderation.server';
import { findDuplicates } from '../../src/lib/modules/cartographie/duplicates.server';
import { setCartoModerator } from '../../src/lib/modules/cartographie/moderators.server';
import { contentOf, territoriesOf } from '../../src/lib/modules/cartographie/content.server';
import { createSession, readSession } from '../../src/lib/modules/accounts/sessions.server';
import { ForbiddenError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';
import { moderationDb, moderationInput as input } from '../helpers/cartographie';

const { state, mailsTo, statusOf, ficheRow } = moderationDb();
let t: TestDb;
let moderator: Actor;
let other: Actor;
let member: Actor;
beforeAll(() => {
	({ t, moderator, other, member } = state);
});

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

describe('moderator role', () => {
	it('reaches the actor through the session, and gives moderation to a plain member', async () => {
		const { user } = await makeUser(t.ctx, 'membre', undefined, { cartoModerator: true });
		const { secret } = await createSession(t.ctx, user.id, {});
		const session = await readSession(t.ctx, secret);
		expect(session!.actor).toMatchObject({ role: 'membre', cartoModerator: true });
		expect(session!.user).not.toHaveProperty('cartoModerator');
		const fiche = await submitFiche(t.ctx, null, input({ name: 'Structure du modérateur' }));
		await moderate(t.ctx, session!.actor, fiche.id, 'publish', null);
		expect(await statusOf(fiche.id)).toBe('publiee');
	});

	it('is granted and withdrawn by coordination and admins only, audited', async () => {
		const { user, actor: target } = await makeUser(t.ctx, 'membre');
		await expect(setCartoModerator(t.ctx, member, user.id, true)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const moderatorOnly = { ...target, cartoModerator: true };
		await expect(setCartoModerator(t.ctx, moderatorOnly, user.id, true)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await setCartoModerator(t.ctx, moderator, user.id, true);
		const [row] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
		expect(row!.cartoModerator).toBe(true);
		await setCartoModerator(t.ctx, other, user.id, false);
		const [again] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
		expect(again!.cartoModerator).toBe(false);
		const entries = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
		expect(entries.map((e) => e.action).sort()).toEqual([
			'cartographie.moderator.grant',
			'cartographie.moderator.withdraw'
		]);
	});
});

describe('duplicates', () => {
	it('finds another fiche with the same SIRET, or a similar name in the same commune', async () => {
		const existing = await submitFiche(
			t.ctx,
			null,
			input({ name: 'Maison des coopérations du Rhône', siret: '73282932000074' })
		);
		await moderate(t.ctx, moderator, existing.id, 'publish', null);
		const sameSiret = await submitFiche(
			t.ctx,
			null,
			input({ name: 'Un tout autre nom', siret: '732 829 320 00074', communeCode: '75056' })
		);
		const similarName = await submitFiche(
			t.ctx,
			null,
			input({ name: 'Maison des coopérations du Rhone' })
		);
		const elsewhere = await submitFiche(
			t.ctx,
			null,
			input({ name: 'Maison des coopérations du Rhône', communeCode: '13055' })
		);
		const unrelated = await submitFiche(t.ctx, null, input({ name: 'Atelier paysan' }));
		const found = await findDuplicates(t.ctx, [
			sameSiret.id,
			similarName.id,
			elsewhere.id,
			unrelated.id
		]);
		expect(found.get(sameSiret.id)).toEqual([
			expect.objectContaining({ id: existing.id, reason: 'siret', status: 'publiee' })
		]);
		expect(found.get(similarName.id)?.map((d) => [d.id, d.reason])).toContainEqual([
			existing.id,
			'nom'
		]);
		expect(found.get(elsewhere.id)).toBeUndefined();
		expect(found.get(unrelated.id)).toBeUndefined();

		// A refused or archived fiche is not a duplicate.
		await moderate(t.ctx, moderator, similarName.id, 'reject', null);
		await setStatus(t.ctx, moderator, existing.id, 'archivee');
		const after = await findDuplicates(t.ctx, [sameSiret.id]);
		expect(after.get(sameSiret.id)).toBeUndefined();
	});

	it('shows in the queue, with the content of each proposed fiche and the stale count', async () => {
		const a = await submitFiche(t.ctx, null, input({ name: 'Réseau des tiers-lieux lyonnais' }));
		const b = await submitFiche(t.ctx, null, input({ name: 'Reseau des tiers lieux lyonnais' }));
		await t.ctx.db
			.update(cartoFiches)
			.set({ lastVerifiedAt: new Date('2020-01-01T00:00:00Z') })
			.where(eq(cartoFiches.status, 'publiee'));
		const published = (await t.ctx.db.select().from(cartoFiches)).filter(
			(f) => f.status === 'publiee'
		).length;
		const queue = await moderationQueue(t.ctx, moderator);
		const qb = queue.fiches.find((f) => f.id === b.id)!;
		expect(qb.duplicates.map((d) => d.id)).toContain(a.id);
		expect(qb.content.find((d) => d.field === 'name')).toMatchObject({
			after: 'Reseau des tiers lieux lyonnais'
		});
		expect(queue.staleCount).toBe(published);
		expect(queue.pendingCount).toBe(queue.fiches.length);
		await expect(moderationQueue(t.ctx, member)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('bulk approval', () => {
	it('publishes each selected fiche and change on its own, and reports what failed', async () => {
		const one = await submitFiche(t.ctx, null, input({ name: 'Lot un' }));
		const two = await submitFiche(t.ctx, null, input({ name: 'Lot deux' }));
		const decided = await submitFiche(t.ctx, null, input({ name: 'Lot déjà refusé' }));
		await moderate(t.ctx, other, decided.id, 'reject', null);
		const published = await submitFiche(t.ctx, null, input({ name: 'Lot publié' }));
		await moderate(t.ctx, other, published.id, 'publish', null);
		const row = await ficheRow(published.id);
		const content = contentOf({ ...row, territories: await territoriesOf(t.ctx.db, row.id) });
		const [change] = await t.ctx.db
			.insert(cartoFicheChanges)
			.values({ ficheId: row.id, data: { ...content, name: 'Lot publié, renommé' } })
			.returning();
		const r1 = await ficheRow(one.id);
		const result = await bulkApprove(t.ctx, moderator, [
			{ type: 'fiche', id: one.id, seenUpdatedAt: r1.updatedAt },
			{ type: 'fiche', id: two.id, seenUpdatedAt: new Date('2001-01-01T00:00:00Z') },
			{ type: 'fiche', id: decided.id },
			{
				type: 'change',
				id: change!.id,
				seen: { changeCreatedAt: change!.createdAt, ficheUpdatedAt: row.updatedAt }
			}
		]);
		expect(result.done.map((d) => d.name)).toEqual(['Lot un', 'Lot publié, renommé']);
		expect(result.failed).toEqual([
			expect.objectContaining({
				id: two.id,
				name: 'Lot deux',
				reason: expect.stringMatching(/modifiée/)
			}),
			expect.objectContaining({
				id: decided.id,
				name: 'Lot déjà refusé',
				reason: expect.stringMatching(/ne peut pas passer à/)
			})
		]);
		expect(await statusOf(one.id)).toBe('publiee');
		expect(await statusOf(two.id)).toBe('en_attente');
		expect((await ficheRow(published.id)).name).toBe('Lot publié, renommé');
		await expect(bulkApprove(t.ctx, member, [])).rejects.toBeInstanceOf(ForbiddenError);
	});
});
