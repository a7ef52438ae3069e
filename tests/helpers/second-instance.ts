import { connect } from '../../src/lib/server/db';
import type { Ctx } from '../../src/lib/server/context';
import type { TestDb } from './db';

/**
 * Another app instance on the same database: a Ctx with a connection pool of its own, as a
 * second process would have. Close it before the test database.
 */
export async function secondInstance(t: TestDb, poolSize = 10) {
	const conn = await connect(t.url, poolSize);
	const ctx: Ctx = { db: conn.db, env: t.ctx.env };
	return { ctx, pool: conn.pool, close: () => conn.close() };
}
