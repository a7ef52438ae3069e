// Agenda benchmark (see docs/benchmarks.md, "Agenda"): 5,000 events over three years, with
// their spaces and 30 monthly series, in a fresh database. Measures the month view service
// in-process (server time) for a visitor, a member of two spaces and coordination, then the
// month page over HTTP with autocannon against the built app, and the iCalendar file of 1,000
// events as a feed builds it. Needs a PostgreSQL server:
//   npm run build && DATABASE_URL=postgres://… npm run bench:agenda [-- --runs 500 --duration 20]
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openForScript } from '../src/lib/server/backup/database';
import { parseEnv } from '../src/lib/server/env';
import type { Actor } from '../src/lib/server/auth/policy';
import { monthView, listEvents } from '../src/lib/modules/agenda/views.server';
import { shiftMonth } from '../src/lib/modules/agenda/calendar';
import { calendarRows, calendarSite } from '../src/lib/modules/agenda/ical/rows.server';
import { buildCalendar } from '../src/lib/modules/agenda/ical/build';
import { freshBenchDatabase, ms, quantile, startApp, timed } from './cartographie-util';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4430' },
		events: { type: 'string', default: '5000' },
		runs: { type: 'string', default: '500' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '20' }
	}
});
const external = process.env.DATABASE_URL;
if (!external) throw new Error('Set DATABASE_URL to a PostgreSQL server.');
const port = Number(values.port);
const base = `http://localhost:${port}`;
const total = Number(values.events);

const appEnv = await freshBenchDatabase(external, 'chantiers_bench_agenda', port);
const env = parseEnv({ ...process.env, ...appEnv });
const app = await startApp(port, appEnv); // migrates and seeds
const database = await openForScript(env);
const db = database.db;
const ctx = { db, env };

// --- Data -------------------------------------------------------------------------------------
// 30 series of 24 monthly occurrences (first Tuesday-ish, 18:00 Paris), then single events
// spread over 2024–2026: every 25th lasts three days, every 40th is cancelled, a mix of
// visibilities; each event has one space, every tenth two.
const started = performance.now();
const seeded = Number(
	(await db.execute<{ n: number }>(sql`select count(*)::int as n from events`)).rows[0]!.n
);
const series = 30;
const perSeries = 24;
await db.execute(sql`
	insert into event_series (rrule, dtstart_local, duration_minutes)
	select 'FREQ=MONTHLY;BYDAY=1TU;COUNT=24', '2024-01-02T18:00', 120 from generate_series(1, ${series})`);
await db.execute(sql`
	with s as (select id, row_number() over (order by id) as k from event_series)
	insert into events (slug, kind, title, starts_at, ends_at, visibility, series_id, recurrence_id)
	select 'bench-serie-' || s.k || '-' || m, 'reunion_chantier', 'Réunion mensuelle ' || s.k,
	       t, t + interval '2 hours',
	       (array['public','members','space'])[1 + s.k % 3]::page_visibility, s.id, t
	from s, generate_series(0, ${perSeries - 1}) m,
	     lateral (select (timestamp '2024-01-02 18:00' + make_interval(months => m::int, days => (s.k % 7)::int))
	                     at time zone 'Europe/Paris' as t) x`);
const singles = total - series * perSeries;
await db.execute(sql`
	insert into events (slug, kind, title, starts_at, ends_at, all_day, visibility, status, place_name)
	select 'bench-' || n,
	       (array['reunion_chantier','copil','interchantiers','webinaire','externe'])[1 + n % 5]::event_kind,
	       'Événement de mesure ' || n, t,
	       case when n % 25 = 0 then t + interval '3 days' else t + interval '2 hours' end,
	       n % 25 = 0,
	       (array['public','public','members','space'])[1 + n % 4]::page_visibility,
	       case when n % 40 = 0 then 'annule' else 'confirme' end::event_status,
	       'Salle ' || (n % 50)
	from generate_series(1, ${singles}) n,
	     lateral (select timestamptz '2024-01-01 08:00+01' + make_interval(mins => (n::bigint * 1096 * 1440 / ${singles})::int) as t) x`);
await db.execute(sql`
	with sp as (select id, row_number() over (order by number nulls last, id) - 1 as i, count(*) over () as c from spaces),
	     ev as (select id, row_number() over (order by starts_at, id) as n from events where slug like 'bench-%')
	insert into event_spaces (event_id, space_id)
	select ev.id, sp.id from ev join sp on sp.i = ev.n % sp.c
	union
	select ev.id, sp.id from ev join sp on sp.i = (ev.n + 3) % sp.c where ev.n % 10 = 0`);
await db.execute(sql`vacuum analyze`);
const counts = (
	await db.execute<{ events: number; links: number; spaces: number }>(sql`
	select (select count(*)::int from events) as events, (select count(*)::int from event_spaces) as links,
	       (select count(*)::int from spaces) as spaces`)
).rows[0]!;
const dataSeconds = (performance.now() - started) / 1000;

