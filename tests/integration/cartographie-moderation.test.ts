import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import {
	auditLog,
	cartoFicheChanges,
	cartoFicheRevisions,
	cartoFiches,
	cartoReferenceItems,
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
import {
	listRevisions,
	restoreRevision,
	RESTORE_CONFLICT
} from '../../src/lib/modules/cartographie/revisions.server';
import {
	changeFicheStatus,
	getFicheAdmin,
	listFichesAdmin,
	revokeLinks,
	sendNewLink,
	setTrusted
} from '../../src/lib/modules/cartographie/fiches-admin.server';
import { setCartoModerator } from '../../src/lib/modules/cartographie/moderators.server';
import {
	ensureReferenceLists,
	loadReferenceLists,
	saveReferenceList
} from '../../src/lib/modules/cartographie/reference.server';
import { issueEditLink, findEditLink } from '../../src/lib/modules/cartographie/edit-links.server';
import { contentOf, territoriesOf } from '../../src/lib/modules/cartographie/content.server';
import { createSession, readSession } from '../../src/lib/modules/accounts/sessions.server';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
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

const ficheRow = async (id: string) =>
	(await t.ctx.db.select().from(cartoFiches).where(eq(cartoFiches.id, id)))[0]!;

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

describe('fiches admin and history', () => {
	it('lists fiches by status and name, flags those to verify', async () => {
		const fresh = await submitFiche(t.ctx, null, input({ name: 'Liste fraîche' }));
		await moderate(t.ctx, moderator, fresh.id, 'publish', null);
		const old = await submitFiche(t.ctx, null, input({ name: 'Liste ancienne' }));
		await moderate(t.ctx, moderator, old.id, 'publish', null);
		await t.ctx.db
			.update(cartoFiches)
			.set({ lastVerifiedAt: new Date('2020-01-01T00:00:00Z') })
			.where(eq(cartoFiches.id, old.id));
		const byName = await listFichesAdmin(t.ctx, moderator, { q: 'liste', status: 'publiee' });
		expect(byName.fiches.map((f) => [f.name, f.toVerify])).toEqual([
			['Liste ancienne', true],
			['Liste fraîche', false]
		]);
		const toVerify = await listFichesAdmin(t.ctx, moderator, { q: 'LISTE', toVerify: true });
		expect(toVerify.fiches.map((f) => f.name)).toEqual(['Liste ancienne']);
		const pending = await listFichesAdmin(t.ctx, moderator, { status: 'en_attente', q: 'liste' });
		expect(pending.total).toBe(0);
		await expect(listFichesAdmin(t.ctx, member, {})).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('changes the status with the transition rules and refuses a stale page', async () => {
		const fiche = await submitFiche(t.ctx, null, input({ name: 'Statut suivi' }));
		const row = await ficheRow(fiche.id);
		await expect(
			changeFicheStatus(t.ctx, moderator, fiche.id, 'archivee', null, row.updatedAt)
		).rejects.toMatchObject({ fields: { status: expect.stringMatching(/ne peut pas passer/) } });
		await expect(
			changeFicheStatus(t.ctx, moderator, fiche.id, 'publiee', null, new Date(0))
		).rejects.toMatchObject({ fields: { status: expect.stringMatching(/vient d'être modifiée/) } });
		await changeFicheStatus(t.ctx, moderator, fiche.id, 'publiee', null, row.updatedAt);
		const published = await ficheRow(fiche.id);
		expect(published.status).toBe('publiee');
		await changeFicheStatus(t.ctx, moderator, fiche.id, 'archivee', 'Fermée', published.updatedAt);
		expect(await statusOf(fiche.id)).toBe('archivee');
	});

	it('marks a fiche trusted, revokes its links and sends a new one', async () => {
		const fiche = await submitFiche(
			t.ctx,
			null,
			input({ name: 'Structure de confiance', contactEmail: 'confiance@exemple.fr' })
		);
		await setTrusted(t.ctx, moderator, fiche.id, true);
		expect((await ficheRow(fiche.id)).trusted).toBe(true);
		const old = await issueEditLink(t.ctx, fiche.id);
		expect((await getFicheAdmin(t.ctx, moderator, fiche.id)).activeLinks).toBe(1);
		expect(await revokeLinks(t.ctx, moderator, fiche.id)).toBe(1);
		expect(await findEditLink(t.ctx, old.token)).toBeNull();
		expect(await sendNewLink(t.ctx, moderator, fiche.id)).toBe('confiance@exemple.fr');
		const [mail] = await mailsTo('confiance@exemple.fr', 'carto.edit-link');
		const token = mail!.text.match(/\/cartographie\/modifier\/([A-Za-z0-9_-]+)/)![1]!;
		expect(await findEditLink(t.ctx, token)).toMatchObject({ ficheId: fiche.id });
		await expect(setTrusted(t.ctx, member, fiche.id, false)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(revokeLinks(t.ctx, member, fiche.id)).rejects.toBeInstanceOf(ForbiddenError);
		const noMail = await submitFiche(t.ctx, null, input({ name: 'Sans email', contactEmail: '' }));
		await expect(sendNewLink(t.ctx, moderator, noMail.id)).rejects.toBeInstanceOf(ValidationError);
	});

	it('restores an old revision as a new revision, refused when the fiche changed since', async () => {
		const fiche = await submitFiche(t.ctx, null, input({ name: 'Version une' }));
		await moderate(t.ctx, moderator, fiche.id, 'publish', null);
		const row = await ficheRow(fiche.id);
		const content = contentOf({ ...row, territories: await territoriesOf(t.ctx.db, row.id) });
		const [change] = await t.ctx.db
			.insert(cartoFicheChanges)
			.values({ ficheId: row.id, data: { ...content, name: 'Version deux' } })
			.returning();
		const { decideChange } = await import('../../src/lib/modules/cartographie/changes.server');
		await decideChange(t.ctx, moderator, change!.id, 'approve', null, {
			changeCreatedAt: change!.createdAt,
			ficheUpdatedAt: row.updatedAt
		});
		const history = await listRevisions(t.ctx, moderator, fiche.id);
		expect(history.map((r) => r.note)).toEqual([
			'Modification via le lien privé, approuvée',
			'En attente de modération → Publiée',
			'Proposition'
		]);
		expect(history.at(-1)!.authorName).toBeNull();
		const first = history.at(-1)!;
		const current = await ficheRow(fiche.id);

		await expect(
			restoreRevision(
				t.ctx,
				moderator,
				fiche.id,
				first.id,
				new Date(current.updatedAt.getTime() - 1)
			)
		).rejects.toMatchObject({ fields: { form: RESTORE_CONFLICT } });
		expect((await listRevisions(t.ctx, moderator, fiche.id)).length).toBe(3);

		const restored = await restoreRevision(t.ctx, moderator, fiche.id, first.id, current.updatedAt);
		expect(restored.name).toBe('Version une');
		expect(restored.status).toBe('publiee');
		const after = await listRevisions(t.ctx, moderator, fiche.id);
		expect(after).toHaveLength(4);
		expect(after[0]!.note).toMatch(/^Restauration de la version du /);
		expect(after[0]!.authorName).toBe('Personne coordination');
		const [data] = await t.ctx.db
			.select({ data: cartoFicheRevisions.data })
			.from(cartoFicheRevisions)
			.where(eq(cartoFicheRevisions.id, after[0]!.id));
		expect(data!.data.name).toBe('Version une');

		// Two restores from the same page: the second finds the fiche changed.
		await expect(
			restoreRevision(t.ctx, moderator, fiche.id, after[1]!.id, current.updatedAt)
		).rejects.toMatchObject({ fields: { form: RESTORE_CONFLICT } });
		await expect(
			restoreRevision(t.ctx, member, fiche.id, first.id, current.updatedAt)
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			restoreRevision(
				t.ctx,
				moderator,
				fiche.id,
				'00000000-0000-4000-8000-000000000000',
				current.updatedAt
			)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('reference lists', () => {
	it('saves labels and order, audited, kept by the start-up seeding', async () => {
		const before = (await loadReferenceLists(t.ctx)).stage;
		expect(before.map((i) => i.code)).toEqual([
			'emergence',
			'structuration',
			'developpement',
			'essaimage'
		]);
		await saveReferenceList(t.ctx, moderator, 'stage', {
			'label-emergence': '  Émergence   du projet ',
			'position-emergence': '4',
			'label-structuration': 'Structuration',
			'position-structuration': '1',
			'label-developpement': 'Développement',
			'position-developpement': '2',
			'label-essaimage': 'Essaimage',
			'position-essaimage': '3'
		});
		const expected = [
			{ code: 'structuration', label: 'Structuration' },
			{ code: 'developpement', label: 'Développement' },
			{ code: 'essaimage', label: 'Essaimage' },
			{ code: 'emergence', label: 'Émergence du projet' }
		];
		expect((await loadReferenceLists(t.ctx)).stage).toEqual(expected);
		await ensureReferenceLists(t.ctx);
		expect((await loadReferenceLists(t.ctx)).stage).toEqual(expected);
		const [entry] = await t.ctx.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'cartographie.reference'));
		expect(entry!.targetId).toBe('stage');
	});

	it('refuses an empty, too long or HTML label, and a moderator without the right', async () => {
		const attempt = saveReferenceList(t.ctx, moderator, 'cost', {
			'label-gratuit': '',
			'label-payant': 'x'.repeat(121),
			'label-mixte': '<b>Mixte</b>',
			'label-pris_en_charge': 'Pris en charge',
			'position-pris_en_charge': 'abc'
		});
		await expect(attempt).rejects.toMatchObject({
			fields: {
				'label-gratuit': 'Indiquez un libellé.',
				'label-payant': 'Le libellé ne doit pas dépasser 120 caractères.',
				'label-mixte': 'Le texte ne doit pas contenir de balises HTML.',
				'position-pris_en_charge': 'Indiquez un nombre entier entre 1 et 999.'
			}
		});
		const rows = await t.ctx.db
			.select()
			.from(cartoReferenceItems)
			.where(and(eq(cartoReferenceItems.list, 'cost'), eq(cartoReferenceItems.code, 'gratuit')));
		expect(rows[0]!.label).toBe('Gratuit');
		const plainModerator = (await makeUser(t.ctx, 'membre', undefined, { cartoModerator: true }))
			.actor;
		await expect(saveReferenceList(t.ctx, plainModerator, 'cost', {})).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(saveReferenceList(t.ctx, moderator, 'inconnue', {})).rejects.toBeInstanceOf(
			NotFoundError
		);
	});
});
