import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';
import { seedIfEmpty } from '../../src/lib/server/seed/seed';
import { getRoadmap } from '../../src/lib/modules/roadmap/service.server';
import { listProductions } from '../../src/lib/modules/productions/service.server';
import { listDecisions } from '../../src/lib/modules/productions/decisions.server';
import * as content from '../../src/lib/modules/demarche/seed-data';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb({ SEED_DEMO: 'true' });
	expect(await seedIfEmpty(t.ctx, () => undefined)).toBe(true);
});
afterAll(() => t?.close());

const count = async (q: ReturnType<typeof sql>) =>
	Number((await t.ctx.db.execute<{ n: string }>(q)).rows[0]!.n);

describe('the seeded work of the spaces', () => {
	it('stores every action, production and decision of the seed data once', async () => {
		const actions = Object.values(content.roadmaps).flat();
		expect(await count(sql`select count(*) as n from roadmap_actions`)).toBe(actions.length);
		expect(await count(sql`select count(*) as n from space_productions`)).toBe(
			content.productions.length
		);
		expect(await count(sql`select count(*) as n from space_decisions`)).toBe(
			content.decisions.length
		);
		// Each action starts its history; done ones with a date keep it.
		expect(await count(sql`select count(*) as n from roadmap_action_changes`)).toBe(actions.length);
		expect(
			await count(
				sql`select count(*) as n from roadmap_actions where done_at is not null and status = 'fait'`
			)
		).toBe(actions.filter((a) => a.doneAt).length);
		expect(
			await count(sql`select count(*) as n from space_productions where url is not null`)
		).toBe(0);
	});

	it("shows chantier 1's référentiels as done and linked, with the progress of its objective", async () => {
		// The seed leaves the spaces' details to members: coordination reads them.
		const reader = { userId: crypto.randomUUID(), role: 'coordination' as const, spaceRoles: {} };
		const r = await getRoadmap(t.ctx, reader, 'chantier-1-competences-metiers', {
			status: null,
			owner: null
		});
		const referentiel = r.objectives.find((o) => o.title.startsWith('Élaborer un référentiel'))!;
		expect(referentiel.progress).toMatchObject({ done: 3, total: 4 });
		const done = referentiel.actions.find((a) => a.title.startsWith('Finaliser'))!;
		expect(done.productions).toHaveLength(3);
		expect(done.doneAt?.toISOString().slice(0, 7)).toBe('2025-04');

		const p = await listProductions(t.ctx, reader, 'chantier-1-competences-metiers');
		expect(p.productions.map((x) => x.kind)).toEqual(['referentiel', 'referentiel', 'referentiel']);
		const d = await listDecisions(t.ctx, reader, 'comite-de-pilotage', {
			status: null,
			year: 2023
		});
		expect(d.decisions.length).toBe(2);
		expect(d.years).toEqual([2025, 2024, 2023]);
	});
});
