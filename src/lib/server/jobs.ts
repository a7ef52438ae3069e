import { PgBoss, type JobWithMetadata } from 'pg-boss';
import type { Ctx } from './context';
import { log } from './log';
import { createTransport, deliver } from './email/smtp';
import { EMAIL_QUEUE } from './email/outbox';

export interface Jobs {
	enqueue(queue: string, data: Record<string, unknown>): Promise<void>;
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

/** Starts the PostgreSQL job queue and its workers (emails through SMTP, with retries). */
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
	const transport = createTransport(ctx);
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
				for (const job of jobs) {
					// retryCount is 0 on the first attempt; pg-boss fails the job for good when an
					// attempt with retryCount >= retryLimit throws.
					await deliver(ctx, job.data.id, transport, {
						finalAttempt: job.retryCount >= job.retryLimit
					});
				}
			}
		);
	} catch (err) {
		await boss.stop({ graceful: false }).catch(() => undefined);
		transport.close();
		throw err;
	}
	let stopping: Promise<void> | undefined;
	return {
		async enqueue(queue, data) {
			await boss.send(queue, data);
		},
		stop() {
			stopping ??= (async () => {
				try {
					// Waits for a delivery in progress (up to 5 s), then closes the pool and timers.
					await boss.stop({ graceful: true, timeout: 5000 });
				} finally {
					transport.close();
				}
			})();
			return stopping;
		}
	};
}
