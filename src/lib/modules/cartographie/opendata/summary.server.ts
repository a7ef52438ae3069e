// What the open data page says about the data set itself: how many fiches, last change.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';

export async function openDataSummary(ctx: Ctx) {
	const { rows } = await ctx.db.execute<{ count: number; updated: Date | string | null }>(sql`
		select count(*)::int as count, max(updated_at) as updated
		from carto_fiches where status = 'publiee'`);
	const row = rows[0];
	return {
		count: row?.count ?? 0,
		updatedAt: row?.updated ? new Date(row.updated).toISOString() : null
	};
}
