// The open data query: the published fiches matching the URL filters of /cartographie
// (prepareSearch), with their public columns only. Private contacts are masked in SQL, so they
// never reach the application. Pages for the JSON endpoint; a server-side cursor for the
// unpaginated exports, so that 100,000 fiches stream in constant memory.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Ctx } from '../../../server/context';
import type { Db } from '../../../server/db';
import { log } from '../../../server/log';
import type { ReferenceLists } from '../reference.server';
import type { ReferenceListName } from '../reference-data';
import { prepareSearch } from '../search.server';
import type { ExportContext, ExportRow } from './field-types';

/** Rows read by each `fetch` of the cursor. */
export const CURSOR_BATCH = 1_000;

/**
 * The select list on `base b` joined with the fiche, its commune and its territories. With
 * `page`, the page's fiches are picked first, so that only they get their columns and names.
 */
function exportQuery(base: SQL, filter: SQL, order: SQL, page?: { limit: number; offset: number }) {
	const source = page
		? sql`${base}, picked as (
				select b.*, count(*) over ()::int as total from base b where ${filter}
				order by ${order} limit ${page.limit} offset ${page.offset})`
		: base;
	return sql`${source}
		select b.id, b.slug, b.name, b.acronym, b.short_description, f.presentation, f.siret,
			f.address, b.commune_code, g.nom as commune_nom, g.departement_code, g.region_code,
			b.lat, b.lon, f.national, b.kinds, b.dimensions, b.modalities, b.stages, b.cost,
			f.methodologies, f.needs_seen, f.publics, f.networks,
			case when f.contact_email_public then f.contact_email end as email,
			case when f.contact_phone_public then f.contact_phone end as phone,
			case when f.contact_website_public then f.contact_website end as website,
			f.last_verified_at, f.updated_at,
			(select json_agg(json_build_object('kind', t.kind, 'code', t.code,
					'nom', coalesce(tr.nom, td.nom, te.nom, tc.nom)))
				from carto_fiche_territories t
				left join geo_regions tr on t.kind = 'region' and tr.code = t.code
				left join geo_departements td on t.kind = 'departement' and td.code = t.code
				left join geo_epcis te on t.kind = 'epci' and te.code = t.code
				left join geo_communes tc on t.kind = 'commune' and tc.code = t.code
				where t.fiche_id = b.id) as territories
			${page ? sql`, b.total` : sql``}
		from ${page ? sql`picked` : sql`base`} b
		join carto_fiches f on f.id = b.id
		left join geo_communes g on g.code = b.commune_code
		where ${page ? sql`true` : filter}
		order by ${order}`;
}

function labelsOf(lists: ReferenceLists): ExportContext['labels'] {
	return Object.fromEntries(
		Object.entries(lists).map(([name, items]) => [
			name,
			Object.fromEntries(items.map((i) => [i.code, i.label]))
		])
	) as Record<ReferenceListName, Record<string, string>>;
}

/** The filters as prepareSearch kept them (unknown values dropped), and the row context. */
async function prepare(ctx: Ctx, params: Record<string, string>) {
	// The page of the list is not a filter here.
	const search = await prepareSearch(ctx, { ...params, page: undefined });
	const x: ExportContext = { labels: labelsOf(search.lists), baseUrl: ctx.env.baseUrl };
	return { ...search, x };
}

/** One page of the JSON export, with the total number of matching fiches. */
export async function exportPage(
	ctx: Ctx,
	params: Record<string, string>,
	page: number,
	perPage: number
) {
	const { base, filter, order, x } = await prepare(ctx, params);
	const { rows } = await ctx.db.execute<ExportRow & { total: number } & Record<string, unknown>>(
		exportQuery(base, filter, order, { limit: perPage, offset: (page - 1) * perPage })
	);
	let total = rows[0]?.total;
	if (total === undefined) {
		const { rows: counted } = await ctx.db.execute<{ total: number }>(
			sql`${base} select count(*)::int as total from base b where ${filter}`
		);
		total = counted[0]?.total ?? 0;
	}
	return { rows: rows as ExportRow[], total, x };
}

