import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import type { Ctx } from '../context';
import {
	appliedMigrations,
	BackupError,
	countFiles,
	dumpTable,
	ident,
	loadTable,
	nonEmptyTables,
	publicTables,
	resetSequences,
	rootError,
	storedColumns,
	type Exec,
	type Migration
} from './database';

export { BackupError } from './database';

/**
 * One backup = one `.tar.gz` holding:
 * - `manifest.json`: format, date, applied migrations, and per table its row count and columns;
 * - `tables/<table>.json`: every row of every table of `public`, as a JSON array written one row
 *   per line (generated columns left out: PostgreSQL recomputes them on restore);
 * - `files/…`: the stored uploads (`<dataDir>/files`).
 * Rows are read through a cursor and written to disk in batches, so a large table is never held
 * as one string, in memory or in a single query result; restore reads them back by batches too.
 */

export const FORMAT = 'chantiers-sauvegarde';
export const FORMAT_VERSION = 1;

export interface Manifest {
	format: typeof FORMAT;
	version: number;
	createdAt: string;
	migrations: Migration[];
	tables: Record<string, { rows: number; columns: string[] }>;
	files: number;
}

const tableFile = (table: string) => path.join('tables', `${encodeURIComponent(table)}.json`);

/** Writes the archive `outFile` (atomically: a failed backup leaves no partial archive). */
export async function createBackup(ctx: Ctx, dataDir: string, outFile: string): Promise<Manifest> {
	const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'chantiers-sauvegarde-'));
	const target = path.resolve(outFile);
	const partial = `${target}.partiel`;
	try {
		fs.mkdirSync(path.join(staging, 'tables'));
		// One snapshot for every table, so rows that reference each other stay consistent.
		const manifest = await ctx.db.transaction(
			async (tx) => {
				const columns = await storedColumns(tx);
				const tables: Manifest['tables'] = {};
				for (const t of await publicTables(tx)) {
					const cols = columns.get(t) ?? [];
					const rows = await dumpTable(tx, t, cols, path.join(staging, tableFile(t)));
					tables[t] = { rows, columns: cols };
				}
				const m: Manifest = {
					format: FORMAT,
					version: FORMAT_VERSION,
					createdAt: new Date().toISOString(),
					migrations: await appliedMigrations(tx),
					tables,
					files: 0
				};
				return m;
			},
			{ isolationLevel: 'repeatable read', accessMode: 'read only' }
		);

		const entries = ['manifest.json', 'tables'];
		const filesDir = path.join(dataDir, 'files');
		if (fs.existsSync(filesDir)) {
			// Packed through a link so that the entries are named `files/…` (tar has one cwd).
			fs.symlinkSync(path.resolve(filesDir), path.join(staging, 'files'), 'dir');
			entries.push('files');
			manifest.files = countFiles(filesDir);
		}
		fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		// Readable by its owner only: it holds password hashes, sessions and personal data.
		await tar.c(
			{ gzip: true, file: partial, mode: 0o600, cwd: staging, follow: true, portable: true },
			entries
		);
		fs.renameSync(partial, target);
		return manifest;
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
		fs.rmSync(partial, { force: true });
	}
}

export interface RestoreResult {
	manifest: Manifest;
	/** Where the files found in `<dataDir>/files` before the restore were moved, if any. */
	previousFiles?: string;
}

/**
 * Restores an archive into a database whose tables exist (migrations applied) but hold no row,
 * in one transaction; then puts the stored files in `<dataDir>/files`.
 */
