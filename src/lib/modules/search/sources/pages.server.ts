/** Wiki pages of the démarche and of the spaces, readable by the person (listPages' rule). */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import type { Actor } from '../../../server/auth/policy';
import { pages, spaces } from '../../../server/db/schema';
import { markedToHtml, plainText } from '../query';
import { headline, readableBy, tsQuery } from '../sql.server';
import type { SourceResult } from '../types';

const document = sql`setweight(to_tsvector('fr_unaccent', ${pages.title}), 'A')
	|| setweight(to_tsvector('fr_unaccent', coalesce(${pages.summary}, '')), 'B')
	|| setweight(to_tsvector('fr_unaccent', ${pages.body}), 'C')`;

export async function searchPages(
	ctx: Ctx,
	actor: Actor | null,
	q: string,
	limit: number
): Promise<SourceResult> {
	const query = tsQuery(q);
	const rows = await ctx.db
		.select({
			slug: pages.slug,
			title: pages.title,
			spaceSlug: spaces.slug,
			spaceTitle: sql<string | null>`coalesce(${spaces.shortTitle}, ${spaces.title})`,
			passage: headline(sql`coalesce(${pages.summary} || ' ', '') || ${pages.body}`, q),
			total: sql<number>`count(*) over ()::int`
		})
		.from(pages)
		.leftJoin(spaces, sql`${spaces.id} = ${pages.spaceId}`)
		.where(sql`${document} @@ ${query} and ${readableBy(actor, pages.visibility, pages.spaceId)}`)
		.orderBy(sql`ts_rank(${document}, ${query}) desc`, pages.title)
		.limit(limit);
	return {
		total: rows[0]?.total ?? 0,
		items: rows.map((r) => ({
			title: r.title,
			href: r.spaceSlug ? `/chantiers/${r.spaceSlug}/pages/${r.slug}` : `/pages/${r.slug}`,
			snippet: markedToHtml(plainText(r.passage)),
			meta: r.spaceTitle ? `Page de l'espace ${r.spaceTitle}` : 'Page de la démarche'
		}))
	};
}
