// Benchmark of the cartography (see docs/benchmarks.md, "Cartographie").
// Usage: npm run build && npm run bench:carto [-- --structures 100000]
// On the embedded PostgreSQL in a fresh folder (or --data-dir to reuse one), or on DATABASE_URL
// (a database "chantiers_bench_<N>" created on that server). Nothing is written in the repository.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openForScript } from '../src/lib/server/backup/database';
import { parseEnv } from '../src/lib/server/env';
import { ensureGeography } from '../src/lib/modules/geo/load.server';
import { ensureReferenceLists } from '../src/lib/modules/cartographie/reference.server';
import { insertExampleFiches } from '../src/lib/modules/cartographie/examples.server';
import { mapDataJson } from '../src/lib/modules/cartographie/map/map.server';
import { resolvePlace } from '../src/lib/modules/cartographie/place.server';
import { searchFiches } from '../src/lib/modules/cartographie/search.server';
import { kb, median, memorySampler, ms, quantile, startApp, timed } from './cartographie-util';
import { filterChanges, firstRenders, launch, pageLoads } from './cartographie-browser';

const { values } = parseArgs({
	options: {
		structures: { type: 'string', default: '10000' },
		port: { type: 'string', default: '4390' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '20' },
		loads: { type: 'string', default: '5' },
		'data-dir': { type: 'string' },
		keep: { type: 'boolean', default: false }
	}
});
const N = Number(values.structures);
const port = Number(values.port);
const base = `http://localhost:${port}`;
const duration = Number(values.duration);
const connections = Number(values.connections);

// --- The database -------------------------------------------------------------------------
const external = process.env.DATABASE_URL || '';
let appEnv: Record<string, string>;
let dataDir: string | null = null;
if (external) {
	const name = `chantiers_bench_${N}`;
	const admin = new pg.Client({ connectionString: external });
	await admin.connect();
	const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
	if (exists.rowCount === 0) await admin.query(`create database "${name}"`);
	await admin.end();
	const url = new URL(external);
	url.pathname = `/${name}`;
	appEnv = {
		DATABASE_URL: url.toString(),
		DATA_DIR: fs.mkdtempSync(`${os.tmpdir()}/carto-bench-`)
	};
} else {
	dataDir = values['data-dir'] ?? fs.mkdtempSync(`${os.tmpdir()}/carto-bench-`);
	fs.mkdirSync(dataDir, { recursive: true });
	fs.chmodSync(dataDir, 0o755);
	appEnv = { DATABASE_URL: '', DATA_DIR: dataDir };
}
const env = parseEnv({ ...process.env, ...appEnv });
const log = (s: string) => console.error(`[bench] ${s}`);

// First start: cluster, migrations, seed, geography. Then the fiches, inserted directly.
log(`first start (${external ? 'PostgreSQL server' : `embedded in ${dataDir}`})`);
await (await startApp(port, appEnv)).stop();
const database = await openForScript(env);
const ctx = { db: database.db, env };
await ensureGeography(ctx);
await ensureReferenceLists(ctx);
const count = async () =>
	Number(
		(
			await ctx.db.execute<{ n: number }>(
				sql`select count(*)::int as n from carto_fiches where status = 'publiee'`
			)
		).rows[0]!.n
	);
