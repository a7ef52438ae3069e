/** Databases and fiches shared by the cartography's integration tests. */
import { afterAll, beforeAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ensureReferenceLists } from '../../src/lib/modules/cartographie/reference.server';
import { setStatus, submitFiche } from '../../src/lib/modules/cartographie/service.server';
import { ensureGeography } from '../../src/lib/modules/geo/load.server';
import type { Actor } from '../../src/lib/server/auth/policy';
import type { Ctx } from '../../src/lib/server/context';
import { cartoFiches, emails } from '../../src/lib/server/db/schema';
import { createTestDb, makeUser, type TestDb } from './db';

/** A fresh database with the geography of France and the cartography's reference lists. */
export async function createCartographieDb(): Promise<TestDb> {
	const t = await createTestDb();
	await ensureGeography(t.ctx);
	await ensureReferenceLists(t.ctx);
	return t;
}

/** A fiche's input, valid unless `over` says otherwise (Lyon 3e, no point, no territory). */
export const ficheInput = (name: string, over: Record<string, unknown> = {}) => ({
	name,
	shortDescription: `${name} accompagne les coopérations territoriales.`,
	communeCode: '69381',
	lat: '',
	lon: '',
	territories: [],
	cooperationKinds: ['ptce'],
	dimensions: ['gouvernance'],
	modalities: ['collectif'],
	stages: ['emergence'],
	cost: 'gratuit',
	...over
});

/** A fiche proposed with `ficheInput(name, over)`, then published by `moderator`. */
export async function publishFiche(
	ctx: Ctx,
	moderator: Actor,
	name: string,
	over: Record<string, unknown> = {}
) {
	const f = await submitFiche(ctx, null, ficheInput(name, over));
	await setStatus(ctx, moderator, f.id, 'publiee');
	return f;
}

/** The input of the moderation tests' fiche, valid unless `over` says otherwise. */
export const moderationInput = (over: Record<string, unknown> = {}) => ({
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

type Person = { role: 'admin' | 'coordination' | 'membre'; cartoModerator?: boolean };

/**
 * A cartography database for one test file (created before its tests, closed after) with a
 * moderator, another person who may moderate, and a plain member; by default the moderator is
 * coordination and the other an admin.
 */
export function moderationDb(people: { moderator?: Person; other?: Person } = {}) {
	const state = {} as { t: TestDb; moderator: Actor; other: Actor; member: Actor };
	const make = (p: Person) =>
		makeUser(state.t.ctx, p.role, undefined, { cartoModerator: p.cartoModerator });
	beforeAll(async () => {
		state.t = await createCartographieDb();
		state.moderator = (await make(people.moderator ?? { role: 'coordination' })).actor;
		state.other = (await make(people.other ?? { role: 'admin' })).actor;
		state.member = (await make({ role: 'membre' })).actor;
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
