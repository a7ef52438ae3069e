import { searchStructures } from '#lib/modules/community/service.server.ts';
import { cached, PUBLIC_TTL_MS } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const params = Object.fromEntries(url.searchParams);
	// The directory reads the same for everyone: a few seconds of cache per query.
	return cached(`communaute:${url.search}`, PUBLIC_TTL_MS, () =>
		searchStructures(locals.app, params)
	);
};
