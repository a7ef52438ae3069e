import { json } from '@sveltejs/kit';
import { mapData } from '#lib/modules/cartographie/map/map.server.ts';
import { cached, PUBLIC_TTL_MS } from '#lib/server/cache.ts';
import type { RequestHandler } from './$types';

/** The map's points for the filters of /cartographie (same URL parameters). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const params = Object.fromEntries(url.searchParams);
	const data = locals.user
		? await mapData(locals.app, params)
		: await cached(`cartographie-map:${url.search}`, PUBLIC_TTL_MS, () =>
				mapData(locals.app, params)
			);
	return json(data, {
		headers: { 'cache-control': locals.user ? 'private, no-store' : 'public, max-age=5' }
	});
};
