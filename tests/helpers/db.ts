import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, runMigrations } from '../../src/lib/server/db';
import { parseEnv } from '../../src/lib/server/env';
import type { Ctx } from '../../src/lib/server/context';

export interface TestDb {
	ctx: Ctx;
	url: string;
	name: string;
	close(): Promise<void>;
}

/** The same server with another database (also for socket URLs, which `new URL` cannot parse). */
function withDatabase(url: string, name: string) {
	return url.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`);
}

/** A fresh, migrated database of its own for one test file; dropped on close. */
export async function createTestDb(envOverrides: Record<string, string> = {}): Promise<TestDb> {
	const adminUrl = inject('adminUrl');
	const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	await admin.end();
	const url = withDatabase(adminUrl, name);
	const conn = await connect(url, 5);
	await runMigrations(conn.db);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chantiers-test-'));
	const env = parseEnv({
		DATA_DIR: dataDir,
		DATABASE_URL: url,
		ADMIN_PASSWORD: 'admin-password-for-tests',
		...envOverrides
	});
	return {
		ctx: { db: conn.db, env },
		url,
		name,
		async close() {
			await conn.close();
			const a = new pg.Client({ connectionString: adminUrl });
			await a.connect();
			await a.query(`drop database if exists "${name}" with (force)`);
			await a.end();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** Creates an active account with a password, and returns it as an actor. */
export async function makeUser(
	ctx: Ctx,
	role: 'admin' | 'coordination' | 'copil' | 'membre' = 'membre',
	email?: string,
	options: { cartoModerator?: boolean } = {}
) {
	const { users } = await import('../../src/lib/server/db/schema');
	const { hashPassword } = await import('../../src/lib/server/auth/passwords');
	const [u] = await ctx.db
		.insert(users)
		.values({
			email: email ?? `${role}-${randomBytes(3).toString('hex')}@example.org`,
			name: `Personne ${role}`,
			role,
			status: 'active',
			passwordHash: await hashPassword('un mot de passe solide'),
			cartoModerator: options.cartoModerator ?? false
		})
		.returning();
	const actor = { userId: u!.id, role, spaceRoles: {}, cartoModerator: u!.cartoModerator };
	return { user: u!, actor };
}
