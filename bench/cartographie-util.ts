// Helpers of the benchmarks: the built app as a child process, its memory, statistics, databases.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';

/** Same Node flags as `npm start`. */
export const nodeFlags: string[] = JSON.parse(fs.readFileSync('package.json', 'utf8'))
	.scripts.start.split(' ')
	.filter((a: string) => a.startsWith('--'));

export interface App {
	child: ChildProcess;
	seconds: number;
	stop(): Promise<void>;
}

/** Starts the built app (`node <npm start flags> scripts/server.js`) and waits until it answers. */
export function startApp(port: number, env: Record<string, string>): Promise<App> {
	// BENCH_NODE_FLAGS adds flags to the app only, e.g. « --cpu-prof --cpu-prof-dir=/tmp/prof ».
	const extra = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
	const child = spawn(process.execPath, [...nodeFlags, ...extra, 'scripts/server.js'], {
		env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const started = Date.now();
	// The app goes with the benchmark, even when it fails.
	const orphan = () => child.kill('SIGTERM');
	process.once('exit', orphan);
	const stop = async () => {
		process.off('exit', orphan);
		if (child.exitCode !== null) return;
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
	};
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (b: Buffer) => {
			if (b.toString().includes('est prêt')) {
				resolve({ child, seconds: (Date.now() - started) / 1000, stop });
			}
		});
		child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
	});
}

const pss = (pid: number | string) => {
	try {
		const m = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m);
		return m ? Number(m[1]) : 0;
	} catch {
		return 0;
	}
};

/** Proportional set size (kB) of the app and of the PostgreSQL processes of `dataDir`. */
export function memoryKb(appPid: number, dataDir: string | null) {
	let postgres = 0;
	if (dataDir) {
		for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
			try {
				const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
				if (!cmd.includes('postgres')) continue;
				const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
				if (cmd.includes(dataDir) || cwd.includes(dataDir)) postgres += pss(pid);
			} catch {
				/* process ended */
			}
		}
	}
	return { app: pss(appPid), postgres };
}

/** Samples the peak memory every 200 ms until `stop()`; figures in MB. */
export function memorySampler(appPid: number, dataDir: string | null) {
	let peak = { app: 0, postgres: 0 };
	const timer = setInterval(() => {
		const m = memoryKb(appPid, dataDir);
		if (m.app + m.postgres > peak.app + peak.postgres) peak = m;
	}, 200);
	return () => {
		clearInterval(timer);
		return { appMB: Math.round(peak.app / 1024), postgresMB: Math.round(peak.postgres / 1024) };
	};
}

export function quantile(values: number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export const median = (values: number[]) => quantile(values, 0.5);

/** Runs `fn` `n` times in a row: milliseconds of each run. */
export async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		const t = performance.now();
		await fn(i);
		out.push(performance.now() - t);
	}
	return out;
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
export const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

/**
 * A fresh database `name` on the server of `external` (dropped first if it exists), and the
 * environment of an app served on `port` over it, with a data folder of its own.
 */
export async function freshBenchDatabase(external: string, name: string, port: number) {
	const admin = new pg.Client({ connectionString: external });
	await admin.connect();
	await admin.query(`drop database if exists "${name}" with (force)`);
	await admin.query(`create database "${name}"`);
	await admin.end();
	const url = new URL(external);
	url.pathname = `/${name}`;
	return {
		DATABASE_URL: url.toString(),
		DATA_DIR: fs.mkdtempSync(`${os.tmpdir()}/${name}-`),
		ORIGIN: `http://localhost:${port}`
	};
}

/** Signs in to the app at `base` as a browser would; the session cookie to send. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
	const login = await fetch(`${base}/connexion`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password })
	});
	const cookie = (login.headers.getSetCookie?.() ?? [])
		.map((c) => c.split(';')[0])
		.filter(Boolean)
		.join('; ');
	if (login.status !== 303 || !cookie) throw new Error(`Login failed: HTTP ${login.status}`);
	return cookie;
}
