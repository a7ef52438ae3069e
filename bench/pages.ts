// Wiki benchmark: the history of a page with 1,000 revisions (service and HTTP page) and a word
// diff of two 50 KB revisions. Needs a PostgreSQL server:
//   DATABASE_URL=postgres://… npx tsx bench/pages.ts   (uses the built app for the HTTP part)
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openForScript } from '../src/lib/server/backup/database';
import { parseEnv } from '../src/lib/server/env';
import { pageHistory, rootScope } from '../src/lib/modules/pages/wiki.server';
import { wordDiff } from '../src/lib/modules/pages/word-diff';
import { median, ms, quantile, startApp, timed } from './cartographie-util';

const external = process.env.DATABASE_URL;
if (!external) throw new Error('Set DATABASE_URL to a PostgreSQL server.');
const name = 'chantiers_bench_pages';
const admin = new pg.Client({ connectionString: external });
await admin.connect();
await admin.query(`drop database if exists "${name}" with (force)`);
await admin.query(`create database "${name}"`);
await admin.end();
const url = new URL(external);
url.pathname = `/${name}`;
const appEnv = {
	DATABASE_URL: url.toString(),
	DATA_DIR: fs.mkdtempSync(`${os.tmpdir()}/pages-bench-`)
};
const env = parseEnv({ ...process.env, ...appEnv });
const port = 4390;
const app = await startApp(port, appEnv); // migrates and seeds
const database = await openForScript(env);
const ctx = { db: database.db, env };

// A public root page with 1,000 revisions, inserted directly.
const [page] = (
	await ctx.db.execute<{ id: string }>(
		sql`insert into pages (slug, title, body, visibility, revision)
		    values ('bench-historique', 'Historique long', 'texte', 'public', 1000) returning id`
	)
).rows;
await ctx.db.execute(sql`insert into page_revisions (page_id, number, title, body, summary)
	select ${page!.id}, n, 'Historique long', repeat('mot ', 200) || n, 'modification ' || n
	from generate_series(1, 1000) n`);
await ctx.db.execute(sql`analyze`);

const stats = (t: number[]) => ({ p50: median(t), p99: quantile(t, 0.99), max: Math.max(...t) });
const service = stats(
	await timed(50, () => pageHistory(ctx, null, rootScope, 'bench-historique', 1))
);
const lastPage = stats(
	await timed(20, () => pageHistory(ctx, null, rootScope, 'bench-historique', 20))
);
const httpTimes = await timed(30, async () => {
	const r = await fetch(`http://127.0.0.1:${port}/pages/bench-historique/historique`);
	if (!r.ok) throw new Error(`HTTP ${r.status}`);
	await r.text();
});
const http = stats(httpTimes.slice(5));

// Two 50 KB pages of 100 paragraphs: one paragraph in ten rewritten (one word in five), and
// the worst case, one line with one word in twenty changed everywhere.
const paragraph = (p: number, changed: boolean) =>
	Array.from({ length: 85 }, (_, i) =>
		changed && i % 5 === 0 ? `autre${i}` : `mot${(i + p) % 97}`
	).join(' ');
const pageText = (edit: boolean) =>
	Array.from({ length: 100 }, (_, p) => paragraph(p, edit && p % 10 === 0))
		.join('\n\n')
		.slice(0, 50 * 1024);
const diff = stats(await timed(10, async () => wordDiff(pageText(false), pageText(true))));
const words = (k: number) =>
	Array.from({ length: 8000 }, (_, i) => (i % 20 === k ? `autre${i}` : `mot${i % 97}`)).join(' ');
const worst = stats(
	await timed(5, async () => wordDiff(words(3).slice(0, 51200), words(7).slice(0, 51200)))
);

const show = (s: ReturnType<typeof stats>) =>
	`p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`;
console.log(`history (service, first 50 of 1,000): ${show(service)}`);
console.log(`history (service, page 20): ${show(lastPage)}`);
console.log(`history (HTTP page): ${show(http)}`);
console.log(`word diff of two 50 KB revisions (10 of 100 paragraphs changed): ${show(diff)}`);
console.log(`word diff, worst case (one 50 KB line, changes everywhere): ${show(worst)}`);
console.log(`sizes: ${pageText(false).length} and ${pageText(true).length} characters`);
await database.close();
await app.stop();
