import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbedded } from '../../src/lib/server/db/embedded';

const dirs: string[] = [];
const tmp = (prefix: string) => {
	const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	dirs.push(d);
	return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function rows(url: string) {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	const r = await c.query('select name from survivors');
	await c.end();
	return r.rows.map((x) => x.name);
}

describe('embedded PostgreSQL', () => {
	it('comes back with every committed row after the app is killed with SIGKILL', async () => {
		const parent = tmp('chantiers-kill-');
		fs.chmodSync(parent, 0o755);
		const dataDir = path.join(parent, 'data');
		// Node runs the script itself (the tsx launcher would fork): SIGKILL must hit the app.
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'tests/helpers/embedded-child.ts', dataDir],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		await new Promise<void>((resolve, reject) => {
			child.stdout!.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
			child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
		});
		child.kill('SIGKILL');
		await new Promise((r) => child.once('exit', r));
		// The postmaster outlived its parent and still holds the data directory.
		expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

		const server = await startEmbedded({ dataDir, log: () => undefined });
		try {
			expect(await rows(server.url)).toEqual(['avant le kill -9']);
		} finally {
			await server.stop();
		}
	});

	it.runIf(process.getuid?.() === 0)(
		'starts as root from a folder the postgres user cannot reach',
		async () => {
			const root = tmp('chantiers-private-');
			fs.chmodSync(root, 0o700);
			const dataDir = path.join(root, 'data');
			const logs: string[] = [];
			const server = await startEmbedded({ dataDir, log: (l) => logs.push(l) });
			try {
				expect(server.pgdata.startsWith(root)).toBe(false);
				expect(fs.readFileSync(path.join(dataDir, 'postgres-location.txt'), 'utf8')).toContain(
					server.pgdata
				);
				expect(logs.join('\n')).toContain(server.pgdata);
				const c = new pg.Client({ connectionString: server.url });
				await c.connect();
				const r = await c.query("select current_setting('data_directory') as dir");
				await c.end();
				expect(r.rows[0].dir).toBe(server.pgdata);
			} finally {
				await server.stop();
				spawnSync('rm', ['-rf', path.dirname(server.pgdata)]);
			}
		}
	);
});
