import { PgBoss } from 'pg-boss';
import type { Ctx } from './context';
import { deliver } from './email/smtp';
import { EMAIL_QUEUE } from './email/outbox';

export interface Jobs {
	enqueue(queue: string, data: Record<string, unknown>): Promise<void>;
	stop(): Promise<void>;
}

/** Starts the PostgreSQL job queue and its workers (emails through SMTP, with retries). */
export async function startJobs(ctx: Ctx, connectionString: string): Promise<Jobs> {
	const boss = new PgBoss({ connectionString, max: 3, schedule: false });
	boss.on('error', (err) => console.error('[jobs]', err));
	await boss.start();
	await boss.createQueue(EMAIL_QUEUE, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
	await boss.work<{ id: string }>(EMAIL_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
		for (const job of jobs) await deliver(ctx, job.data.id);
	});
	return {
		async enqueue(queue, data) {
			await boss.send(queue, data);
		},
		stop: () => boss.stop({ graceful: true, timeout: 5000 })
	};
}
