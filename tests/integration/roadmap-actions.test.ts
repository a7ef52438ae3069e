import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { spaceActivity, spaceObjectives, spaces } from '../../src/lib/server/db/schema';
import {
	actionHistory,
	changeStatus,
	createAction,
	getAction,
	getRoadmap,
	updateAction
} from '../../src/lib/modules/roadmap/service.server';
import {
	createObjective,
	moveObjective,
	updateObjective
} from '../../src/lib/modules/roadmap/objectives.server';
import { createProduction } from '../../src/lib/modules/productions/service.server';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let slug: string;
let spaceId: string;
let referent: Actor;
let member: Actor;
let observer: Actor;
let outsider: Actor;
let referentName: string;
let objective: string;

beforeAll(async () => {
	t = await createTestDb();
	const space = await makeSpace(t.ctx);
	slug = space.slug;
	spaceId = space.id;
	const r = await makeUser(t.ctx);
	referentName = r.user.name;
	referent = await addToSpace(t.ctx, r.actor, spaceId, 'referent');
	member = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, spaceId, 'membre');
	observer = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, spaceId, 'observateur');
	outsider = (await makeUser(t.ctx)).actor;
	objective = (
		await createObjective(t.ctx, referent, slug, { title: 'Objectif A', kind: 'operationnel' })
	).id;
});
afterAll(() => t?.close());

const all = { status: null, owner: null };

describe('objectives', () => {
	it('are managed by référent·e·s only, and move within their kind', async () => {
		await expect(
			createObjective(t.ctx, member, slug, { title: 'X', kind: 'operationnel' })
		).rejects.toBeInstanceOf(ForbiddenError);
		const b = await createObjective(t.ctx, referent, slug, {
			title: 'Objectif B',
			kind: 'operationnel'
		});
		await createObjective(t.ctx, referent, slug, { title: 'Stratégie', kind: 'strategique' });
		await moveObjective(t.ctx, referent, slug, b.id, 'up');
		const order = await t.ctx.db
			.select({ title: spaceObjectives.title, position: spaceObjectives.position })
			.from(spaceObjectives)
			.where(eq(spaceObjectives.spaceId, spaceId))
			.orderBy(spaceObjectives.kind, spaceObjectives.position);
		expect(order.map((o) => o.title)).toEqual(['Stratégie', 'Objectif B', 'Objectif A']);
		await expect(
			updateObjective(t.ctx, referent, slug, b.id, { title: '', kind: 'operationnel' })
		).rejects.toBeInstanceOf(ValidationError);
		await moveObjective(t.ctx, referent, slug, b.id, 'down');
	});
});

