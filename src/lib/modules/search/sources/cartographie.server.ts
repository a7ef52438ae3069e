/**
 * Structures of the cartography: published fiches only, matched as the cartography's list
 * matches them (French words, or a piece of the name or acronym).
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import { markedToHtml } from '../query';
import { headline, likeOf, tsQuery } from '../sql.server';
import type { SourceResult } from '../types';

interface Row extends Record<string, unknown> {
	slug: string;
	name: string;
	acronym: string | null;
	passage: string;
	commune: string | null;
	total: number;
}

export async function searchCartographie(
	ctx: Ctx,
	q: string,
	limit: number
): Promise<SourceResult> {
	const query = tsQuery(q);
	const { rows } = await ctx.db.execute<Row>(sql`
		select f.slug, f.name, f.acronym,
			${headline(sql`f.short_description`, q)} as passage,
			(select c.nom from geo_communes c where c.code = f.commune_code) as commune,
			count(*) over ()::int as total
		from carto_fiches f
		where f.status = 'publiee'
			and (f.search @@ ${query}
				or unaccent(f.name || ' ' || coalesce(f.acronym, '')) ilike unaccent(${likeOf(q)}))
		order by ts_rank(f.search, ${query}) desc, f.name, f.id
		limit ${limit}`);
	return {
		total: rows[0]?.total ?? 0,
		items: rows.map((r) => ({
			title: r.acronym ? `${r.name} (${r.acronym})` : r.name,
			href: `/cartographie/${r.slug}`,
			snippet: markedToHtml(r.passage),
			meta: r.commune
		}))
	};
}