const missing = N - (await count());
if (missing > 0) {
	log(`inserting ${missing} published fiches`);
	const t = performance.now();
	await insertExampleFiches(ctx, missing, {
		prefix: 'Essai – ',
		status: 'publiee',
		seed: 1,
		revisions: false
	});
	log(`inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
	await ctx.db.execute(sql`vacuum analyze`);
}
const published = await count();

// --- (e) and the services, directly on the database (no HTTP, no cache) -------------------
const stats = (t: number[]) => ({ p50: median(t), p99: quantile(t, 0.99), max: Math.max(...t) });
const service = {
	mapAll: stats(await timed(20, () => mapDataJson(ctx, {}))),
	mapRegion: stats(
		await timed(20, () => mapDataJson(ctx, { region: '84', dimension: 'gouvernance' }))
	),
	searchAll: stats(await timed(20, () => searchFiches(ctx, {}))),
	searchFiltered: stats(
		await timed(20, () => searchFiches(ctx, { region: '84', dimension: 'gouvernance' }))
	),
	searchText: stats(await timed(20, () => searchFiches(ctx, { q: 'tiers-lieux' }))),
	maCommune: {} as Record<string, ReturnType<typeof stats>>
};
for (const typed of ['Lyon', '35000', 'Saint-Flour (15)']) {
	service.maCommune[typed] = stats(
		await timed(20, async () => {
			const place = await resolvePlace(ctx, typed, undefined);
			if (place.kind !== 'found') throw new Error(`${typed}: ${place.kind}`);
			return searchFiches(ctx, { commune: place.code });
		})
	);
}
const firstSlug = (
	await ctx.db.execute<{ slug: string }>(
		sql`select slug from carto_fiches where status = 'publiee' order by name limit 1`
	)
).rows[0]!.slug;
await database.close();

// --- The app -------------------------------------------------------------------------------
const app = await startApp(port, appEnv);
log(`app started in ${app.seconds} s`);
const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(`${base}${path}`, { headers });
const serverTiming = (h: Headers) =>
	Object.fromEntries(
		(h.get('server-timing') ?? '')
			.split(',')
			.map((p) => /^\s*(\w+).*dur=([\d.]+)/.exec(p))
			.filter((m) => m !== null)
			.map((m) => [m[1]!, Number(m[2])])
	) as Record<string, number>;

// (a) carte.json: every request a new search for the cache (an unknown parameter), 50 in a row.
const mapTimes = { client: [] as number[], server: [] as number[], db: [] as number[] };
const sampleMemory = memorySampler(app.child.pid!, dataDir);
for (let i = 0; i < 55; i++) {
	const t = performance.now();
	const r = await get(`/cartographie/carte.json?_=${i}`, { 'accept-encoding': 'gzip, br' });
	await r.arrayBuffer();
	if (i < 5) continue; // warm-up
	mapTimes.client.push(performance.now() - t);
	const st = serverTiming(r.headers);
	mapTimes.server.push(st.total ?? NaN);
	mapTimes.db.push(st.db ?? NaN);
}
// Bytes on the wire (fetch would decompress).
const sizeOf = (encoding: string) =>
	new Promise<{ bytes: number; encoding: string | undefined }>((resolve, reject) => {
		http
			.get(
				`${base}/cartographie/carte.json?size=1`,
				{ headers: { 'accept-encoding': encoding } },
				(res) => {
					let bytes = 0;
					res.on('data', (b: Buffer) => (bytes += b.length));
					res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] }));
				}
			)
			.on('error', reject);
	});
const sizes = {
	raw: await sizeOf('identity'),
	gzip: await sizeOf('gzip'),
	br: await sizeOf('gzip, br')
};
const first = await get('/cartographie/carte.json');
await first.arrayBuffer();
const revalidated = await get('/cartographie/carte.json', {
	'if-none-match': first.headers.get('etag') ?? ''
});
const cachedHits = await timed(20, async () => {
	const r = await get('/cartographie/carte.json', { 'accept-encoding': 'gzip, br' });
	await r.arrayBuffer();
});
// Memory under concurrent map requests, each a search the server must build.
let mapCounter = 0;
const mapLoad = await autocannon({
	url: `${base}/cartographie/carte.json`,
	connections: 10,
	duration: 10,
	headers: { 'accept-encoding': 'gzip, br' },
	requests: [
		{ setupRequest: (r) => ({ ...r, path: `/cartographie/carte.json?_=m${mapCounter++}` }) }
	]
});
const mapMemory = sampleMemory();

// (b) and (c) in Chromium.
log('browser');
const browser = await launch();
const renders = await firstRenders(browser, base, Number(values.loads));
const filters = await filterChanges(browser, base);
const pages = await pageLoads(browser, base, [
	['/cartographie', true],
	['/cartographie?page=100', true],
	[`/cartographie/${firstSlug}`, true],
	['/cartographie?lieu=Lyon', true],
	['/cartographie/integree', true]
]);
await browser.close();

// (d) the list page with its facets under load: the same URL (the visitors' cache answers
// almost every request), then every request a search computed by the server.
log('list page under load');
const filterSets = [
	'',
	'dimension=gouvernance',
	'region=84',
	'type=tiers_lieu&region=84',
	'departement=69',
	'modalite=collectif&etape=emergence',
	'q=alimentation',
	'cout=gratuit&dimension=modele_economique',
	'page=3'
];
async function listLoad(varied: boolean) {
	let n = 0;
	await autocannon({ url: `${base}/cartographie`, connections: 10, duration: 3 }); // warm-up
	const sample = memorySampler(app.child.pid!, dataDir);
	const r = await autocannon({
		url: `${base}/cartographie`,
		connections,
		duration,
		requests: varied
			? [
					{
						setupRequest: (req) => ({
							...req,
							path: `/cartographie?${filterSets[n % filterSets.length]}&_=${n++}`
						})
					}
				]
			: undefined
	});
	return {
		requestsPerSecond: Math.round(r.requests.average),
		p50: r.latency.p50,
		p99: r.latency.p99,
		errors: r.errors,
		non2xx: r.non2xx,
		memory: sample()
	};
}
const listCached = await listLoad(false);
const listVaried = await listLoad(true);

// (e) "Ma commune" through the page, each request computed.
const communePage = await timed(30, async (i) => {
	const r = await get(`/cartographie?lieu=Lyon&_=${i}`);
	await r.arrayBuffer();
	if (!r.ok) throw new Error(`lieu=Lyon: ${r.status}`);
});

await app.stop();
if (!values.keep && !values['data-dir'] && dataDir) {
	fs.rmSync(dataDir, { recursive: true, force: true });
}

// --- Report --------------------------------------------------------------------------------
const row = (what: string, value: string, target: string, met: boolean | null) =>
	`| ${what} | ${value} | ${target} | ${met === null ? '' : met ? 'met' : 'not met'} |`;
const renderTimes = renders.map((r) => r.ready);
const filterTimes = filters.changes.map((c) => c.ms);
const commune = service.maCommune['Lyon']!;
const lines = [
	`Published fiches: ${published.toLocaleString('en')}; ${os.cpus().length} × ${os.cpus()[0]?.model}, ` +
		`${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
		`${external ? 'PostgreSQL server' : 'embedded PostgreSQL'}`,
	'',
	'| Measure | Result | Target | |',
	'| --- | --- | --- | --- |',
	row(
		'Map data, server time p50 / p99 (built, not cached)',
		`${ms(median(mapTimes.server))} / ${ms(quantile(mapTimes.server, 0.99))} (database ${ms(median(mapTimes.db))})`,
		'< 50 ms',
		quantile(mapTimes.server, 0.99) < 50
	),
	row(
		'Map data, client latency p50 / p99',
		`${ms(median(mapTimes.client))} / ${ms(quantile(mapTimes.client, 0.99))}`,
		'',
		null
	),
	row(
		'Map data, size raw / gzip / brotli',
		`${kb(sizes.raw.bytes)} / ${kb(sizes.gzip.bytes)} / ${kb(sizes.br.bytes)}`,
		'< 300 KB gzip',
		sizes.gzip.bytes < 300 * 1024
	),
	row(
		'Map data, cached p50; revalidation',
		`${ms(median(cachedHits))}; ${revalidated.status}`,
		'',
		null
	),
	row(
		`First map render with clusters, median of ${renders.length} cold loads`,
		`${ms(median(renderTimes))} (min ${ms(Math.min(...renderTimes))}, max ${ms(Math.max(...renderTimes))})`,
		'< 1.5 s',
		median(renderTimes) < 1500
	),
	row(
		'Filter change → list and map updated, median / max',
		`${ms(median(filterTimes))} / ${ms(Math.max(...filterTimes))}`,
		'< 150 ms',
		Math.max(...filterTimes) < 150
	),
	row(
		`List page, ${connections} connections, same URL (visitors' cache): p50 / p99, req/s`,
		`${listCached.p50} ms / ${listCached.p99} ms, ${listCached.requestsPerSecond}`,
		'p99 < 100 ms',
		listCached.p99 < 100 && listCached.errors === 0
	),
	row(
		`List page, ${connections} connections, every request computed: p50 / p99, req/s`,
		`${listVaried.p50} ms / ${listVaried.p99} ms, ${listVaried.requestsPerSecond}`,
		'p99 < 100 ms',
		listVaried.p99 < 100 && listVaried.errors === 0
	),
	row(
		'"Ma commune" (Lyon), service: resolution + covering search p50 / p99',
		`${ms(commune.p50)} / ${ms(commune.p99)}`,
		'< 30 ms',
		commune.p50 < 30
	),
	row(
		'"Ma commune" page `?lieu=Lyon`, computed, p50 / p99',
		`${ms(median(communePage))} / ${ms(quantile(communePage, 0.99))}`,
		'',
		null
	)
];
console.log(lines.join('\n'));
console.log(
	JSON.stringify(
		{
			published,
			appStartSeconds: app.seconds,
			service,
			map: { ...mapTimes, sizes, revalidatedStatus: revalidated.status, cachedHits },
			mapUnderLoad: {
				requestsPerSecond: Math.round(mapLoad.requests.average),
				p50: mapLoad.latency.p50,
				p99: mapLoad.latency.p99,
				errors: mapLoad.errors,
				non2xx: mapLoad.non2xx,
				peakMemory: mapMemory
			},
			renders,
			filters,
			pages,
			listCached,
			listVaried,
			communePage
		},
		(_k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v),
		2
	)
);
