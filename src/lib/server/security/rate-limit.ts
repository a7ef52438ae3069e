import { sql } from 'drizzle-orm';
import type { Db } from '../db';

export interface Limit {
	max: number;
	windowSeconds: number;
}

/** Limits used across the platform (per IP and per account). */
export const limits = {
	loginPerAccount: { max: 5, windowSeconds: 15 * 60 },
	loginPerIp: { max: 30, windowSeconds: 15 * 60 },
	resetPerEmail: { max: 3, windowSeconds: 60 * 60 },
	resetPerIp: { max: 10, windowSeconds: 60 * 60 },
	joinPerEmail: { max: 3, windowSeconds: 24 * 60 * 60 },
	joinPerIp: { max: 5, windowSeconds: 60 * 60 }
} satisfies Record<string, Limit>;

/** Counts one hit on `key` in a fixed window; returns the count in the current window. */
export async function hit(db: Db, key: string, limit: Limit): Promise<number> {
	const interval = `${limit.windowSeconds} seconds`;
	const rows = await db.execute<{ count: number }>(sql`
		insert into rate_limits (key, count, window_start) values (${key}, 1, now())
		on conflict (key) do update set
			count = case when rate_limits.window_start < now() - ${interval}::interval then 1 else rate_limits.count + 1 end,
			window_start = case when rate_limits.window_start < now() - ${interval}::interval then now() else rate_limits.window_start end
		returning count`);
	return Number(rows.rows[0]?.count ?? 0);
}

/** Current count on `key` without counting a hit. */
export async function peek(db: Db, key: string, limit: Limit): Promise<number> {
	const interval = `${limit.windowSeconds} seconds`;
	const rows = await db.execute<{ count: number }>(sql`
		select count from rate_limits where key = ${key} and window_start >= now() - ${interval}::interval`);
	return Number(rows.rows[0]?.count ?? 0);
}

export async function clear(db: Db, key: string) {
	await db.execute(sql`delete from rate_limits where key = ${key}`);
}
