// The HTTP answers of the open data API (/api/v1/…): read-only, public, cacheable, open to
// every origin. The routes only call these.
import type { Ctx } from '../../../server/context';
import { listDepartements, listRegions } from '../../geo/service.server';
import { loadReferenceLists } from '../reference.server';
import { CSV_FILENAME, csvBatch, csvHead } from './csv';
import { toItem } from './fields';
import { geojsonBatch, geojsonHead, geojsonTail } from './geojson';
import { openApiDocument } from './openapi';
import { linkHeader, pageCount, pageLinks, parsePaging } from './paging';
import { exportPage, exportStream } from './rows.server';

const headers = (contentType: string, extra: Record<string, string> = {}) => ({
	'content-type': contentType,
	'access-control-allow-origin': '*',
	'cache-control': 'public, max-age=300',
	'x-content-type-options': 'nosniff',
	...extra
});

/** The URL filters (everything but the paging parameters). */
function filtersOf(url: URL): Record<string, string> {
	const params = Object.fromEntries(url.searchParams);
	delete params.page;
	delete params.par_page;
	return params;
}

const jsonResponse = (body: unknown, status = 200, extra: Record<string, string> = {}) =>
	new Response(JSON.stringify(body), {
		status,
		headers: headers('application/json', extra)
	});

/** GET /api/v1/structures: one page of published fiches. */
export async function structuresPage(ctx: Ctx, url: URL): Promise<Response> {
	const paging = parsePaging(url.searchParams);
	if ('error' in paging) return jsonResponse({ message: paging.error }, 400);
	const { rows, total, x } = await exportPage(ctx, filtersOf(url), paging.page, paging.perPage);
	const pages = pageCount(total, paging.perPage);
	const links = pageLinks(url, paging.page, pages);
	return jsonResponse(
		{
			total,
			page: paging.page,
			pages,
			par_page: paging.perPage,
			liens: links,
			structures: rows.map((r) => toItem(r, x))
		},
		200,
		{ link: linkHeader(links) }
	);
}

/** Too many downloads at once: try again shortly. */
const busy = () =>
	new Response(
		JSON.stringify({
			message: 'Trop de téléchargements sont en cours. Réessayez dans une minute.'
		}),
		{
			status: 503,
			headers: { ...headers('application/json'), 'cache-control': 'no-store', 'retry-after': '60' }
		}
	);

/** GET /api/v1/structures.geojson: every published fiche, streamed. */
export async function structuresGeojson(ctx: Ctx, url: URL): Promise<Response> {
	const body = await exportStream(ctx, filtersOf(url), {
		head: geojsonHead,
		batch: geojsonBatch,
		tail: geojsonTail
	});
	if (!body) return busy();
	return new Response(body, { headers: headers('application/geo+json') });
}

/** GET /api/v1/structures.csv: every published fiche, streamed. */
export async function structuresCsv(ctx: Ctx, url: URL): Promise<Response> {
	const body = await exportStream(ctx, filtersOf(url), {
		head: csvHead,
		batch: (rows, x) => csvBatch(rows, x),
		tail: ''
	});
	if (!body) return busy();
	return new Response(body, {
		headers: headers('text/csv; charset=utf-8', {
			'content-disposition': `attachment; filename="${CSV_FILENAME}"`
		})
	});
}

/** What the OpenAPI document and the documentation page need from the database. */
export async function openDataReference(ctx: Ctx) {
	const [lists, regions, departements] = await Promise.all([
		loadReferenceLists(ctx),
		listRegions(ctx),
		listDepartements(ctx)
	]);
	return {
		lists,
		regions: regions.map((r) => ({ code: r.code, nom: r.nom })),
		departements: departements.map((d) => ({ code: d.code, nom: d.nom }))
	};
}

/** GET /api/v1/openapi.json. */
export async function openApiResponse(ctx: Ctx): Promise<Response> {
	const doc = openApiDocument({ baseUrl: ctx.env.baseUrl, ...(await openDataReference(ctx)) });
	return jsonResponse(doc);
}
