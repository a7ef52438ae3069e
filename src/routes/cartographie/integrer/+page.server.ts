import { searchFiches } from '#lib/modules/cartographie/search.server.ts';
import { DEFAULT_EMBED_HEIGHT, embedSnippet } from '#lib/modules/cartographie/map/embed.ts';
import { searchHref } from '#lib/modules/cartographie/search.ts';
import type { PageServerLoad } from './$types';

/** Builds the iframe snippet of a filtered map (the filters are those of /cartographie). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const params = Object.fromEntries(url.searchParams);
	const result = await searchFiches(locals.app, { ...params, page: undefined, commune: undefined });
	const height = Number(params.hauteur) || DEFAULT_EMBED_HEIGHT;
	const p = result.params;
	const path = searchHref(
		{
			q: p.q,
			type: p.type,
			dimension: p.dimension,
			modalite: p.modalite,
			etape: p.etape,
			cout: p.cout,
			region: p.region,
			departement: p.departement
		},
		'/cartographie/integree'
	);
	const src = `${locals.app.env.baseUrl}${path}`;
	return {
		params: p,
		facets: result.facets,
		total: result.total,
		height,
		previewSrc: path,
		snippet: embedSnippet(src, height, "Carte des structures d'accompagnement des coopérations")
	};
};
