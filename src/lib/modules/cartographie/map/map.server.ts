// What the map of /cartographie reads: the points of the published fiches that match the
// list's filters, and the short summary a point opens.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import { prepareSearch } from '../search.server';
import { encodeMapData, type FicheSummary, type MapData, type MapRow } from './data';

/** The points of every published fiche matching the URL parameters of /cartographie. */
export async function mapData(ctx: Ctx, params: unknown): Promise<MapData> {
	const { base, filter } = await prepareSearch(ctx, params);
	const { rows } = await ctx.db.execute<MapRow>(sql`${base}
		select b.slug, b.name, b.lon, b.lat from base b where ${filter} order by b.id`);
	return encodeMapData(rows);
}

/** The summary of a published fiche shown in the map's popup (null: not published). */
export async function ficheSummary(ctx: Ctx, slug: string): Promise<FicheSummary | null> {
	const { rows } = await ctx.db.execute<FicheSummary>(sql`
		select f.slug, f.name, f.acronym, f.short_description as "shortDescription",
			case when g.nom is not null then g.nom || ' (' || g.departement_code || ')' end as place,
			coalesce((select array_agg(r.label order by r.position) from carto_reference_items r
				where r.list = 'cooperation_kind' and r.code = any(f.cooperation_kinds)), '{}')
				as "cooperationKinds"
		from carto_fiches f left join geo_communes g on g.code = f.commune_code
		where f.slug = ${slug} and f.status = 'publiee'`);
	return rows[0] ?? null;
}
