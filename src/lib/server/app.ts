import { env } from './env';
import { log, setLogLevel } from './log';
import { connect, openDatabase, type Database } from './db';
import type { Ctx } from './context';
import { startJobs, type Jobs } from './jobs';
import { seedIfEmpty } from './seed/seed';
import { purgeExpired } from './security/purge';
import { ensureGeography } from '../modules/geo/load.server';
import { ensureReferenceLists } from '../modules/cartographie/reference.server';
import { seedExampleFiches } from '../modules/cartographie/examples.server';
import { startFreshnessTimer } from '../modules/cartographie/freshness.server';
import { recoverInterruptedImports } from '../modules/cartographie/import/interrupted.server';
import { startAgendaTimer } from '../modules/agenda/timer.server';
import { startProcessingTimer } from '../modules/ressources/sweep.server';
import { processingSettled } from '../modules/ressources/process.server';

export interface App extends Ctx {
	database: Database;
	jobs?: Jobs;
	stop(): Promise<void>;
}

let current: App | undefined;
let starting: Promise<App> | undefined;

/** Starts the platform once: database (embedded by default), migrations, seed, jobs. */
export function startApp(): Promise<App> {
	starting ??= (async () => {
		const config = env();
		setLogLevel(config.LOG_LEVEL);
		const database = await openDatabase(config, log.info);
		const ctx: Ctx = { db: database.db, env: config };
		const jobs = config.SMTP_URL ? await startJobs(ctx, database.url) : undefined;
		if (jobs) ctx.enqueue = jobs.enqueue;
		// Always printed: the generated admin password is shown only once.
		const seeded = await seedIfEmpty(ctx, console.log);
		// The geography load (first start, yearly update) runs on a connection of its own, closed
		// afterwards, so the PostgreSQL process that did the heavy lifting gives its memory back.
		const loader = await connect(database.url, 1);
		try {
			await ensureGeography({ ...ctx, db: loader.db });
		} finally {
			await loader.close();
		}
		await ensureReferenceLists(ctx);
		// The demo fiches come with the démarche's first seed only: once deleted, they stay gone.
		if (seeded) await seedExampleFiches(ctx);
		await purgeExpired(ctx);
		// Yearly freshness emails of the cartography, checked every 6 hours by one instance.
		const freshness = startFreshnessTimer(ctx, database.pool);
		// Agenda reminders (with or without the queue) and the daily extension of series.
		const agenda = startAgendaTimer(ctx, database.pool);
		// Resources' files left pending by a stopped process: text extraction and thumbnails.
		const processing = startProcessingTimer(ctx);
		// CSV imports left en_cours by a stopped process end echouee (one process when embedded).
		const imports = await recoverInterruptedImports(ctx, !!database.embedded);
		current = {
			...ctx,
			database,
			jobs,
			async stop() {
				imports.stop();
				await freshness.stop();
				await agenda.stop();
				await processing.stop();
				await processingSettled();
				await jobs?.stop();
				await database.close();
			}
		};
		return current;
	})();
	return starting;
}

export function app(): App {
	if (!current) throw new Error('Platform not started');
	return current;
}
