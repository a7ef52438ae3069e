// Space home benchmark (see docs/benchmarks.md, "Space home"): a seeded chantier's home with 200
// more actions and 2,000 activity entries, under 20 concurrent connections, for a visitor and for
// a signed-in member of the space. Needs a PostgreSQL server and the built app:
//   npm run build && DATABASE_URL=postgres://… npm run bench:spaces [-- --duration 20]
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openForScript } from '../src/lib/server/backup/database';
import { parseEnv } from '../src/lib/server/env';
import { hashPassword } from '../src/lib/server/auth/passwords';
import { freshBenchDatabase, ms, signIn, startApp } from './cartographie-util';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4420' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '20' },
		slug: { type: 'string', default: 'chantier-1-competences-metiers' }
	}
});
const external = process.env.DATABASE_URL;
if (!external) throw new Error('Set DATABASE_URL to a PostgreSQL server.');
const port = Number(values.port);
const base = `http://localhost:${port}`;
const slug = values.slug;

const appEnv = await freshBenchDatabase(external, 'chantiers_bench_spaces', port);
const env = parseEnv({ ...process.env, ...appEnv });
const app = await startApp(port, appEnv); // migrates and seeds
const database = await openForScript(env);
const db = database.db;

// --- Data: the seeded chantier, 200 more actions, 2,000 activity entries, one member --------
const {
	rows: [space]
} = await db.execute<{ id: string }>(sql`select id from spaces where slug = ${slug}`);
if (!space) throw new Error(`No space ${slug}`);
await db.execute(sql`
	insert into roadmap_actions (space_id, objective_id, title, status, position)
	select ${space.id}, o.id, 'Action de mesure ' || n,
	       (array['a_faire','en_cours','fait','abandonnee'])[1 + n % 4]::action_status, n
	from generate_series(1, 200) n
	join lateral (
		select id from space_objectives where space_id = ${space.id}
		order by position, id offset (n % (select count(*) from space_objectives where space_id = ${space.id})) limit 1
	) o on true`);
await db.execute(sql`
	insert into space_activity (space_id, kind, title, path, visibility, at)
	select ${space.id}, 'page.saved', 'Page « Mesure ' || n || ' » modifiée', '/chantiers/' || ${slug},
	       (array['public','members','space'])[1 + n % 3]::page_visibility,
	       now() - make_interval(mins => n * 17)
	from generate_series(1, 2000) n`);
const email = 'bench-membre@example.org';
const password = 'une phrase de passe pour la mesure';
const {
	rows: [member]
} = await db.execute<{ id: string }>(sql`
	insert into users (email, name, role, status, password_hash)
	values (${email}, 'Membre de mesure', 'membre', 'active', ${await hashPassword(password)})
	returning id`);
await db.execute(
	sql`insert into space_members (space_id, user_id, role) values (${space.id}, ${member!.id}, 'membre')`
);
// A member of a space has accepted the current charter (otherwise every page asks for it).
await db.execute(sql`
	insert into charter_acceptances (user_id, version)
	select ${member!.id}, max(version) from charter_versions having max(version) is not null`);
const {
	rows: [counts]
} = await db.execute<{ actions: number; activity: number }>(sql`
	select (select count(*)::int from roadmap_actions where space_id = ${space.id}) as actions,
	       (select count(*)::int from space_activity where space_id = ${space.id}) as activity`);
await db.execute(sql`analyze`);

// --- Signing in -----------------------------------------------------------------------------
const cookie = await signIn(base, email, password);

const path = `/chantiers/${slug}`;
async function check(headers: Record<string, string>, expected: RegExp) {
	const r = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
	const body = await r.text();
	if (r.status !== 200 || !expected.test(body)) {
		throw new Error(`Unexpected home page (HTTP ${r.status})`);
	}
	return body.length;
}
// The visitor sees the summary; the member sees progress and the latest activity.
const visitorBytes = await check({}, /Connectez-vous pour demander/);
const memberBytes = await check({ cookie }, /Dernières activités[\s\S]*actions? faites? sur/);

async function load(headers: Record<string, string>) {
	await autocannon({ url: `${base}${path}`, connections: 5, duration: 3, headers }); // warm-up
	const r = await autocannon({
		url: `${base}${path}`,
		connections: Number(values.connections),
		duration: Number(values.duration),
		headers
	});
	return {
		requests: r.requests.total,
		rps: Math.round(r.requests.average),
		p50: r.latency.p50,
		p97_5: r.latency.p97_5,
		p99: r.latency.p99,
		max: r.latency.max,
		errors: r.errors + r.timeouts + r.non2xx
	};
}
const visitor = await load({});
const signedIn = await load({ cookie });

const show = (who: string, s: typeof visitor, bytes: number) =>
	`${who}: ${s.requests} requests, ${s.rps} req/s, p50 ${ms(s.p50)}, p97.5 ${ms(s.p97_5)}, ` +
	`p99 ${ms(s.p99)}, max ${ms(s.max)}, errors ${s.errors}, page ${Math.round(bytes / 1024)} KB`;
console.log(`space ${slug}: ${counts!.actions} actions, ${counts!.activity} activity entries`);
console.log(
	`${values.connections} connections, ${values.duration} s each, on ${os.cpus().length} CPUs`
);
console.log(show('visitor', visitor, visitorBytes));
console.log(show('member of the space', signedIn, memberBytes));
await database.close();
await app.stop();