export async function restoreBackup(
	ctx: Ctx,
	dataDir: string,
	archive: string
): Promise<RestoreResult> {
	if (!fs.existsSync(archive)) throw new BackupError(`Archive introuvable : ${archive}`);
	await refuseIfNotEmpty(ctx.db, await publicTables(ctx.db));
	fs.mkdirSync(dataDir, { recursive: true });
	// Extracted next to its destination, so that the files can be moved in place by a rename.
	const work = fs.mkdtempSync(path.join(dataDir, '.restauration-'));
	try {
		try {
			await tar.x({ file: archive, cwd: work, strict: true });
		} catch (e) {
			throw new BackupError(`Archive illisible (${archive}) : ${rootError(e).message}`);
		}
		const manifest = readManifest(work);
		const present = new Set((await appliedMigrations(ctx.db)).map((m) => m.hash));
		const missing = manifest.migrations.filter((m) => !present.has(m.hash));
		if (missing.length > 0) {
			throw new BackupError(
				`Cette sauvegarde vient d'une version plus récente de la plateforme ` +
					`(${missing.length} migration(s) de la base absente(s) ici). ` +
					`Mettez d'abord la plateforme à jour, puis relancez la restauration.`
			);
		}

		await ctx.db.transaction(async (tx) => {
			try {
				// Foreign keys and triggers are not checked: tables load in any order.
				await tx.execute(sql`set local session_replication_role = replica`);
			} catch (e) {
				if (rootError(e).code !== '42501') throw e;
				throw new BackupError(
					'La restauration demande un rôle PostgreSQL superutilisateur (session_replication_role).'
				);
			}
			const tables = await publicTables(tx);
			if (tables.length > 0) {
				await tx.execute(sql.raw(`lock table ${tables.map(ident).join(', ')} in exclusive mode`));
			}
			await refuseIfNotEmpty(tx, tables);
			const columns = await storedColumns(tx);
			for (const [t, info] of Object.entries(manifest.tables)) {
				if (!tables.includes(t)) {
					throw new BackupError(
						`La table « ${t} » de la sauvegarde n'existe pas dans cette version de la plateforme.`
					);
				}
				const unknown = info.columns.filter((c) => !(columns.get(t) ?? []).includes(c));
				if (unknown.length > 0) {
					throw new BackupError(
						`Colonnes de « ${t} » inconnues dans cette version de la plateforme : ${unknown.join(', ')}.`
					);
				}
				const n = await loadTable(tx, t, info.columns, path.join(work, tableFile(t)));
				if (n !== info.rows) {
					throw new BackupError(
						`Sauvegarde incohérente : ${n} ligne(s) lue(s) pour « ${t} », ${info.rows} annoncée(s).`
					);
				}
			}
			await resetSequences(tx);
			// Triggers were off while loading: tell the cartography's list index the data changed.
			await tx.execute(sql`update carto_search_state set version = version + 1 where id = 1`);
		});
		return { manifest, previousFiles: restoreFiles(work, dataDir) };
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

async function refuseIfNotEmpty(db: Exec, tables: string[]) {
	const full = await nonEmptyTables(db, tables);
	if (full.length === 0) return;
	throw new BackupError(
		`Restauration refusée : la base de destination contient déjà des données ` +
			`(tables ${full.join(', ')}). On ne restaure que dans une base vide : utilisez un ` +
			`DATA_DIR neuf (ou une base PostgreSQL vide) sans y démarrer l'application avant.`
	);
}

function readManifest(dir: string): Manifest {
	const file = path.join(dir, 'manifest.json');
	let m: Partial<Manifest> | undefined;
	try {
		m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
	} catch {
		m = undefined;
	}
	if (!m || m.format !== FORMAT || !m.tables || !Array.isArray(m.migrations)) {
		throw new BackupError(
			"Ce fichier n'est pas une sauvegarde de la plateforme (manifest.json absent ou invalide)."
		);
	}
	if (typeof m.version !== 'number' || m.version > FORMAT_VERSION) {
		throw new BackupError(
			'Cette sauvegarde utilise un format plus récent : mettez d’abord la plateforme à jour.'
		);
	}
	return m as Manifest;
}

/** Moves the extracted `files/` in place; files already there are kept aside, never deleted. */
function restoreFiles(work: string, dataDir: string): string | undefined {
	const from = path.join(work, 'files');
	if (!fs.existsSync(from)) return undefined;
	const to = path.join(dataDir, 'files');
	let previous: string | undefined;
	if (fs.existsSync(to)) {
		if (fs.readdirSync(to).length === 0) {
			fs.rmdirSync(to);
		} else {
			previous = `${to}-avant-restauration-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			fs.renameSync(to, previous);
		}
	}
	fs.renameSync(from, to);
	return previous;
}
