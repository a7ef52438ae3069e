// Resource search benchmark (see docs/benchmarks.md, "Ressources — recherche"): 100,000
// resources of French text (bench/ressources-data.ts) in a database of their own, kept between
// runs (filled once, migrated each time). Measures searchResources in-process (server time):
// ~200 queries of frequent and rare words, with and without filters, for a visitor, a member of
// two spaces and coordination; then the facet counts alone. Needs a PostgreSQL server:
//   DATABASE_URL=postgres://… npm run bench:ressources [-- --runs 200 --refill]
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { connect, runMigrations, type Db } from '../src/lib/server/db';
import { parseEnv } from '../src/lib/server/env';
import type { Actor } from '../src/lib/server/auth/policy';
import {
	resourceFacets,
	searchResources,
	type ResourceSearch
} from '../src/lib/modules/ressources/search.server';
import { RARE, SPACES, VOCABULARY, fillResources } from './ressources-data';
import { ms, quantile } from './cartographie-util';

const { values } = parseArgs({
	options: {
		resources: { type: 'string', default: '100000' },
		runs: { type: 'string', default: '200' },
		refill: { type: 'boolean', default: false }
	}
});
const external = process.env.DATABASE_URL;
if (!external) throw new Error('Set DATABASE_URL to a PostgreSQL server.');
const wanted = Number(values.resources);
const runs = Number(values.runs);

const name = 'chantiers_bench_ressources';
const url = new URL(external);
url.pathname = `/${name}`;
const env = parseEnv({ ...process.env, DATABASE_URL: url.toString(), DATA_DIR: os.tmpdir() });

/** The bench database, created and migrated if needed; `fresh` drops it first. */
async function open(fresh: boolean) {
	const admin = new pg.Client({ connectionString: external });
	await admin.connect();
	if (fresh) await admin.query(`drop database if exists "${name}" with (force)`);
	const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
	if (exists.rowCount === 0) await admin.query(`create database "${name}"`);
	await admin.end();
	const conn = await connect(url.toString(), 4);
	await runMigrations(conn.db);
	return conn;
}
const count = async (db: Db) =>
	Number(
		(await db.execute<{ n: number }>(sql`select count(*)::int as n from resources`)).rows[0]!.n
	);

let conn = await open(values.refill);
let have = await count(conn.db);
if (have < wanted) {
	// A database filled in part (an interrupted run) starts again from scratch.
	await conn.close();
	conn = await open(true);
	const started = performance.now();
	await fillResources(conn.db, wanted, (done) =>
		process.stdout.write(`\rfilled ${done} / ${wanted}`)
	);
	console.log(`\nfilled in ${((performance.now() - started) / 1000).toFixed(0)} s`);
	have = await count(conn.db);
} else console.log(`reusing ${have} resources of ${name}`);
const db = conn.db;
const ctx = { db, env };

const stats = (
	await db.execute<{ docs: number; size: string }>(sql`
		select count(document_text)::int as docs,
			pg_size_pretty(pg_total_relation_size('resources')) as size from resources`)
).rows[0]!;
const spaceIds = (
	await db.execute<{ id: string }>(
		sql`select id from spaces where slug like 'bench-espace-%' order by slug limit 2`
	)
).rows.map((r) => r.id);

const visitor = null;
const member: Actor = {
	userId: '00000000-0000-4000-8000-000000000001',
	role: 'membre',
	spaceRoles: Object.fromEntries(spaceIds.map((id) => [id, ['membre']]))
};
const coordination: Actor = { ...member, role: 'coordination', spaceRoles: {} };
const actors = [visitor, member, coordination];

// --- Queries: frequent, middle and rare words, two words, prefixes, typos, filters ---------
const frequent = VOCABULARY.slice(0, 12);
const middle = VOCABULARY.slice(80, 140);
const queries: ResourceSearch[] = [];
for (let i = 0; queries.length < runs; i++) {
	const pick = <T>(list: T[], salt = 0) => list[(i * 7 + salt * 13) % list.length]!;
	const kind = i % 10;
	const q =
		kind < 3
			? pick(frequent)
			: kind < 6
				? pick(middle)
				: kind === 6
					? pick(RARE)
					: kind === 7
						? `${pick(frequent)} ${pick(middle, 1)}`
						: kind === 8
							? pick(middle).slice(0, 5)
							: '';
	const filtered = i % 3 === 0;
	queries.push({
		q,
		...(filtered && i % 2 === 0 ? { kinds: ['rapport', 'fiche'] } : {}),
		...(filtered ? { themes: ['accompagnement'] } : {}),
		...(filtered && i % 4 === 0 ? { years: [2021, 2022] } : {}),
		...(i % 11 === 0 ? { spaces: ['bench-espace-3'] } : {}),
		sort: i % 9 === 0 ? 'date' : undefined,
		page: 1 + (i % 4 === 1 ? 2 : 0)
	});
}

const classOf = (i: number) =>
	[
		'frequent word',
		'frequent word',
		'frequent word',
		'middle word',
		'middle word',
		'middle word',
		'rare word',
		'two words',
		'prefix',
		'no words'
	][i % 10]!;

async function measure(label: string, fn: (query: ResourceSearch, i: number) => Promise<unknown>) {
	for (const query of queries.slice(0, 10)) await fn(query, 0); // warm-up
	const times: number[] = [];
	for (const [i, query] of queries.entries()) {
		const t = performance.now();
		await fn(query, i);
		times.push(performance.now() - t);
	}
	const p = (x: number) => ms(quantile(times, x));
	console.log(
		`${label.padEnd(34)} p50 ${p(0.5)}  p95 ${p(0.95)}  p99 ${p(0.99)}  max ${ms(Math.max(...times))}`
	);
	const classes = [...new Set(queries.map((_, i) => classOf(i)))];
	const perClass = classes.map((c) => {
		const t = times.filter((_, i) => classOf(i) === c);
		return `${c} ${ms(quantile(t, 0.5))}/${ms(quantile(t, 0.95))}`;
	});
	console.log(`  p50/p95 by kind of query: ${perClass.join(', ')}`);
	return quantile(times, 0.95);
}

console.log(
	`${have} resources (${stats.docs} with a document text, table ${stats.size}), ` +
		`${SPACES} spaces, ${queries.length} queries; ${os.cpus().length} CPUs, ` +
		`${os.cpus()[0]?.model}, Node ${process.version}`
);
let hits = 0;
const search = await measure('search (page of 20, snippets)', async (query, i) => {
	const r = await searchResources(ctx, actors[i % 3]!, query);
	hits += r.total;
});
const facets = await measure('facet counts alone', (query, i) =>
	resourceFacets(ctx, actors[i % 3]!, query)
);
await measure('search with facets (list page)', (query, i) =>
	searchResources(ctx, actors[i % 3]!, query, { facets: true })
);
console.log(`mean results per query: ${Math.round(hits / queries.length)}`);
console.log(
	`targets: search p95 < 50 ms: ${search < 50 ? 'met' : 'MISSED'}; facets p95 < 100 ms: ${facets < 100 ? 'met' : 'MISSED'}`
);
await conn.close();
