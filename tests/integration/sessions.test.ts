import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { spaceMembers, users } from '../../src/lib/server/db/schema';
import { createSession, readSession } from '../../src/lib/modules/accounts/sessions.server';

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
