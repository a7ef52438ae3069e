import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '../db';
import type { Env } from '../env';

/**
 * What backup and restore read from the PostgreSQL catalog: the tables of the `public` schema
 * (found at run time, so a future module's tables are included without touching this code),
 * their columns, the applied migrations and the sequences; how rows go to and come back from
 * the JSON files of an archive; and how the admin scripts open the database.
 */

/** What the catalog queries need: the database or a transaction. */
export type Exec = Pick<Db, 'execute'>;

/** A user-facing error (French message) of a backup, a restore or an admin script. */
export class BackupError extends Error {}

export interface Migration {
	hash: string;
	createdAt: number;
}

/** Quotes a PostgreSQL identifier. */
export function ident(name: string) {
	return `"${name.replaceAll('"', '""')}"`;
}

/**
 * State the database keeps about itself rather than data: written by migrations and triggers,
 * neither saved nor checked for emptiness (a freshly migrated database already holds its row).
 */
export const DERIVED_TABLES: readonly string[] = ['carto_search_state'];

/**
 * Ordinary and partitioned tables of `public` (partitions are reached through their parent),
 * without the derived state.
 */
export async function publicTables(db: Exec): Promise<string[]> {
	const r = await db.execute<{ name: string }>(sql`
		select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
		order by c.relname`);
	return r.rows.map((row) => row.name).filter((name) => !DERIVED_TABLES.includes(name));
}

/** Columns of each public table, in order, without generated ones (PostgreSQL computes them). */
export async function storedColumns(db: Exec): Promise<Map<string, string[]>> {
	const r = await db.execute<{ table: string; column: string }>(sql`
		select table_name as "table", column_name as "column" from information_schema.columns
		where table_schema = 'public' and is_generated <> 'ALWAYS'
		order by table_name, ordinal_position`);
	const byTable = new Map<string, string[]>();
	for (const { table, column } of r.rows) {
		const list = byTable.get(table) ?? [];
		list.push(column);
		byTable.set(table, list);
	}
	return byTable;
}

/** Migrations recorded by drizzle in `drizzle.__drizzle_migrations`, oldest first. */
export async function appliedMigrations(db: Exec): Promise<Migration[]> {
	const exists = await db.execute<{ t: string | null }>(
		sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`
	);
	if (!exists.rows[0]?.t) return [];
	const r = await db.execute<{ hash: string; created_at: string }>(
		sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`
	);
	return r.rows.map((row) => ({ hash: row.hash, createdAt: Number(row.created_at) }));
}

/** Public tables that hold at least one row. */
export async function nonEmptyTables(db: Exec, tables: string[]): Promise<string[]> {
	const found: string[] = [];
	for (const t of tables) {
		const r = await db.execute<{ any: boolean }>(
			sql.raw(`select exists (select 1 from ${ident(t)}) as "any"`)
		);
		if (r.rows[0]?.any) found.push(t);
	}
	return found;
}

/**
 * Moves every sequence owned by a column (serial or identity) of `public` past the largest value
 * restored, or back to its start when the table is empty. Standalone sequences are not reset.
 */
export async function resetSequences(db: Exec) {
	const r = await db.execute<{ table: string; column: string; seq: string }>(sql`
		select table_name as "table", column_name as "column",
			pg_get_serial_sequence(format('public.%I', table_name), column_name) as seq
		from information_schema.columns
		where table_schema = 'public'
			and pg_get_serial_sequence(format('public.%I', table_name), column_name) is not null`);
	for (const { table, column, seq } of r.rows) {
		await db.execute(sql`
			select case when m is null
				then setval(${seq}::regclass, (select seqstart from pg_sequence where seqrelid = ${seq}::regclass), false)
				else setval(${seq}::regclass, m, true) end
			from (select max(${sql.identifier(column)})::bigint as m from ${sql.identifier(table)}) x`);
	}
}

/** Rows per cursor fetch and per insert (inserts also stop at BATCH_BYTES of JSON). */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;

/** Writes every row of `table` to `file` as a JSON array, one row per line, through a cursor. */
export async function dumpTable(db: Exec, table: string, columns: string[], file: string) {
	const out = fs.createWriteStream(file);
	const write = async (s: string) => {
		if (!out.write(s)) await once(out, 'drain');
	};
	let n = 0;
	try {
		const select = columns.map(ident).join(', ');
		await db.execute(
			sql.raw(
				`declare backup_rows no scroll cursor for
				select row_to_json(t)::text as j from (select ${select} from ${ident(table)}) t`
			)
		);
		await write('[');
		for (;;) {
			const r = await db.execute<{ j: string }>(
				sql.raw(`fetch forward ${BATCH_ROWS} from backup_rows`)
			);
			for (const row of r.rows) await write(`${n++ === 0 ? '' : ','}\n${row.j}`);
			if (r.rows.length < BATCH_ROWS) break;
		}
		await write('\n]\n');
		await db.execute(sql.raw('close backup_rows'));
	} finally {
		out.end();
		await finished(out);
	}
	return n;
}