const dialect = new PgDialect();

/** The pool under the Drizzle database (drizzle(pool) keeps it as `$client`). */
export function poolOf(db: Db): pg.Pool {
	const client = (db as Db & { $client?: unknown }).$client;
	if (!(client instanceof pg.Pool)) throw new Error('The database is not backed by a pg pool.');
	return client;
}

/**
 * Exports streaming at once. Each holds a connection of the pool (10) for as long as the client
 * reads, so a few downloads at the same time must not take the connections the pages need.
 */
export const MAX_STREAMS = 3;
/** A client that stops reading for this long loses its download (and frees the connection). */
const STALL_TIMEOUT = '60s';
let streams = 0;

/**
 * Every matching row, in the list's order, as a stream of encoded chunks: `head`, then
 * `encode(batch, first)` for each fetch of the cursor, then `tail`. The cursor lives in a
 * read-only transaction on a connection of its own, released at the end, on error, and when
 * the client goes away (cancel). Null when MAX_STREAMS downloads are already running.
 */
export async function exportStream(
	ctx: Ctx,
	params: Record<string, string>,
	encode: {
		head: string;
		batch: (rows: ExportRow[], x: ExportContext, first: boolean) => string;
		tail: string;
	}
): Promise<ReadableStream<Uint8Array> | null> {
	if (streams >= MAX_STREAMS) return null;
	streams++;
	let released = false;
	let prepared: Awaited<ReturnType<typeof prepare>>;
	let client: pg.PoolClient;
	try {
		prepared = await prepare(ctx, params);
		client = await poolOf(ctx.db).connect();
	} catch (err) {
		streams--;
		throw err;
	}
	const { base, filter, order, x } = prepared;
	const query = dialect.sqlToQuery(
		sql`declare opendata_export no scroll cursor for ${exportQuery(base, filter, order)}`
	);
	// The server ends a stalled session: the connection is given up at once (the next read
	// fails), instead of an uncaught error event.
	const onError = (err: Error) => {
		log.warn(`[opendata] connexion interrompue : ${err.message}`);
		void release(err);
	};
	client.on('error', onError);
	const release = async (failed?: Error) => {
		if (released) return;
		released = true;
		streams--;
		if (failed) {
			// A connection in an unknown state is destroyed rather than reused (the listener
			// stays: a dying connection may still report errors).
			client.release(failed);
			return;
		}
		try {
			await client.query('rollback');
			client.off('error', onError);
			client.release();
		} catch (err) {
			client.release(err as Error);
		}
	};
	try {
		await client.query('begin read only');
		await client.query(`set local idle_in_transaction_session_timeout = '${STALL_TIMEOUT}'`);
		await client.query(query.sql, query.params);
	} catch (err) {
		await release(err as Error);
		throw err;
	}
	const bytes = new TextEncoder();
	let first = true;
	let done = false;
	return new ReadableStream<Uint8Array>(
		{
			start(controller) {
				controller.enqueue(bytes.encode(encode.head));
			},
			async pull(controller) {
				if (done) return;
				try {
					const { rows } = await client.query<ExportRow>(
						`fetch ${CURSOR_BATCH} from opendata_export`
					);
					if (done) return; // cancelled while fetching
					if (rows.length > 0) {
						controller.enqueue(bytes.encode(encode.batch(rows, x, first)));
						first = false;
					}
					if (rows.length < CURSOR_BATCH) {
						done = true;
						await release();
						controller.enqueue(bytes.encode(encode.tail));
						controller.close();
					}
				} catch (err) {
					done = true;
					log.error(err);
					await release(err as Error);
					try {
						controller.error(err);
					} catch {
						// Already cancelled.
					}
				}
			},
			async cancel() {
				done = true;
				await release();
			}
		},
		{ highWaterMark: 1 }
	);
}
