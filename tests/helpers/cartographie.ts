import { ensureReferenceLists } from '../../src/lib/modules/cartographie/reference.server';
import { ensureGeography } from '../../src/lib/modules/geo/load.server';
import { createTestDb, type TestDb } from './db';

/** A fresh database with the geography of France and the cartography's reference lists. */
export async function createCartographieDb(): Promise<TestDb> {
	const t = await createTestDb();
	await ensureGeography(t.ctx);
	await ensureReferenceLists(t.ctx);
	return t;
}
