import { PgBoss, type JobWithMetadata } from 'pg-boss';
import type { Ctx, EnqueueOptions } from './context';
import { log } from './log';
import { createTransport, deliver } from './email/smtp';
import { EMAIL_QUEUE } from './email/outbox';
import {
	REMINDER_QUEUE,
	runReminderJob,
	type ReminderJob
} from '../modules/agenda/reminders.server';
import { SERIES_QUEUE, runSeriesExtension } from '../modules/agenda/timer.server';
import { PROCESS_QUEUE, processResource } from '../modules/ressources/process.server';

export interface Jobs {
	enqueue(queue: string, data: Record<string, unknown>, options?: EnqueueOptions): Promise<void>;
	stop(): Promise<void>;
}

export interface JobsOptions {
	/** Retries after the first attempt, before an email is marked 'failed'. Default 5. */
	retryLimit?: number;
	/** Seconds before the first retry (a whole number). Default 30. */
	retryDelaySeconds?: number;
	/** Doubles the delay at each retry, with jitter (30 s, 1 min, 2 min…). Default true. */
	retryBackoff?: boolean;
	/** How often the worker looks for new jobs; pg-boss accepts 0.5 and more. Default 2. */
	pollingIntervalSeconds?: number;
}

/**
 * Starts the PostgreSQL job queue and its workers: emails through SMTP (with retries), the
 * agenda's day-before reminders, the daily extension of recurring series and the processing of
 * resources' files.
 */
export async function startJobs(
	ctx: Ctx,
	connectionString: string,
	options: JobsOptions = {}
): Promise<Jobs> {
	const {
		retryLimit = 5,
		retryDelaySeconds = 30,
		retryBackoff = true,
		pollingIntervalSeconds = 2
	} = options;
	const boss = new PgBoss({ connectionString, max: 3, schedule: false });
	boss.on('error', (err) => log.error('[jobs]', err));
	// Without SMTP the emails stay in the outbox: no sender, the agenda's workers still run.
	const transport = ctx.env.SMTP_URL ? createTransport(ctx) : undefined;
	try {
		await boss.start();
		const retry = { retryLimit, retryDelay: retryDelaySeconds, retryBackoff };
		// createQueue leaves an existing queue as it was: apply the current settings to it too.
		// Jobs already queued keep the settings they were sent with.
		await boss.createQueue(EMAIL_QUEUE, retry);
		await boss.updateQueue(EMAIL_QUEUE, retry);
		await boss.work(
			EMAIL_QUEUE,
			{ pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
			async (jobs: JobWithMetadata<{ id: string }>[]) => {
				if (!transport) throw new Error('SMTP_URL is not set');
				for (const job of jobs) {
					// retryCount is 0 on the first attempt; pg-boss fails the job for good when an
					// attempt with retryCount >= retryLimit throws.
					await deliver(ctx, job.data.id, transport, {
						finalAttempt: job.retryCount >= job.retryLimit
					});
				}
			}
		);
		// One waiting reminder per event and sequence ('short': one queued job per singleton key).
		await boss.createQueue(REMINDER_QUEUE, { policy: 'short', retryLimit: 3, retryDelay: 60 });
		await boss.work(
			REMINDER_QUEUE,
			{ pollingIntervalSeconds, batchSize: 1 },
			async (jobs: { data: ReminderJob }[]) => {
				for (const job of jobs) await runReminderJob(ctx, job.data);
			}
		);
		await boss.createQueue(SERIES_QUEUE, { policy: 'short', retryLimit: 2, retryDelay: 300 });
		await boss.work(SERIES_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async () => {
			await runSeriesExtension(ctx);
		});
		// Text extraction and thumbnails of resources' files: one waiting job per resource.
		await boss.createQueue(PROCESS_QUEUE, { policy: 'short', retryLimit: 2, retryDelay: 60 });
		await boss.work(
			PROCESS_QUEUE,
			{ pollingIntervalSeconds, batchSize: 1 },
			async (jobs: { data: { resourceId: string } }[]) => {
				for (const job of jobs) await processResource(ctx, job.data.resourceId);
			}
		);
	} catch (err) {
		await boss.stop({ graceful: false }).catch(() => undefined);
		transport?.close();
		throw err;
	}
	let stopping: Promise<void> | undefined;
	return {
		async enqueue(queue, data, options = {}) {
			await boss.send(queue, data, {
				...(options.startAfter ? { startAfter: options.startAfter } : {}),
				...(options.singletonKey ? { singletonKey: options.singletonKey } : {})
			});
		},
		stop() {
			stopping ??= (async () => {
				try {
					// Waits for a delivery in progress (up to 5 s), then closes the pool and timers.
					await boss.stop({ graceful: true, timeout: 5000 });
				} finally {
					transport?.close();
				}
			})();
			return stopping;
		}
	};
}
