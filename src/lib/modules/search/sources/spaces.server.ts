/** The spaces (chantiers, comité de pilotage…): listed publicly, with their défi and summary. */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import { spaces } from '../../../server/db/schema';
import { markedToHtml } from '../query';
import { headline, likeOf, tsQuery } from '../sql.server';
import type { SourceResult } from '../types';

const document = sql`setweight(to_tsvector('fr_unaccent', ${spaces.title} || ' ' || coalesce(${spaces.shortTitle}, '')), 'A')
	|| setweight(to_tsvector('fr_unaccent', coalesce(${spaces.defi}, '')), 'B')
	|| setweight(to_tsvector('fr_unaccent', coalesce(${spaces.summary}, '')), 'C')`;

export async function searchSpaces(ctx: Ctx, q: string, limit: number): Promise<SourceResult> {
	const query = tsQuery(q);
	const rows = await ctx.db
		.select({
			slug: spaces.slug,
			title: spaces.title,
			passage: headline(
				sql`coalesce(${spaces.defi} || ' ', '') || coalesce(${spaces.summary}, '')`,
				q
			),
			total: sql<number>`count(*) over ()::int`
		})
		.from(spaces)
		.where(
			sql`(${document} @@ ${query}
				or unaccent(${spaces.title} || ' ' || coalesce(${spaces.shortTitle}, '')) ilike unaccent(${likeOf(q)}))`
		)
		.orderBy(sql`ts_rank(${document}, ${query}) desc`, spaces.number, spaces.title)
		.limit(limit);
	return {
		total: rows[0]?.total ?? 0,
		items: rows.map((r) => ({
			title: r.title,
			href: `/chantiers/${r.slug}`,
			snippet: markedToHtml(r.passage),
			meta: null
		}))
	};
}
