// Resources left `pending` (a process stopped mid-way, a lost job) are processed again: soon
// after start, then every few minutes, by whichever instance takes each resource's lock.
import { and, asc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { log } from '../../server/log';
import { processResource } from './process.server';
import { resources } from './tables';

export const SWEEP_FIRST_RUN_MS = 5_000;
export const SWEEP_EVERY_MS = 10 * 60_000;
/** A fresher pending resource is probably being processed by its upload's own run. */
export const SWEEP_MIN_AGE_S = 120;
const BATCH = 50;

/** Processes the pending resources older than `minAgeSeconds`; returns how many were done. */
export async function sweepPending(ctx: Ctx, minAgeSeconds = SWEEP_MIN_AGE_S): Promise<number> {
	const rows = await ctx.db
		.select({ id: resources.id })
		.from(resources)
		.where(
			and(
				eq(resources.textStatus, 'pending'),
				isNotNull(resources.fileKey),
				lt(resources.updatedAt, sql`now() - make_interval(secs => ${minAgeSeconds})`)
			)
		)
		.orderBy(asc(resources.updatedAt))
		.limit(BATCH);
	let done = 0;
	for (const { id } of rows) {
		try {
			if (await processResource(ctx, id, { wait: false, onlyPending: true })) done++;
		} catch (err) {
			log.error(`[ressources] traitement du fichier de ${id} :`, err);
		}
	}
	return done;
}

/** The sweep's timers; they do not keep the process alive. */
export function startProcessingTimer(ctx: Ctx) {
	let running: Promise<unknown> | undefined;
	let interval: NodeJS.Timeout | undefined;
	let stopped = false;
	const tick = () => {
		if (stopped) return;
		running ??= sweepPending(ctx)
			.then((n) => n > 0 && log.info(`[ressources] ${n} fichier(s) en attente traité(s)`))
			.catch((err) => log.error('[ressources] reprise des fichiers en attente :', err))
			.finally(() => (running = undefined));
	};
	const first = setTimeout(() => {
		tick();
		interval = setInterval(tick, SWEEP_EVERY_MS);
		interval.unref();
	}, SWEEP_FIRST_RUN_MS);
	first.unref();
	return {
		async stop() {
			stopped = true;
			clearTimeout(first);
			clearInterval(interval);
			await running;
		}
	};
}
