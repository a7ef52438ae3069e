import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import {
	roadmapActions,
	spaceActivity,
	spaceJoinRequests,
	spaceMembers,
	spaceObjectives,
	spaces
} from '../../src/lib/server/db/schema';
import { getSpaceHome, HOME_ACTIVITY_SIZE } from '../../src/lib/modules/spaces/home.server';
import { NotFoundError } from '../../src/lib/server/errors';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(() => t?.close());

async function spaceWithWork(visibility: 'public' | 'members' | 'space') {
	const ctx = t.ctx;
	const space = await makeSpace(ctx, 'Chantier accueil');
	await ctx.db
		.update(spaces)
		.set({ detailsVisibility: visibility, defi: 'Un défi' })
		.where(eq(spaces.id, space.id));
	const [strat, op] = await ctx.db
		.insert(spaceObjectives)
		.values([
			{ spaceId: space.id, kind: 'strategique', title: 'Stratégie', position: 0 },
			{ spaceId: space.id, kind: 'operationnel', title: 'Opération', position: 0 }
		])
		.returning();
	await ctx.db.insert(roadmapActions).values(
		(['fait', 'fait', 'a_faire', 'en_cours', 'abandonnee'] as const).map((status, i) => ({
			spaceId: space.id,
			objectiveId: op!.id,
			title: `Action ${i}`,
			status
		}))
	);
	return { space, strat: strat!, op: op! };
}

describe('space home', () => {
	it('shows progress per objective, people and activity to those who may read the details', async () => {
		const ctx = t.ctx;
		const { space, strat, op } = await spaceWithWork('members');
		const { actor: referent, user: referentUser } = await makeUser(ctx);
		await addToSpace(ctx, referent, space.id, 'referent');
		const { actor: member } = await makeUser(ctx);
		await addToSpace(ctx, member, space.id, 'membre');
		const { user: former } = await makeUser(ctx);
		await ctx.db
			.insert(spaceMembers)
			.values({ spaceId: space.id, userId: former.id, role: 'referent', until: '2025-06-30' });
		for (let i = 0; i < HOME_ACTIVITY_SIZE + 3; i++) {
			await ctx.db.insert(spaceActivity).values({
				spaceId: space.id,
				actorId: referentUser.id,
				kind: 'page.saved',
				title: `Entrée ${i}`,
				path: `/chantiers/${space.slug}`,
				visibility: i === HOME_ACTIVITY_SIZE + 2 ? 'space' : 'members',
				at: new Date(Date.UTC(2026, 0, 1, 0, i))
			});
		}

		const { actor: outsider } = await makeUser(ctx);
		const home = await getSpaceHome(ctx, outsider, space.slug);
		expect(home.details).toBe(true);
		expect(home.operationalObjectives[0]).toMatchObject({
			id: op.id,
			progress: { done: 2, total: 4, percent: 50, label: '2 actions faites sur 4' }
		});
		expect(home.strategicObjectives[0]).toMatchObject({
			id: strat.id,
			progress: { total: 0, label: 'Aucune action à mener pour le moment' }
		});
		expect(home.referents.map((r) => r.userId)).toEqual([referent.userId]);
		expect(home.formerReferents.map((r) => r.userId)).toEqual([former.id]);
		expect(home.members!.map((m) => m.userId)).toEqual([member.userId]);
		expect(home.memberCount).toBe(1);
		// The newest entry is for the space's members only: an outsider sees the 8 before it.
		expect(home.activity!.map((a) => a.title)).toEqual(
			Array.from({ length: HOME_ACTIVITY_SIZE }, (_, i) => `Entrée ${HOME_ACTIVITY_SIZE + 1 - i}`)
		);
		expect(home.activity![0]!.actorName).toBe(referentUser.name);
		const mine = await getSpaceHome(ctx, member, space.slug);
		expect(mine.activity![0]!.title).toBe(`Entrée ${HOME_ACTIVITY_SIZE + 2}`);
		expect(mine.standing).toEqual({ kind: 'member', roles: ['membre'] });
		expect(mine.canManage).toBe(false);
		expect((await getSpaceHome(ctx, referent, space.slug)).canManage).toBe(true);
	});

	it('gives a visitor the public summary, without members, progress or activity', async () => {
		const { space } = await spaceWithWork('members');
		const home = await getSpaceHome(t.ctx, null, space.slug);
		expect(home.details).toBe(false);
		expect(home.space.defi).toBe('Un défi');
		expect(home.operationalObjectives.map((o) => [o.title, o.progress])).toEqual([
			['Opération', null]
		]);
		expect(home.members).toBeNull();
		expect(home.activity).toBeNull();
		expect(home.standing).toEqual({ kind: 'visitor' });
		expect(home.canManage).toBe(false);
	});

	it('keeps space-only details from members outside the space, shows public ones to all', async () => {
		const ctx = t.ctx;
		const { space } = await spaceWithWork('space');
		const { actor: outsider } = await makeUser(ctx);
		expect((await getSpaceHome(ctx, outsider, space.slug)).details).toBe(false);
		const { actor: coordination } = await makeUser(ctx, 'coordination');
		const asCoordination = await getSpaceHome(ctx, coordination, space.slug);
		expect(asCoordination.details).toBe(true);
		expect(asCoordination.canManage).toBe(true);
		const open = await spaceWithWork('public');
		const visitor = await getSpaceHome(ctx, null, open.space.slug);
		expect(visitor.details).toBe(true);
		expect(visitor.operationalObjectives[0]!.progress!.percent).toBe(50);
	});

	it('tells a member where they stand: may ask, pending, invited, or closed', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx);
		const { actor } = await makeUser(ctx);
		expect((await getSpaceHome(ctx, actor, space.slug)).standing).toEqual({ kind: 'can-ask' });
		await ctx.db.update(spaces).set({ openToRequests: false }).where(eq(spaces.id, space.id));
		expect((await getSpaceHome(ctx, actor, space.slug)).standing).toEqual({ kind: 'closed' });
		const since = new Date('2026-11-20T10:00:00Z');
		const [request] = await ctx.db
			.insert(spaceJoinRequests)
			.values({ spaceId: space.id, userId: actor.userId, kind: 'demande', createdAt: since })
			.returning();
		expect((await getSpaceHome(ctx, actor, space.slug)).standing).toEqual({
			kind: 'pending',
			since
		});
		await ctx.db
			.update(spaceJoinRequests)
			.set({ status: 'annulee' })
			.where(eq(spaceJoinRequests.id, request!.id));
		await ctx.db
			.insert(spaceJoinRequests)
			.values({ spaceId: space.id, userId: actor.userId, kind: 'invitation' });
		expect((await getSpaceHome(ctx, actor, space.slug)).standing).toEqual({ kind: 'invited' });
	});

	it('answers 404 for an unknown space', async () => {
		await expect(getSpaceHome(t.ctx, null, 'inconnu')).rejects.toBeInstanceOf(NotFoundError);
	});
});
