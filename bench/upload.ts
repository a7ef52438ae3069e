// Upload benchmark (see docs/benchmarks.md, "Ressources — envoi de fichiers"): a signed-in member
// sends a 50 Mo file through the new resource form (POST /ressources/nouveau?/create) of the
// built app, while the server's resident memory (VmRSS of /proc/<pid>/status) is sampled every
// 20 ms: before, at its peak during the upload, and after. Needs a PostgreSQL server:
//   npm run build && DATABASE_URL=postgres://… npm run bench:upload [-- --mb 50 --runs 3]
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openForScript } from '../src/lib/server/backup/database';
import { parseEnv } from '../src/lib/server/env';
import { hashPassword } from '../src/lib/server/auth/passwords';
import { freshBenchDatabase, signIn, startApp } from './cartographie-util';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4301' },
		mb: { type: 'string', default: '50' },
		runs: { type: 'string', default: '3' }
	}
});
const external = process.env.DATABASE_URL;
if (!external) throw new Error('Set DATABASE_URL to a PostgreSQL server.');
const port = Number(values.port);
const base = `http://localhost:${port}`;
const MiB = 1024 * 1024;
const size = Number(values.mb) * MiB;

const appEnv = await freshBenchDatabase(external, 'chantiers_bench_upload', port);
const env = parseEnv({ ...process.env, ...appEnv });
const app = await startApp(port, appEnv); // migrates and seeds
const database = await openForScript(env);
const db = database.db;

const rssKb = () => {
	const m = fs.readFileSync(`/proc/${app.child.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m);
	return m ? Number(m[1]) : 0;
};
const mb = (kb: number) => (kb / 1024).toFixed(1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- A member, signed in ----------------------------------------------------------------------
const email = 'bench-upload@example.org';
const password = 'une phrase de passe pour la mesure';
const {
	rows: [member]
} = await db.execute<{ id: string }>(sql`
	insert into users (email, name, role, status, password_hash)
	values (${email}, 'Membre de mesure', 'membre', 'active', ${await hashPassword(password)})
	returning id`);
await db.execute(sql`
	insert into charter_acceptances (user_id, version)
	select ${member!.id}, max(version) from charter_versions having max(version) is not null`);
const cookie = await signIn(base, email, password);

// --- The file: an MP4 (ftyp box, then one mdat box of zeros), accepted, nothing to extract ----
function mp4(bytes: number) {
	const file = new Uint8Array(bytes);
	const view = new DataView(file.buffer);
	view.setUint32(0, 24);
	file.set(new TextEncoder().encode('ftypisom'), 4);
	view.setUint32(12, 0x200);
	file.set(new TextEncoder().encode('isomiso2'), 16);
	view.setUint32(24, bytes - 24);
	file.set(new TextEncoder().encode('mdat'), 28);
	return new Blob([file], { type: 'video/mp4' });
}

async function post(blob: Blob, title: string) {
	const form = new FormData();
	form.append('title', title);
	form.append('kind', 'video');
	form.append('description', 'Fichier de mesure.');
	form.append('licence', 'CC-BY-SA-4.0');
	form.append('language', 'fr');
	form.append('visibility', 'members');
	form.append('file', blob, 'mesure.mp4');
	return fetch(`${base}/ressources/nouveau?/create`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, cookie, accept: 'text/html' },
		body: form
	});
}

async function upload(blob: Blob, title: string) {
	const res = await post(blob, title);
	await res.arrayBuffer();
	const location = res.headers.get('location') ?? '';
	if (res.status !== 303 || !location.startsWith('/ressources/')) {
		throw new Error(`Upload refused: HTTP ${res.status} ${location}`);
	}
	return location.slice('/ressources/'.length);
}

// Warm-up: the form's page and a small upload load every module the measured upload needs.
await (await fetch(`${base}/ressources/nouveau`, { headers: { cookie } })).arrayBuffer();
await upload(mp4(64 * 1024), 'Échauffement');
await sleep(2000);

const blob = mp4(size);
const rows: { before: number; peak: number; after: number; seconds: number }[] = [];
for (let run = 1; run <= Number(values.runs); run++) {
	const before = rssKb();
	let peak = before;
	const timer = setInterval(() => (peak = Math.max(peak, rssKb())), 20);
	const started = performance.now();
	const slug = await upload(blob, `Mesure d’envoi ${run}`);
	const seconds = (performance.now() - started) / 1000;
	clearInterval(timer);
	peak = Math.max(peak, rssKb());
	await sleep(2000);
	const after = rssKb();
	const {
		rows: [row]
	} = await db.execute<{ file_size: number; file_type: string }>(
		sql`select file_size, file_type from resources where slug = ${slug}`
	);
	if (!row || Number(row.file_size) !== size || row.file_type !== 'video/mp4') {
		throw new Error(`Stored file of ${slug} is ${row?.file_size} bytes of ${row?.file_type}`);
	}
	rows.push({ before, peak, after, seconds });
}

// A file 2 Mo over the limit: cut while it streams, the form comes back with the French message.
const over = mp4(size + 2 * MiB);
const overBefore = rssKb();
let overPeak = overBefore;
const overTimer = setInterval(() => (overPeak = Math.max(overPeak, rssKb())), 20);
const refused = await post(over, 'Trop gros');
const page = await refused.text();
clearInterval(overTimer);
const expected = `Le fichier dépasse ${values.mb} Mo.`;
if (refused.status !== 400 || !page.includes(expected)) {
	throw new Error(`Over the limit: HTTP ${refused.status}, message ${page.includes(expected)}`);
}
const {
	rows: [left]
} = await db.execute<{ n: number }>(
	sql`select count(*)::int as n from resources where title = 'Trop gros'`
);
const kept = new Set(
	(
		await db.execute<{ k: string }>(
			sql`select file_key as k from resources where file_key is not null`
		)
	).rows.map((r) => r.k)
);
const filesLeft = fs
	.readdirSync(`${appEnv.DATA_DIR}/files`, { recursive: true, withFileTypes: true })
	.filter((e) => e.isFile())
	.map((e) => `${e.parentPath}/${e.name}`.slice(`${appEnv.DATA_DIR}/files/`.length))
	.filter((k) => !kept.has(k) && k.startsWith('ressources/')).length;

console.log(
	`${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; ` +
		`file of ${values.mb} Mo (${size.toLocaleString('en')} bytes) through POST /ressources/nouveau?/create`
);
console.log('run | RSS before | RSS peak during | growth | RSS 2 s after | upload time');
for (const [i, r] of rows.entries()) {
	console.log(
		`${i + 1} | ${mb(r.before)} MB | ${mb(r.peak)} MB | +${mb(r.peak - r.before)} MB | ` +
			`${mb(r.after)} MB | ${r.seconds.toFixed(2)} s`
	);
}
console.log(
	`over the limit (${values.mb} Mo + 2 Mo): HTTP ${refused.status} « ${expected} », ` +
		`RSS ${mb(overBefore)} → peak ${mb(overPeak)} MB (+${mb(overPeak - overBefore)} MB), ` +
		`${left!.n} resource row, ${filesLeft} files left in storage`
);
const worst = Math.max(...rows.map((r) => r.peak - r.before), overPeak - overBefore);
console.log(`largest growth: ${mb(worst)} MB (goal: under 20 MB)`);

await database.close();
await app.stop();
fs.rmSync(appEnv.DATA_DIR, { recursive: true, force: true });
if (worst > 20 * 1024) process.exitCode = 1;
