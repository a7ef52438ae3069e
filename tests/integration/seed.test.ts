import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';
import { seedIfEmpty } from '../../src/lib/server/seed/seed';
import * as content from '../../src/lib/modules/demarche/seed-data';

let t: TestDb;

beforeAll(async () => {
	t = await createTestDb({ SEED_DEMO: 'true' });
	expect(await seedIfEmpty(t.ctx, () => undefined)).toBe(true);
});
afterAll(() => t?.close());

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
	(await t.ctx.db.execute<T>(q)).rows;

describe('the démarche seed', () => {
	it('gives every page its first revision, with the same content', async () => {
		const found = await rows<{ slug: string; same: boolean; revision: number }>(
			sql`select p.slug, p.revision, (r.title = p.title and r.body = p.body) as same
				from pages p join page_revisions r on r.page_id = p.id and r.number = 1`
		);
		expect(found.map((r) => r.slug).sort()).toEqual(content.pages.map((p) => p.slug).sort());
		expect(found.every((r) => r.same && r.revision === 1)).toBe(true);
	});

	it('publishes the charter page as version 1 of the charter', async () => {
		const [v] = await rows<{ version: number; slug: string; revision: number }>(
			sql`select v.version, p.slug, v.revision from charter_versions v join pages p on p.id = v.page_id`
		);
		expect(v).toEqual({ version: 1, slug: 'charte', revision: 1 });
	});

	it('stores the objectives of each space as rows, in their order', async () => {
		for (const s of content.spaces) {
			const found = await rows<{ kind: string; title: string }>(
				sql`select o.kind, o.title from space_objectives o join spaces s on s.id = o.space_id
					where s.slug = ${s.slug} order by o.kind, o.position`
			);
			expect(found.filter((o) => o.kind === 'strategique').map((o) => o.title)).toEqual(
				s.strategicObjectives
			);
			expect(found.filter((o) => o.kind === 'operationnel').map((o) => o.title)).toEqual(
				s.operationalObjectives
			);
		}
	});
});
