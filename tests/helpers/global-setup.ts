import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type EmbeddedServer } from '../../src/lib/server/db/embedded';

declare module 'vitest' {
	export interface ProvidedContext {
		adminUrl: string;
	}
}

let embedded: EmbeddedServer | undefined;

/**
 * Tests run on the PostgreSQL server given by TEST_DATABASE_URL (CI: 127.0.0.1:5432/test).
 * When none answers, they run on the bundled PostgreSQL instead, so `npm test` works anywhere.
 */
export async function setup(project: TestProject) {
	const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.end();
		project.provide('adminUrl', url);
	} catch {
		await client.end().catch(() => undefined);
		const dataDir = path.resolve('tests/.tmp/vitest-pg');
		fs.rmSync(dataDir, { recursive: true, force: true });
		embedded = await startEmbedded({ dataDir, database: 'test', log: () => undefined });
		project.provide('adminUrl', embedded.url);
	}
}

export async function teardown() {
	await embedded?.stop();
}
