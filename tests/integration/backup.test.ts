import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';
import { createBackup, restoreBackup } from '../../src/lib/server/backup/backup';
import { publicTables } from '../../src/lib/server/backup/database';
import { createSession, readSession } from '../../src/lib/modules/accounts/sessions.server';
import { audit } from '../../src/lib/server/audit/audit';
import { sendEmail } from '../../src/lib/server/email/outbox';
import type { Db } from '../../src/lib/server/db';
import { users } from '../../src/lib/server/db/schema';
import { seedIfEmpty } from '../../src/lib/server/seed/seed';

let source: TestDb;
let target: TestDb;
let archive: string;
let sessionSecret: string;
const pdf = randomBytes(50_000);

/** A table no module declares (as a future module's would be), with an identity column. */
const EXTRA_TABLE = `create table backup_extra (
	id integer generated always as identity primary key,
	label text not null,
	notes json,
	upper_label text generated always as (upper(label)) stored
)`;

/** Every row of every public table, in a stable order, generated columns included. */
async function dump(db: Db) {
	const out: Record<string, { n: number; rows: string }> = {};
	for (const t of await publicTables(db)) {
		const r = await db.execute<{ n: number; rows: string }>(
			sql.raw(
				`select count(*)::int as n, coalesce(json_agg(x order by x::text), '[]')::text as rows from "${t}" x`
			)
		);
		out[t] = r.rows[0]!;
	}
	return out;
}

beforeAll(async () => {
	[source, target] = await Promise.all([createTestDb(), createTestDb()]);
	for (const t of [source, target]) await t.ctx.db.execute(sql.raw(EXTRA_TABLE));

	const ctx = source.ctx;
	await seedIfEmpty(ctx, () => undefined);
	const [someone] = await ctx.db.select().from(users).limit(1);
	await sendEmail(ctx, {
		to: 'lea@example.org',
		subject: 'Bienvenue',
		text: 'Bonjour\nLéa',
		kind: 'test'
	});
	await audit(
		ctx,
		{ userId: someone!.id, role: 'admin', spaceRoles: {} },
		{ action: 'test.backup', details: { a: [1, 2] } },
		'10.0.0.7'
	);
	sessionSecret = (await createSession(ctx, someone!.id, { ip: '10.0.0.8', userAgent: 'Vitest' }))
		.secret;
	await ctx.db.execute(
		sql.raw(
			`insert into backup_extra (label, notes) values ('un', '{\n  "multi": "ligne"\n}'), ('deux', null)`
		)
	);
	fs.mkdirSync(path.join(ctx.env.dataDir, 'files', 'ressources'), { recursive: true });
	fs.writeFileSync(path.join(ctx.env.dataDir, 'files', 'ressources', 'test.pdf'), pdf);

	archive = path.join(source.ctx.env.dataDir, 'sauvegarde.tar.gz');
	await createBackup(ctx, ctx.env.dataDir, archive);
});

afterAll(async () => {
	await Promise.all([source?.close(), target?.close()]);
});

describe('backup and restore', () => {
	it('writes one archive with a manifest, every table and the stored files', async () => {
		const entries: string[] = [];
		await tar.t({ file: archive, onReadEntry: (e) => void entries.push(e.path) });
		const tables = await publicTables(source.ctx.db);
		expect(tables).toContain('backup_extra');
		for (const t of tables) expect(entries).toContain(`tables/${t}.json`);
		expect(entries).toContain('manifest.json');
		expect(entries).toContain('files/ressources/test.pdf');
	});

	it('restores every row of every table, and the files, into an empty database', async () => {
		const result = await restoreBackup(target.ctx, target.ctx.env.dataDir, archive);
		expect(result.manifest.tables.users!.rows).toBeGreaterThan(1);
		expect(result.manifest.migrations.length).toBeGreaterThan(0);

		const [before, after] = await Promise.all([dump(source.ctx.db), dump(target.ctx.db)]);
		expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
		for (const t of Object.keys(before)) {
			expect(after[t]!.n, t).toBe(before[t]!.n);
			expect(after[t]!.rows, t).toBe(before[t]!.rows);
		}
		for (const t of [
			'users',
			'structures',
			'spaces',
			'space_members',
			'pages',
			'emails',
			'audit_log',
			'sessions'
		]) {
			expect(before[t]!.n, t).toBeGreaterThan(0);
		}

		const restored = fs.readFileSync(
			path.join(target.ctx.env.dataDir, 'files', 'ressources', 'test.pdf')
		);
		expect(restored.equals(pdf)).toBe(true);
		expect(
			fs.readdirSync(target.ctx.env.dataDir).filter((f) => f.startsWith('.restauration-'))
		).toEqual([]);
	});

	it('keeps sessions usable and identity columns counting after the restored rows', async () => {
		expect((await readSession(target.ctx, sessionSecret))?.user.id).toBeTruthy();
		const r = await target.ctx.db.execute<{ id: number; upper_label: string }>(
			sql`insert into backup_extra (label) values ('trois') returning id, upper_label`
		);
		expect(r.rows[0]).toEqual({ id: 3, upper_label: 'TROIS' });
	});

	it('recomputes generated columns: full-text search finds a structure by a word of its name', async () => {
		const r = await target.ctx.db.execute<{ id: string; name: string }>(
			sql`select id, name from structures order by length(name) desc limit 1`
		);
		const structure = r.rows[0]!;
		const word = structure.name.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0]!;
		const found = await target.ctx.db.execute<{ id: string }>(
			sql`select id from structures where search @@ websearch_to_tsquery('fr_unaccent', ${word})`
		);
		expect(found.rows.map((x) => x.id)).toContain(structure.id);
	});

	it('refuses to restore into a database that holds data, and changes nothing', async () => {
		const before = await dump(target.ctx.db);
		const filesBefore = fs.readdirSync(target.ctx.env.dataDir).sort();
		await expect(restoreBackup(target.ctx, target.ctx.env.dataDir, archive)).rejects.toThrow(
			/Restauration refusée : la base de destination contient déjà des données/
		);
		expect(await dump(target.ctx.db)).toEqual(before);
		expect(fs.readdirSync(target.ctx.env.dataDir).sort()).toEqual(filesBefore);
	});

	it('asks to update the platform when the backup has migrations the target lacks', async () => {
		const older = await createTestDb();
		try {
			await older.ctx.db.execute(
				sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`
			);
			await expect(restoreBackup(older.ctx, older.ctx.env.dataDir, archive)).rejects.toThrow(
				/Mettez d'abord la plateforme à jour/
			);
			expect(await older.ctx.db.$count(users)).toBe(0);
		} finally {
			await older.close();
		}
	});
});
