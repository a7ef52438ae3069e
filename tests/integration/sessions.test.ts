import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { spaceMembers, users } from '../../src/lib/server/db/schema';
import { createPage, rootScope, savePage } from '../../src/lib/modules/pages/wiki.server';
import { createSession, readSession } from '../../src/lib/modules/accounts/sessions.server';
import {
	isCharterPending,
	publishCharter,
	recordAcceptance
} from '../../src/lib/modules/charter/service.server';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(() => t.close());

describe('readSession', () => {
	it('gives the person and their current roles in every space', async () => {
		const { user, actor } = await makeUser(t.ctx, 'copil', undefined, { cartoModerator: true });
		const a = await makeSpace(t.ctx, 'Espace A');
		const b = await makeSpace(t.ctx, 'Espace B');
		const c = await makeSpace(t.ctx, 'Espace C');
		await addToSpace(t.ctx, actor, a.id, 'referent');
		await addToSpace(t.ctx, actor, a.id, 'membre');
		await addToSpace(t.ctx, actor, b.id, 'observateur');
		await addToSpace(t.ctx, actor, c.id, 'referent');
		// A former role (ended) no longer counts.
		await t.ctx.db
			.update(spaceMembers)
			.set({ until: '2025-01-01' })
			.where(eq(spaceMembers.spaceId, c.id));
		const { secret } = await createSession(t.ctx, user.id, {});
		const found = await readSession(t.ctx, secret);
		expect(found?.user).toEqual({ id: user.id, name: user.name, email: user.email, role: 'copil' });
		expect(found?.actor.cartoModerator).toBe(true);
		expect(found?.actor.spaceRoles[a.id]?.sort()).toEqual(['membre', 'referent']);
		expect(found?.actor.spaceRoles[b.id]).toEqual(['observateur']);
		expect(found?.actor.spaceRoles[c.id]).toBeUndefined();
	});

	it('reads where the person stands with the charter, as the charter check would', async () => {
		const { user, actor } = await makeUser(t.ctx);
		const space = await makeSpace(t.ctx);
		await addToSpace(t.ctx, actor, space.id);
		const { secret } = await createSession(t.ctx, user.id, {});
		expect((await readSession(t.ctx, secret))!.actor.charter).toEqual({
			current: null,
			accepted: null
		});
		const coordination = (await makeUser(t.ctx, 'coordination')).actor;
		await createPage(t.ctx, coordination, rootScope, {
			title: 'Charte',
			body: 'Premier principe : coopérer entre pairs.',
			visibility: 'public'
		});
		await publishCharter(t.ctx, coordination, { summary: 'Première version', revision: 1 });
		// Never accepted: joining a space asks for it, pages do not.
		const first = (await readSession(t.ctx, secret))!.actor;
		expect(first.charter).toEqual({ current: 1, accepted: null });
		expect(await isCharterPending(t.ctx, first)).toBe(false);
		await recordAcceptance(t.ctx.db, user.id, 1);
		await savePage(
			t.ctx,
			coordination,
			rootScope,
			'charte',
			{
				title: 'Charte',
				body: 'Premier principe : coopérer entre pairs. Deuxième principe : partager.',
				visibility: 'public',
				summary: 'Un principe de plus'
			},
			1
		);
		await publishCharter(t.ctx, coordination, { summary: 'Deuxième version', revision: 2 });
		// An older version accepted: asked again at the next visit.
		const before = (await readSession(t.ctx, secret))!.actor;
		expect(before.charter).toEqual({ current: 2, accepted: 1 });
		expect(await isCharterPending(t.ctx, before)).toBe(true);
		expect(await isCharterPending(t.ctx, { ...before, charter: undefined })).toBe(true);
		await recordAcceptance(t.ctx.db, user.id, 2);
		const after = (await readSession(t.ctx, secret))!.actor;
		expect(after.charter).toEqual({ current: 2, accepted: 2 });
		expect(await isCharterPending(t.ctx, after)).toBe(false);
	});

	it('gives no roles to a person in no space, and nothing for unknown or inactive sessions', async () => {
		const { user } = await makeUser(t.ctx);
		const { secret } = await createSession(t.ctx, user.id, {});
		expect((await readSession(t.ctx, secret))?.actor.spaceRoles).toEqual({});
		expect(await readSession(t.ctx, 'pas-une-session')).toBeNull();
		expect(await readSession(t.ctx, undefined)).toBeNull();
		await t.ctx.db.update(users).set({ status: 'deleted' }).where(eq(users.id, user.id));
		expect(await readSession(t.ctx, secret)).toBeNull();
	});
});
