// What the map of /cartographie reads: the points of the published fiches that match the
// list's filters, and the short summary a point opens.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import { prepareSearch } from '../search.server';
import { MAP_DATA_VERSION, type FicheSummary } from './data';

/**
 * The points of every published fiche matching the URL parameters of /cartographie, as the JSON
 * text of a MapData (see encodeMapData). PostgreSQL builds the text: at 100,000 fiches the app
 * then holds one string rather than 100,000 row objects.
 */
export async function mapDataJson(ctx: Ctx, params: unknown): Promise<string> {
	const { base, filter } = await prepareSearch(ctx, params);
	const { rows } = await ctx.db.execute<{ json: string }>(mapDataQuery(base, filter));
	return rows[0]!.json;
}

/**
 * One pass: every aggregate reads the same rows in the same order (by id), so the arrays stay
 * parallel without sorting each of them.
 */
export function mapDataQuery(base: SQL, filter: SQL) {
	return sql`${base}
		select json_build_object(
			'v', ${MAP_DATA_VERSION}::int,
			'total', count(*),
			'slugs', coalesce(json_agg(m.slug) filter (where m.lat is not null), '[]'),
			'names', coalesce(json_agg(m.name) filter (where m.lat is not null), '[]'),
			'lons', coalesce(json_agg(m.lon) filter (where m.lat is not null), '[]'),
			'lats', coalesce(json_agg(m.lat) filter (where m.lat is not null), '[]')
		)::text as json
		from (
			select b.slug, b.name, round(b.lon::numeric, 5)::float8 as lon,
				round(b.lat::numeric, 5)::float8 as lat
			from base b where ${filter} order by b.id
		) m`;
}

/** The map data ready to send: compressed once, with its ETag and where the time went. */
export interface MapPayload {
	etag: string;
	/** Size of the JSON, in bytes. */
	bytes: number;
	gzip: Buffer;
	br: Buffer;
	/** Milliseconds spent in the database and compressing. */
	timings: { db: number; compress: number };
}

// At most two payloads built at once: each holds the whole JSON (tens of megabytes at 100,000
// fiches) until it is compressed, and the app runs with a small heap.
let building = 0;
const waiting: (() => void)[] = [];
async function slot<T>(run: () => Promise<T>): Promise<T> {
	if (building >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
	building++;
	try {
		return await run();
	} finally {
		building--;
		waiting.shift()?.();
	}
}

export function mapPayload(ctx: Ctx, params: unknown): Promise<MapPayload> {
	return slot(async () => {
		const t0 = performance.now();
		const json = await mapDataJson(ctx, params);
		const t1 = performance.now();
		const raw = Buffer.from(json);
		// Fast levels: a few milliseconds for 10,000 fiches, and still under 300 KB. Synchronous:
		// the slot above bounds how many run, and no buffer waits on the thread pool.
		const gz = gzipSync(raw, { level: 1 });
		const br = brotliCompressSync(raw, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: 1,
				[constants.BROTLI_PARAM_SIZE_HINT]: raw.length
			}
		});
		const etag = `"${createHash('sha1').update(raw).digest('base64url').slice(0, 22)}"`;
		return {
			etag,
			bytes: raw.length,
			gzip: gz,
			br,
			timings: { db: t1 - t0, compress: performance.now() - t1 }
		};
	});
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
