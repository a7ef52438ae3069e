/**
 * The database, people and helpers shared by the moderation tests
 * (cartographie-moderation*.test.ts).
 */
import { afterAll, beforeAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import { cartoFiches, emails } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/server/auth/policy';

/** A fiche's input, valid unless `over` says otherwise. */
export const input = (over: Record<string, unknown> = {}) => ({
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

/** A test database with a moderator (coordination), an admin and a plain member. */
export function moderationDb() {
	const state = {} as { t: TestDb; moderator: Actor; other: Actor; member: Actor };
	beforeAll(async () => {
		state.t = await createCartographieDb();
		state.moderator = (await makeUser(state.t.ctx, 'coordination')).actor;
		state.other = (await makeUser(state.t.ctx, 'admin')).actor;
		state.member = (await makeUser(state.t.ctx, 'membre')).actor;
	});
	afterAll(async () => state.t.close());
	return {
		state,
		mailsTo: (to: string, kind: string) =>
			state.t.ctx.db
				.select()
				.from(emails)
				.where(and(eq(emails.to, to), eq(emails.kind, kind))),
		statusOf: async (id: string) =>
			(
				await state.t.ctx.db
					.select({ s: cartoFiches.status })
					.from(cartoFiches)
					.where(eq(cartoFiches.id, id))
			)[0]!.s,
		ficheRow: async (id: string) =>
			(await state.t.ctx.db.select().from(cartoFiches).where(eq(cartoFiches.id, id)))[0]!
	};
}
