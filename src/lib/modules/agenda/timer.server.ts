// The agenda's timer, started by the app in every setup (with or without the job queue): sends
// the due day-before reminders every few minutes, and once a day extends the recurring series
// (through the queue when it runs, directly otherwise).
import type pg from 'pg';
import type { Ctx } from '../../server/context';
import { log } from '../../server/log';
import { sendDueReminders } from './reminders.server';
import { extendSeries } from './series.server';

export const SERIES_QUEUE = 'agenda.extend-series';
export const AGENDA_LOCK = 7421011;
export const AGENDA_FIRST_RUN_MS = 30_000;
export const AGENDA_EVERY_MS = 10 * 60_000;

/** The daily series extension (the queue's handler, or called by the timer without a queue). */
export async function runSeriesExtension(ctx: Ctx) {
	const created = await extendSeries(ctx);
	if (created > 0) log.info(`[agenda] ${created} occurrence(s) de séries créée(s)`);
	return created;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * One sweep. Reminders are safe from any instance (each is claimed by a conditional update); the
 * advisory lock only spares the database duplicate work. `lastSeriesDay` is the day the series
 * were last extended by this process.
 */
export async function runAgendaSweep(
	ctx: Ctx,
	pool: pg.Pool,
	state: { lastSeriesDay?: string },
	now = new Date()
) {
	let client: pg.PoolClient | undefined;
	try {
		client = await pool.connect();
		const { rows } = await client.query<{ locked: boolean }>(
			'select pg_try_advisory_lock($1) as locked',
			[AGENDA_LOCK]
		);
		if (!rows[0]?.locked) return null;
		try {
			const sent = await sendDueReminders(ctx, null, now);
			if (sent > 0) log.info(`[agenda] ${sent} rappel(s) envoyé(s)`);
			if (state.lastSeriesDay !== today(now)) {
				state.lastSeriesDay = today(now);
				if (ctx.enqueue) await ctx.enqueue(SERIES_QUEUE, {}, { singletonKey: today(now) });
				else await runSeriesExtension(ctx);
			}
			return sent;
		} finally {
			await client.query('select pg_advisory_unlock($1)', [AGENDA_LOCK]);
		}
	} catch (err) {
		log.error('[agenda] tâches périodiques :', err);
		return null;
	} finally {
		client?.release();
	}
}

/** Runs the sweep 30 s after start, then every 10 minutes; the timers do not keep the process alive. */
export function startAgendaTimer(ctx: Ctx, pool: pg.Pool) {
	const state: { lastSeriesDay?: string } = {};
	let running: Promise<unknown> | undefined;
	let interval: NodeJS.Timeout | undefined;
	const tick = () => {
		running ??= runAgendaSweep(ctx, pool, state).finally(() => (running = undefined));
	};
	const first = setTimeout(() => {
		tick();
		interval = setInterval(tick, AGENDA_EVERY_MS);
		interval.unref();
	}, AGENDA_FIRST_RUN_MS);
	first.unref();
	return {
		async stop() {
			clearTimeout(first);
			clearInterval(interval);
			await running;
		}
	};
}
