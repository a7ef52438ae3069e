import { describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { moderationDb, moderationInput as input } from '../helpers/cartographie';
import {
	auditLog,
	cartoFicheChanges,
	cartoFicheRevisions,
	cartoFiches,
	emails
} from '../../src/lib/server/db/schema';
import { submitFiche } from '../../src/lib/modules/cartographie/service.server';
import { moderate } from '../../src/lib/modules/cartographie/moderation.server';
import {
	CHANGE_ALREADY_DECIDED,
	FICHE_CHANGED,
	decideChange,
	listPendingChanges
} from '../../src/lib/modules/cartographie/changes.server';
import { contentOf, territoriesOf } from '../../src/lib/modules/cartographie/content.server';
import { cached, clearCache } from '../../src/lib/server/cache';
import { ForbiddenError, ValidationError } from '../../src/lib/server/errors';

const { state, ficheRow } = moderationDb({
	moderator: { role: 'membre', cartoModerator: true },
	other: { role: 'coordination' }
});

/** A published fiche and a pending change of it, inserted as the private-link page would. */
async function publishedWithChange(name: string, change: Record<string, unknown>, email: string) {
	const fiche = await submitFiche(state.t.ctx, null, input({ name, contactEmail: email }));
	await moderate(state.t.ctx, state.other, fiche.id, 'publish', null);
	const row = await ficheRow(fiche.id);
	const content = contentOf({ ...row, territories: await territoriesOf(state.t.ctx.db, fiche.id) });
	const [c] = await state.t.ctx.db
		.insert(cartoFicheChanges)
		.values({ ficheId: fiche.id, data: { ...content, ...change } })
		.returning();
	return { fiche: row, change: c! };
}

const seenOf = (fiche: { updatedAt: Date }, change: { createdAt: Date }) => ({
	ficheUpdatedAt: fiche.updatedAt,
	changeCreatedAt: change.createdAt
});

describe('pending changes', () => {
	it('lists a pending change with its diff against the published version', async () => {
		const { fiche, change } = await publishedWithChange(
			'Structure listée',
			{
				shortDescription: 'Accompagne les coopérations rurales du Rhône.',
				dimensions: ['gouvernance', 'juridique'],
				territories: [{ kind: 'region', code: '84' }]
			},
			'listee@exemple.fr'
		);
		await expect(listPendingChanges(state.t.ctx, state.member)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const list = await listPendingChanges(state.t.ctx, state.moderator);
		const item = list.find((c) => c.id === change.id)!;
		expect(item).toMatchObject({ ficheId: fiche.id, ficheName: 'Structure listée' });
		expect(item.diff.map((d) => d.field)).toEqual([
			'shortDescription',
			'territories',
			'dimensions'
		]);
		expect(item.diff[0]).toMatchObject({
			type: 'text',
			parts: [
				{ kind: 'same', text: 'Accompagne les coopérations ' },
				{ kind: 'removed', text: 'territoriales' },
				{ kind: 'added', text: 'rurales' },
				{ kind: 'same', text: ' du Rhône.' }
			]
		});
		expect(item.diff[1]).toMatchObject({
			added: ['Auvergne-Rhône-Alpes'],
			removed: ['Rhône (69)']
		});
		expect(item.diff[2]).toMatchObject({ added: ['Juridique'], removed: [] });
	});

	it('approves a change: applied as a new revision, contact emailed, cache cleared', async () => {
		const { fiche, change } = await publishedWithChange(
			'Structure modifiée',
			{ name: 'Structure modifiée et renommée' },
			'modifiee@exemple.fr'
		);
		let loads = 0;
		const load = async () => ++loads;
		await cached('cartographie:?q=test', 60_000, load);
		const before = await state.t.ctx.db
			.select()
			.from(cartoFicheRevisions)
			.where(eq(cartoFicheRevisions.ficheId, fiche.id));
		await decideChange(
			state.t.ctx,
			state.moderator,
			change.id,
			'approve',
			'Merci !',
			seenOf(fiche, change)
		);
		const after = await ficheRow(fiche.id);
		expect(after.name).toBe('Structure modifiée et renommée');
		expect(after.status).toBe('publiee');
		const revisions = await state.t.ctx.db
			.select()
			.from(cartoFicheRevisions)
			.where(eq(cartoFicheRevisions.ficheId, fiche.id))
			.orderBy(desc(cartoFicheRevisions.createdAt));
		expect(revisions).toHaveLength(before.length + 1);
		expect(revisions[0]!.note).toBe('Modification via le lien privé, approuvée : Merci !');
		expect(revisions[0]!.authorId).toBe(state.moderator.userId);
		const [decided] = await state.t.ctx.db
			.select()
			.from(cartoFicheChanges)
			.where(eq(cartoFicheChanges.id, change.id));
		expect(decided).toMatchObject({ status: 'approuvee', decidedBy: state.moderator.userId });
		const mails = await state.t.ctx.db
			.select()
			.from(emails)
			.where(and(eq(emails.to, 'modifiee@exemple.fr'), eq(emails.kind, 'carto.change.approved')));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.text).toContain('Merci !');
		// The visitors' cache entry was dropped: the next read loads again.
		await cached('cartographie:?q=test', 60_000, load);
		expect(loads).toBe(2);
		const [entry] = await state.t.ctx.db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.targetId, fiche.id), eq(auditLog.action, 'cartographie.change.approve'))
			);
		expect(entry).toBeTruthy();
		clearCache();
	});

	it('rejects a change: the fiche stays as published, the contact is told', async () => {
		const { fiche, change } = await publishedWithChange(
			'Structure inchangée',
			{ name: 'Nom refusé' },
			'inchangee@exemple.fr'
		);
		await decideChange(
			state.t.ctx,
			state.moderator,
			change.id,
			'reject',
			'Nom incorrect.',
			seenOf(fiche, change)
		);
		const after = await ficheRow(fiche.id);
		expect(after.name).toBe('Structure inchangée');
		expect(after.updatedAt.getTime()).toBe(fiche.updatedAt.getTime());
		const mails = await state.t.ctx.db
			.select()
			.from(emails)
			.where(and(eq(emails.to, 'inchangee@exemple.fr'), eq(emails.kind, 'carto.change.rejected')));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.text).toContain('Nom incorrect.');
	});

	it('lets only one of two moderators deciding the same change at once win', async () => {
		const { fiche, change } = await publishedWithChange(
			'Structure disputée',
			{ name: 'Structure disputée (nouveau nom)' },
			'disputee@exemple.fr'
		);
		const results = await Promise.allSettled([
			decideChange(state.t.ctx, state.moderator, change.id, 'approve', null, seenOf(fiche, change)),
			decideChange(state.t.ctx, state.other, change.id, 'reject', null, seenOf(fiche, change))
		]);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r) => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(1);
		const err = (lost[0] as PromiseRejectedResult).reason;
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields.form).toBe(CHANGE_ALREADY_DECIDED);
		expect(CHANGE_ALREADY_DECIDED).toMatch(/déjà été traitée/);
		const mails = await state.t.ctx.db
			.select()
			.from(emails)
			.where(eq(emails.to, 'disputee@exemple.fr'));
		// The publication email, then exactly one decision email.
		expect(mails.filter((m) => m.kind.startsWith('carto.change.'))).toHaveLength(1);
	});

	it('refuses a decision when the fiche changed since it was displayed', async () => {
		const { fiche, change } = await publishedWithChange(
			'Structure bougée',
			{ name: 'Structure bougée (proposition)' },
			'bougee@exemple.fr'
		);
		await state.t.ctx.db
			.update(cartoFiches)
			.set({ updatedAt: new Date(fiche.updatedAt.getTime() + 5_000) })
			.where(eq(cartoFiches.id, fiche.id));
		const attempt = decideChange(
			state.t.ctx,
			state.moderator,
			change.id,
			'approve',
			null,
			seenOf(fiche, change)
		);
		await expect(attempt).rejects.toMatchObject({ fields: { form: FICHE_CHANGED } });
		// Nothing was written: the change is still pending, the fiche unchanged.
		const [still] = await state.t.ctx.db
			.select()
			.from(cartoFicheChanges)
			.where(eq(cartoFicheChanges.id, change.id));
		expect(still!.status).toBe('en_attente');
		expect((await ficheRow(fiche.id)).name).toBe('Structure bougée');
	});

	it('refuses a decision on a change edited again since it was displayed', async () => {
		const { fiche, change } = await publishedWithChange(
			'Structure reprise',
			{ name: 'Première proposition' },
			'reprise@exemple.fr'
		);
		await state.t.ctx.db
			.update(cartoFicheChanges)
			.set({ data: { ...change.data, name: 'Seconde proposition' }, createdAt: new Date() })
			.where(eq(cartoFicheChanges.id, change.id));
		await expect(
			decideChange(state.t.ctx, state.moderator, change.id, 'approve', null, seenOf(fiche, change))
		).rejects.toMatchObject({ fields: { form: CHANGE_ALREADY_DECIDED } });
		expect((await ficheRow(fiche.id)).name).toBe('Structure reprise');
	});

	it('refuses a state.member without the state.moderator role', async () => {
		const { fiche, change } = await publishedWithChange(
			'Structure gardée',
			{ name: 'Intrusion' },
			'gardee@exemple.fr'
		);
		await expect(
			decideChange(state.t.ctx, state.member, change.id, 'approve', null, seenOf(fiche, change))
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});
