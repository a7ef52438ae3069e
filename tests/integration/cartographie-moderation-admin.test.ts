import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import {
	auditLog,
	cartoFicheChanges,
	cartoFicheRevisions,
	cartoFiches,
	cartoReferenceItems
} from '../../src/lib/server/db/schema';
import { submitFiche } from '../../src/lib/modules/cartographie/service.server';
import { moderate } from '../../src/lib/modules/cartographie/moderation.server';
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
import {
	ensureReferenceLists,
	loadReferenceLists,
	saveReferenceList
} from '../../src/lib/modules/cartographie/reference.server';
import { issueEditLink, findEditLink } from '../../src/lib/modules/cartographie/edit-links.server';
import { contentOf, territoriesOf } from '../../src/lib/modules/cartographie/content.server';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';
import { moderationDb, moderationInput as input } from '../helpers/cartographie';

const { state, mailsTo, statusOf, ficheRow } = moderationDb();
let t: TestDb;
let moderator: Actor;
let member: Actor;
beforeAll(() => {
	({ t, moderator, member } = state);
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
