import type { Db } from './db';
import type { Env } from './env';

/** What a service needs from the platform; built once at start, or per test. */
export interface Ctx {
	db: Db;
	env: Env;
	/** Present when emails are sent through SMTP by the job queue. */
	enqueue?: (queue: string, data: Record<string, unknown>) => Promise<void>;
}

/** Who is acting and from where; `actor` is null for a visitor. */
export interface RequestInfo {
	ip?: string;
	userAgent?: string;
}
