import { searchFiches } from '#lib/modules/cartographie/search.server.ts';
import { cached, PUBLIC_TTL_MS } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

/** The embeddable map: the only page other sites may frame (see src/lib/server/csp.ts). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const params = Object.fromEntries(url.searchParams);
	delete params.page;
	const result = await cached(`cartographie-embed:${url.search}`, PUBLIC_TTL_MS, () =>
		searchFiches(locals.app, params)
	);
	const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = locals.app.env;
	return {
		params: result.params,
		total: result.total,
		items: result.items.map((f) => ({ slug: f.slug, name: f.name, communeNom: f.communeNom })),
		more: result.total > result.items.length,
		baseUrl: locals.app.env.baseUrl,
		map: { tileUrl: MAP_TILE_URL ?? null, tileAttribution: MAP_TILE_ATTRIBUTION ?? null }
	};
};