/** Inserts the rows of one table file by batches; returns how many. */
export async function loadTable(db: Exec, table: string, columns: string[], file: string) {
	if (!fs.existsSync(file)) {
		throw new BackupError(`Sauvegarde incomplète : tables/${path.basename(file)} manquant.`);
	}
	const t = sql.raw(ident(table));
	const list = sql.raw(columns.map(ident).join(', '));
	const insert = async (rows: string[]) => {
		try {
			await db.execute(sql`insert into ${t} (${list}) overriding system value
				select ${list} from json_populate_recordset(null::${t}, ${`[${rows.join(',')}]`}::json)`);
		} catch (e) {
			throw new BackupError(`Échec de la restauration de « ${table} » : ${rootError(e).message}`);
		}
	};
	let batch: string[] = [];
	let bytes = 0;
	let n = 0;
	for await (const row of arrayObjects(file)) {
		batch.push(row);
		bytes += row.length;
		n++;
		if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
			await insert(batch);
			batch = [];
			bytes = 0;
		}
	}
	if (batch.length > 0) await insert(batch);
	return n;
}

/**
 * Yields the objects of a JSON array file as text, reading it by chunks. A small scanner rather
 * than "one row per line": a `json` column keeps its text as entered, newlines included.
 */
async function* arrayObjects(file: string): AsyncGenerator<string> {
	let depth = 0;
	let inString = false;
	let escaped = false;
	let partial = '';
	let start = -1;
	for await (const chunk of fs.createReadStream(file, {
		encoding: 'utf8'
	}) as AsyncIterable<string>) {
		for (let i = 0; i < chunk.length; i++) {
			const c = chunk[i];
			if (inString) {
				if (escaped) escaped = false;
				else if (c === '\\') escaped = true;
				else if (c === '"') inString = false;
			} else if (c === '"') {
				inString = true;
			} else if (c === '{' || c === '[') {
				if (depth === 1 && c === '{') start = i;
				depth++;
			} else if (c === '}' || c === ']') {
				depth--;
				if (depth === 1 && start >= 0) {
					yield partial + chunk.slice(start, i + 1);
					partial = '';
					start = -1;
				}
			}
		}
		if (start >= 0) {
			partial += chunk.slice(start);
			start = 0;
		}
	}
	if (depth !== 0 || inString) {
		throw new BackupError(`Fichier de table tronqué : ${path.basename(file)}`);
	}
}

/** Number of regular files under `dir` (0 when it does not exist). */
export function countFiles(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
		.length;
}

function alive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * The pid of the embedded PostgreSQL of `dataDir` when a running app (a node process) owns it.
 * Opening the database then would shut that server down under the app (see embedded.ts, which
 * stops a postmaster left behind by a killed app), so the scripts refuse instead.
 */
export function embeddedHeldByApp(dataDir: string): number | undefined {
	let pgdata = path.join(dataDir, 'postgres');
	const location = path.join(dataDir, 'postgres-location.txt');
	if (fs.existsSync(location)) {
		const m = fs.readFileSync(location, 'utf8').match(/sont dans (.+)\n/);
		if (m) pgdata = m[1]!.trim();
	}
	const pidFile = path.join(pgdata, 'postmaster.pid');
	if (!fs.existsSync(pidFile)) return undefined;
	const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
	if (!pid || !alive(pid)) return undefined;
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		const parent = fs.readFileSync(`/proc/${ppid}/cmdline`, 'utf8');
		return /(^|\/)(node|tsx)\b/.test(parent.split('\0')[0] ?? '') ? pid : undefined;
	} catch {
		return undefined;
	}
}

/** The PostgreSQL error under a drizzle "Failed query" wrapper (whose message holds all params). */
export function rootError(err: unknown): Error & { code?: string } {
	let e = err;
	while (e instanceof DrizzleQueryError && e.cause) e = e.cause;
	return e instanceof Error ? e : new Error(String(e));
}

function inUseMessage(dataDir: string, pid?: number) {
	return (
		`La base de données embarquée de ${dataDir} est déjà utilisée par un autre serveur PostgreSQL` +
		`${pid ? ` (pid ${pid})` : ''}, sans doute l'application en marche. Arrêtez l'application ` +
		`(npm start), puis relancez cette commande.`
	);
}

/**
 * Opens the platform's database like `npm start` does (embedded PostgreSQL in DATA_DIR when there
 * is no DATABASE_URL) and applies the migrations. The embedded cluster can serve only one app:
 * the app must be stopped first, which the French error says.
 */
export async function openForScript(e: Env): Promise<Database> {
	if (!e.DATABASE_URL) {
		const pid = embeddedHeldByApp(e.dataDir);
		if (pid) throw new BackupError(inUseMessage(e.dataDir, pid));
	}
	let database: Database;
	try {
		database = await openDatabase(e);
	} catch (err) {
		const message = rootError(err).message;
		if (!e.DATABASE_URL && /lock file|already running|address already in use/i.test(message)) {
			throw new BackupError(inUseMessage(e.dataDir));
		}
		throw err;
	}
	// close() ends the pool without waiting for its connections to be gone, then stops the
	// embedded server, which terminates them (57P01): an idle client reports that on the pool,
	// and an 'error' event with no listener would crash the script after its work is done.
	database.pool.on('error', (err: Error & { code?: string }) => {
		if (err.code !== '57P01') console.error(`Connexion à la base perdue : ${err.message}`);
	});
	return database;
}
