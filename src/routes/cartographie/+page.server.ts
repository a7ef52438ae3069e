import { resolvePlace } from '#lib/modules/cartographie/place.server.ts';
import { searchFiches } from '#lib/modules/cartographie/search.server.ts';
import { cached, PUBLIC_TTL_MS } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const run = async () => {
		const params = Object.fromEntries(url.searchParams);
		// "Ma commune": what was typed (lieu) → one commune (its INSEE code), choices or nothing.
		const place = await resolvePlace(locals.app, params.lieu, params.commune);
		const commune = place.kind === 'found' ? place.code : undefined;
		const result = await searchFiches(locals.app, { ...params, commune });
		return { ...result, place, lieu: place.kind === 'found' ? place.label : (params.lieu ?? '') };
	};
	const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = locals.app.env;
	// The list reads the same for every visitor: a few seconds of cache per query.
	const result = await (locals.user
		? run()
		: cached(`cartographie:${url.search}`, PUBLIC_TTL_MS, run));
	return {
		...result,
		map: { tileUrl: MAP_TILE_URL ?? null, tileAttribution: MAP_TILE_ATTRIBUTION ?? null }
	};
};