describe('actions', () => {
	it('are written by contributors, with owners among members, and start their history', async () => {
		await expect(
			createAction(t.ctx, observer, slug, { title: 'Non', objectiveId: objective })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			createAction(t.ctx, member, slug, {
				title: 'Avec un intrus',
				objectiveId: objective,
				ownerIds: [outsider.userId]
			})
		).rejects.toMatchObject({ fields: { ownerIds: expect.stringMatching(/membres/) } });
		const a = await createAction(t.ctx, member, slug, {
			title: 'Écrire la note',
			objectiveId: objective,
			ownerIds: [referent.userId],
			dueDate: '2025-06-30'
		});
		expect(a).toMatchObject({ status: 'a_faire', version: 1, dueDate: '2025-06-30' });
		const r = await getRoadmap(t.ctx, member, slug, all);
		const o = r.objectives.find((x) => x.id === objective)!;
		expect(o.actions[0]!.owners.map((x) => x.name)).toEqual([referentName]);
		expect(o.progress).toMatchObject({ done: 0, total: 1 });
		expect((await actionHistory(t.ctx, a.id))[0]!.lines).toEqual(['Action créée']);
		const feed = await t.ctx.db
			.select()
			.from(spaceActivity)
			.where(eq(spaceActivity.kind, 'action.created'));
		expect(feed[0]!.title).toBe('Action « Écrire la note » ajoutée à la feuille de route');
	});

	it('change status in one step, set done_at, and say so in the feed and the history', async () => {
		const a = await createAction(t.ctx, member, slug, { title: 'Finir', objectiveId: objective });
		const done = await changeStatus(t.ctx, referent, slug, a.id, 1, 'fait');
		expect(done.ok && done.action).toMatchObject({ status: 'fait', version: 2 });
		expect(done.ok && done.action.doneAt).toBeInstanceOf(Date);
		const feed = await t.ctx.db
			.select()
			.from(spaceActivity)
			.where(eq(spaceActivity.kind, 'action.done'));
		expect(feed.map((f) => f.title)).toContain('Action « Finir » marquée fait');
		expect(feed[0]!.path).toBe(`/chantiers/${slug}/feuille-de-route#action-${a.id}`);
		const h = await actionHistory(t.ctx, a.id);
		expect(h[0]!.lines).toEqual(['Statut : À faire → Fait']);
		expect(h[0]!.actor).toBe(referentName);
		const reopened = await changeStatus(t.ctx, member, slug, a.id, 2, 'en_cours');
		expect(reopened.ok && reopened.action.doneAt).toBeNull();
	});

	it('refuse a stale update: nothing stored, the current values returned', async () => {
		const a = await createAction(t.ctx, member, slug, {
			title: 'Partagée',
			objectiveId: objective
		});
		const first = await updateAction(t.ctx, referent, slug, a.id, 1, {
			title: 'Partagée (relue)',
			objectiveId: objective,
			status: 'en_cours'
		});
		expect(first.ok).toBe(true);
		const late = await updateAction(t.ctx, member, slug, a.id, 1, {
			title: 'Partagée (autre)',
			objectiveId: objective,
			status: 'a_faire'
		});
		expect(late).toEqual({
			ok: false,
			current: expect.objectContaining({
				title: 'Partagée (relue)',
				status: 'en_cours',
				version: 2
			})
		});
		const lateStatus = await changeStatus(t.ctx, member, slug, a.id, 1, 'fait');
		expect(lateStatus.ok).toBe(false);
		const now = await getAction(t.ctx, member, slug, a.id);
		expect(now.action).toMatchObject({ title: 'Partagée (relue)', status: 'en_cours', version: 2 });
		expect(now.history.map((h) => h.lines)).toEqual([
			['Titre : « Partagée » → « Partagée (relue) »', 'Statut : À faire → En cours'],
			['Action créée']
		]);
	});

	it('link productions of the space and filter by status and owner', async () => {
		const p = await createProduction(t.ctx, member, slug, {
			fields: {
				title: 'Note de synthèse',
				kind: 'note',
				datePrecision: 'month',
				date: '2025-04',
				visibility: 'space'
			},
			file: null
		});
		const a = await createAction(t.ctx, member, slug, {
			title: 'Liée',
			objectiveId: objective,
			productionIds: [p.id],
			ownerIds: [member.userId]
		});
		const r = await getRoadmap(t.ctx, member, slug, { status: null, owner: member.userId });
		const shown = r.objectives.flatMap((o) => o.actions);
		expect(shown.map((x) => x.id)).toEqual([a.id]);
		expect(shown[0]!.productions.map((x) => x.title)).toEqual(['Note de synthèse']);
		const changed = await updateAction(t.ctx, member, slug, a.id, 1, {
			title: 'Liée',
			objectiveId: objective,
			productionIds: [],
			ownerIds: [member.userId, referent.userId]
		});
		expect(changed.ok).toBe(true);
		const h = await actionHistory(t.ctx, a.id);
		expect(h[0]!.lines[0]).toMatch(/^Responsables : .+ → .+, .+$/);
		expect(h[0]!.lines[1]).toBe('Productions liées : Note de synthèse → (aucune)');
		const faites = await getRoadmap(t.ctx, member, slug, { status: 'fait', owner: null });
		expect(faites.objectives.flatMap((o) => o.actions)).toHaveLength(0);
		expect(faites.filtered).toBe(true);
	});
});

describe('reading', () => {
	it("follows the space's details visibility", async () => {
		await expect(getRoadmap(t.ctx, null, slug, all)).rejects.toBeInstanceOf(UnauthenticatedError);
		expect((await getRoadmap(t.ctx, outsider, slug, all)).canContribute).toBe(false);
		await t.ctx.db.update(spaces).set({ detailsVisibility: 'space' }).where(eq(spaces.id, spaceId));
		await expect(getRoadmap(t.ctx, outsider, slug, all)).rejects.toBeInstanceOf(ForbiddenError);
		expect((await getRoadmap(t.ctx, observer, slug, all)).canManage).toBe(false);
		await t.ctx.db
			.update(spaces)
			.set({ detailsVisibility: 'public' })
			.where(eq(spaces.id, spaceId));
		expect((await getRoadmap(t.ctx, null, slug, all)).objectives.length).toBeGreaterThan(0);
	});
});
