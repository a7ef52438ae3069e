import type { Db } from './db';
import type { Env } from './env';

export interface EnqueueOptions {
	/** Not before this time (a reminder the day before). */
	startAfter?: Date;
	/** At most one waiting job with this key in the queue. */
	singletonKey?: string;
}

/** What a service needs from the platform; built once at start, or per test. */
export interface Ctx {
	db: Db;
	env: Env;
	/** Present when the job queue runs (emails through SMTP, reminders, series). */
	enqueue?: (
		queue: string,
		data: Record<string, unknown>,
		options?: EnqueueOptions
	) => Promise<void>;
}

/** Who is acting and from where; `actor` is null for a visitor. */
export interface RequestInfo {
	ip?: string;
	userAgent?: string;
}
