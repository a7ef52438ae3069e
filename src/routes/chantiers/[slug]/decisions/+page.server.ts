import { guarded } from '#lib/server/http.ts';
import { parseDecisionFilters } from '#lib/modules/productions/rules.ts';
import { listDecisions } from '#lib/modules/productions/decisions.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const filters = parseDecisionFilters(event.url.searchParams);
		const data = await listDecisions(
			event.locals.app,
			event.locals.actor,
			event.params.slug,
			filters
		);
		return { ...data, filters };
	});