// --- Actors -----------------------------------------------------------------------------------
const spaceIds = (
	await db.execute<{ id: string }>(
		sql`select id from spaces order by number nulls last, id limit 2`
	)
).rows.map((r) => r.id);
const users = (
	await db.execute<{ id: string }>(sql`
	insert into users (email, name, role, status) values
	  ('bench-agenda-membre@example.org', 'Membre de mesure', 'membre', 'active'),
	  ('bench-agenda-coord@example.org', 'Coordination de mesure', 'coordination', 'active')
	returning id`)
).rows;
const actors: [string, Actor | null][] = [
	['visitor', null],
	[
		'member of 2 spaces',
		{
			userId: users[0]!.id,
			role: 'membre',
			spaceRoles: Object.fromEntries(spaceIds.map((id) => [id, ['membre' as const]]))
		}
	],
	['coordination', { userId: users[1]!.id, role: 'coordination', spaceRoles: {} }]
];

// --- Month view in-process ----------------------------------------------------------------------
const runs = Number(values.runs);
const first = { year: 2024, month: 1 };
const none = { kinds: [], space: null };
const serviceLines: string[] = [];
let eventsPerMonth = 0;
for (const [who, actor] of actors) {
	await timed(20, (i) => monthView(ctx, actor, shiftMonth(first, i % 36), none)); // warm-up
	const times = await timed(runs, (i) => monthView(ctx, actor, shiftMonth(first, i % 36), none));
	if (!actor) {
		const sizes = await Promise.all(
			Array.from({ length: 36 }, (_, i) => monthView(ctx, actor, shiftMonth(first, i), none))
		);
		eventsPerMonth = Math.round(sizes.reduce((s, v) => s + v.events.length, 0) / 36);
	}
	serviceLines.push(
		`month view, ${who}: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, ` +
			`p99 ${ms(quantile(times, 0.99))}, max ${ms(Math.max(...times))} (${runs} runs over 36 months)`
	);
}
{
	const filters = { kinds: ['reunion_chantier' as const, 'copil' as const], space: null };
	const member = actors[1]![1];
	const times = await timed(runs, (i) =>
		monthView(ctx, member, shiftMonth(first, i % 36), filters)
	);
	serviceLines.push(
		`month view, member, two kinds: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, p99 ${ms(quantile(times, 0.99))}`
	);
	const now = new Date('2025-06-15T12:00:00Z');
	const list = await timed(runs, (i) =>
		listEvents(ctx, member, 'upcoming', none, { now, page: 1 + (i % 5) })
	);
	serviceLines.push(
		`upcoming list (page 1–5), member: p50 ${ms(quantile(list, 0.5))}, p95 ${ms(quantile(list, 0.95))}, p99 ${ms(quantile(list, 0.99))}`
	);
}

// --- Month page over HTTP -----------------------------------------------------------------------
const path = '/agenda/mois/2025-03';
const check = await fetch(`${base}${path}`);
const body = await check.text();
if (check.status !== 200 || !body.includes('Événement de mesure')) {
	throw new Error(`Unexpected month page (HTTP ${check.status})`);
}
await autocannon({ url: `${base}${path}`, connections: 5, duration: 3 }); // warm-up
const r = await autocannon({
	url: `${base}${path}`,
	connections: Number(values.connections),
	duration: Number(values.duration)
});

// --- A feed of 1,000 events (rows, series and the built file), in-process ---------------------
// The 1,000 public events from June 2025 on, occurrences of series included (written as their
// series with RRULE and EXDATE).
const feedWhere = sql`${sql.identifier('events')}.id in (
	select id from events where visibility = 'public' and starts_at >= '2025-06-01'
	order by starts_at limit 1000)`;
let feedBytes = 0;
let feedEvents = 0;
const feed = async () => {
	const rows = await calendarRows(ctx, feedWhere);
	const text = buildCalendar(rows.events, rows.series, { ...calendarSite(ctx), name: 'Agenda' });
	feedBytes = text.length;
	feedEvents = rows.events.length;
};
await timed(5, feed); // warm-up
const feedTimes = await timed(Math.max(20, Math.round(runs / 10)), feed);
serviceLines.push(
	`feed of ${feedEvents} events: p50 ${ms(quantile(feedTimes, 0.5))}, p95 ${ms(quantile(feedTimes, 0.95))}, ` +
		`p99 ${ms(quantile(feedTimes, 0.99))} (${feedTimes.length} runs, ${Math.round(feedBytes / 1024)} KB)`
);

console.log(
	`${counts.events} events (${seeded} from the seed, ${series}×${perSeries} occurrences of series), ` +
		`${counts.links} event–space links, ${counts.spaces} spaces; data in ${dataSeconds.toFixed(0)} s`
);
console.log(
	`~${eventsPerMonth} public events a month; ${os.cpus().length} CPUs, load ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);
for (const line of serviceLines) console.log(line);
console.log(
	`HTTP ${path} (visitor), ${values.connections} connections, ${values.duration} s: ` +
		`${r.requests.total} requests, ${Math.round(r.requests.average)} req/s, p50 ${ms(r.latency.p50)}, ` +
		`p97.5 ${ms(r.latency.p97_5)}, p99 ${ms(r.latency.p99)}, max ${ms(r.latency.max)}, ` +
		`errors ${r.errors + r.timeouts + r.non2xx}, page ${Math.round(body.length / 1024)} KB`
);
await database.close();
await app.stop();
