// iCalendar feeds benchmark (see docs/benchmarks.md, "Agenda — iCalendar"): 5,000 events over
// three years (30 weekly series of 40 occurrences and single events, a mix of visibilities) in a
// fresh database, then the feed services in-process, as the routes call them: the public feed
// (its window set so that it holds 1,000 events), a space's feed and a member's personal feed.
// Needs a PostgreSQL server:
//   DATABASE_URL=postgres://… npx tsx bench/agenda-ical.ts [--runs 100]
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { connect, runMigrations } from '../src/lib/server/db';
import { parseEnv } from '../src/lib/server/env';
import {
	feedTokenFor,
	personalFeed,
	publicFeed,
	spaceFeed,
	type Feed
} from '../src/lib/modules/agenda/ical/feeds.server';
import { ms, quantile, timed } from './cartographie-util';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '100' }, events: { type: 'string', default: '5000' } }
});
const external = process.env.DATABASE_URL;
if (!external) throw new Error('Set DATABASE_URL to a PostgreSQL server.');
const runs = Number(values.runs);
const total = Number(values.events);

const name = 'chantiers_bench_agenda_ical';
const admin = new pg.Client({ connectionString: external });
await admin.connect();
await admin.query(`drop database if exists "${name}" with (force)`);
await admin.query(`create database "${name}"`);
await admin.end();
const url = new URL(external);
url.pathname = `/${name}`;
const conn = await connect(url.toString(), 5);
await runMigrations(conn.db);
const db = conn.db;
const env = parseEnv({
	DATABASE_URL: url.toString(),
	DATA_DIR: fs.mkdtempSync(`${os.tmpdir()}/agenda-ical-bench-`),
	ORIGIN: 'https://agenda.example.org'
});
const ctx = { db, env };

// --- Data: 12 spaces, 30 weekly series × 40, single events to 5,000 -------------------------
const series = 30;
const perSeries = 40;
await db.execute(sql`
	insert into spaces (slug, kind, number, title)
	select 'chantier-' || n, 'chantier', n, 'Chantier ' || n from generate_series(1, 12) n`);
await db.execute(sql`
	insert into event_series (rrule, dtstart_local, duration_minutes, exdates)
	select 'FREQ=WEEKLY;COUNT=40', '2025-01-0' || (1 + k % 7) || 'T18:00', 120,
	       array[(timestamp '2025-01-01 18:00' + make_interval(days => (k % 7 + 14)::int)) at time zone 'Europe/Paris']
	from generate_series(1, ${series}) k`);
await db.execute(sql`
	with s as (select id, dtstart_local, row_number() over (order by id) as k from event_series)
	insert into events (slug, kind, title, description, starts_at, ends_at, visibility, series_id,
	                    recurrence_id, detached, place_name, address)
	select 'serie-' || s.k || '-' || w, 'reunion_chantier', 'Réunion hebdomadaire ' || s.k,
	       '## Ordre du jour' || chr(10) || chr(10) || '- **Point** d’avancement' || chr(10) || '- [Compte-rendu](https://example.org/cr)',
	       t, t + interval '2 hours', (array['public','public','members'])[1 + s.k % 3]::page_visibility,
	       s.id, t, w % 10 = 5, 'Salle ' || s.k, s.k || ' rue de la Coopération'
	from s, generate_series(0, ${perSeries - 1}) w,
	     lateral (select (s.dtstart_local::timestamp + make_interval(days => (7 * w)::int)) at time zone 'Europe/Paris' as t) x
	where w <> 2`);
const [made] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from events`)).rows;
const singles = total - made!.n;
await db.execute(sql`
	insert into events (slug, kind, title, description, starts_at, ends_at, all_day, visibility, status, place_name)
	select 'evenement-' || n,
	       (array['reunion_chantier','copil','interchantiers','webinaire','externe'])[1 + n % 5]::event_kind,
	       'Événement ' || n, 'Une rencontre **ouverte** : [programme](https://example.org/p/' || n || ').',
	       t, case when n % 25 = 0 then t + interval '1 day' else t + interval '2 hours' end, n % 25 = 0,
	       (array['public','public','members','space'])[1 + n % 4]::page_visibility,
	       case when n % 40 = 0 then 'annule' else 'confirme' end::event_status, 'Salle ' || (n % 50)
	from generate_series(1, ${singles}) n,
	     lateral (select timestamptz '2024-01-01 08:00+01' + make_interval(mins => (n::bigint * 1096 * 1440 / ${singles})::int) as t) x`);
await db.execute(sql`
	with sp as (select id, number - 1 as i from spaces),
	     ev as (select id, row_number() over (order by starts_at, id) as n from events)
	insert into event_spaces (event_id, space_id)
	select ev.id, sp.id from ev join sp on sp.i = ev.n % 12
	union select ev.id, sp.id from ev join sp on sp.i = (ev.n + 3) % 12 where ev.n % 10 = 0`);
const [user] = (
	await db.execute<{ id: string }>(sql`
	insert into users (email, name, role, status) values ('membre@example.org', 'Membre', 'membre', 'active')
	returning id`)
).rows;
await db.execute(sql`
	insert into space_members (space_id, user_id, role)
	select id, ${user!.id}, 'membre' from spaces where number in (1, 2)`);
await db.execute(sql`
	insert into event_registrations (event_id, user_id, name, email, status)
	select id, ${user!.id}, 'Membre', 'membre@example.org', 'confirmee'
	from events where visibility = 'public' and starts_at > '2025-06-01' order by starts_at limit 30`);
await db.execute(sql`vacuum analyze`);

// The public feed holds the events that end after « now − 183 days »: put « now » where that
// gives 1,000 public events.
const [edge] = (
	await db.execute<{ t: string }>(sql`
	select ends_at::text as t from events where visibility = 'public'
	order by ends_at desc offset 999 limit 1`)
).rows;
const now = new Date(new Date(edge!.t).getTime() + 183 * 86_400_000);
const token = await feedTokenFor(ctx, {
	userId: user!.id,
	role: 'membre',
	spaceRoles: {}
});

const lines: string[] = [];
async function measure(label: string, fn: () => Promise<Feed>) {
	let last: Feed | undefined;
	const run = async () => {
		last = await fn();
	};
	await timed(5, run);
	const t = await timed(runs, run);
	lines.push(
		`${label}: ${last!.count} events, ${Math.round(last!.body.length / 1024)} KB — p50 ${ms(quantile(t, 0.5))}, ` +
			`p95 ${ms(quantile(t, 0.95))}, p99 ${ms(quantile(t, 0.99))} (${t.length} runs)`
	);
}
await measure('public feed', () => publicFeed(ctx, now));
await measure('space feed (chantier-1)', () => spaceFeed(ctx, 'chantier-1', now));
await measure('personal feed (2 spaces, 30 registrations)', () => personalFeed(ctx, token, now));

const [count] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from events`)).rows;
console.log(
	`${count!.n} events; ${os.cpus().length} CPUs, load ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);
for (const line of lines) console.log(line);
await conn.close();
