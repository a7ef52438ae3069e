import { guarded } from '#lib/server/http.ts';
import { canCreateResource } from '#lib/modules/ressources/policy.ts';
import { parseSearchParams } from '#lib/modules/ressources/search-query.ts';
import { searchResources } from '#lib/modules/ressources/search.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const search = parseSearchParams(event.url.searchParams);
		const results = await searchResources(event.locals.app, event.locals.actor, search, {
			facets: true
		});
		return { search, results, canAdd: canCreateResource(event.locals.actor) };
	});
