import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Env } from '../env';
import { log } from '../log';
import { startEmbedded, type EmbeddedServer } from './embedded';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
	db: Db;
	pool: pg.Pool;
	url: string;
	embedded?: EmbeddedServer;
	close(): Promise<void>;
}

export const migrationsFolder = path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

export async function connect(
	url: string,
	max = 10
): Promise<Omit<Database, 'close'> & { close(): Promise<void> }> {
	const pool = new pg.Pool({ connectionString: url, max });
	// An idle connection closed by the server (restart, shutdown) must not crash the process:
	// the pool drops it and opens a new one when needed.
	pool.on('error', (err) => log.warn(`[db] connexion fermée : ${err.message}`));
	const db = drizzle(pool, { schema, casing: 'snake_case' });
	return { db, pool, url, close: () => pool.end() };
}

const MIGRATION_LOCK = 7_421_000;

/** Applies pending migrations; instances starting together wait for each other. */
export async function runMigrations(db: Db, pool?: pg.Pool) {
	const client = pool ? await pool.connect() : undefined;
	try {
		await client?.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
		await migrate(db, { migrationsFolder });
	} finally {
		await client?.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
		client?.release();
	}
}

/** Opens the configured database (or starts the embedded one) and applies migrations. */
export async function openDatabase(
	env: Pick<Env, 'DATABASE_URL' | 'dataDir'>,
	log = console.log
): Promise<Database> {
	const embedded = env.DATABASE_URL
		? undefined
		: await startEmbedded({ dataDir: env.dataDir, log });
	const url = env.DATABASE_URL ?? embedded!.url;
	const conn = await connect(url);
	await runMigrations(conn.db, conn.pool);
	return {
		...conn,
		embedded,
		async close() {
			await conn.close();
			await embedded?.stop();
		}
	};
}
