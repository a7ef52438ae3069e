// Benchmark of the public pages on the embedded PostgreSQL (see docs/benchmarks.md).
// Usage: npm run build && npm run bench [-- --duration 20 --connections 50]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
	options: {
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' },
		port: { type: 'string', default: '3990' },
		paths: { type: 'string', default: '/,/communaute' }
	}
});
const port = Number(values.port);
const dataDir = fs.mkdtempSync(`${os.tmpdir()}/chantiers-bench-`);
fs.chmodSync(dataDir, 0o755);

// Same Node flags as `npm start`.
const nodeFlags = JSON.parse(fs.readFileSync('package.json', 'utf8'))
	.scripts.start.split(' ')
	.filter((a) => a.startsWith('--'));
function startApp() {
	const child = spawn(process.execPath, [...nodeFlags, 'scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			LOG_LEVEL: 'warn'
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const started = Date.now();
	return new Promise((resolve, reject) => {
		child.stdout.on(
			'data',
			(b) =>
				b.toString().includes('est prêt') &&
				resolve({ child, seconds: (Date.now() - started) / 1000 })
		);
		child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
	});
}

// The first start on a fresh folder creates the cluster and does the one-time loads (seed,
// geography); the figures are taken on the next start, as the platform normally runs.
const first = await startApp();
const firstStartSeconds = first.seconds;
let app = first.child;
const firstStartMemory = () => memoryKb();
const afterFirstStart = await new Promise((resolve) =>
	setTimeout(() => resolve(firstStartMemory()), 1000)
);
app.kill('SIGTERM');
await new Promise((resolve) => app.once('exit', resolve));
const second = await startApp();
app = second.child;
const startSeconds = second.seconds;

/** Proportional set size (kB) of the app and of every PostgreSQL process of its cluster. */
function memoryKb() {
	const pss = (pid) => {
		try {
			const m = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m);
			return m ? Number(m[1]) : 0;
		} catch {
			return 0;
		}
	};
	let postgres = 0;
	for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			const environ = cmd.includes('postgres') ? fs.readlinkSync(`/proc/${pid}/cwd`) : '';
			if (cmd.includes('postgres') && (cmd.includes(dataDir) || environ.includes(dataDir))) {
				postgres += pss(pid);
			}
		} catch {
			/* process ended */
		}
	}
	return { app: pss(app.pid), postgres };
}

const results = [];
for (const path of values.paths.split(',')) {
	await autocannon({ url: `http://localhost:${port}${path}`, connections: 10, duration: 3 }); // warm-up
	let peak = { app: 0, postgres: 0, total: 0 };
	const sampler = setInterval(() => {
		const m = memoryKb();
		if (m.app + m.postgres > peak.total) peak = { ...m, total: m.app + m.postgres };
	}, 500);
	const r = await autocannon({
		url: `http://localhost:${port}${path}`,
		connections: Number(values.connections),
		duration: Number(values.duration)
	});
	clearInterval(sampler);
	results.push({
		path,
		requestsPerSecond: Math.round(r.requests.average),
		p50ms: r.latency.p50,
		p99ms: r.latency.p99,
		errors: r.errors,
		non2xx: r.non2xx,
		peakMemoryMB: {
			app: Math.round(peak.app / 1024),
			postgres: Math.round(peak.postgres / 1024),
			total: Math.round(peak.total / 1024)
		}
	});
}

app.kill('SIGTERM');
await new Promise((resolve) => app.once('exit', resolve));
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(
	JSON.stringify(
		{
			machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
			node: process.version,
			firstStartSeconds,
			idleMemoryAfterFirstStartMB: {
				app: Math.round(afterFirstStart.app / 1024),
				postgres: Math.round(afterFirstStart.postgres / 1024)
			},
			startSeconds,
			connections: Number(values.connections),
			durationSeconds: Number(values.duration),
			results
		},
		null,
		2
	)
);
