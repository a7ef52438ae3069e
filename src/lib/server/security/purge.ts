import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';

/** Removes expired sessions, used or expired links and finished rate-limit windows. */
export async function purgeExpired(ctx: Ctx) {
	await ctx.db.execute(sql`delete from sessions where expires_at < now()`);
	await ctx.db.execute(sql`delete from tokens where expires_at < now() - interval '30 days'`);
	await ctx.db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
}
