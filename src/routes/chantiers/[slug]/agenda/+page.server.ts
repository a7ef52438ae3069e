import { guarded } from '#lib/server/http.ts';
import { parsePage } from '#lib/modules/agenda/view-filters.ts';
import { spaceAgenda } from '#lib/modules/agenda/views.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () =>
		spaceAgenda(event.locals.app, event.locals.actor, event.params.slug, {
			page: parsePage(event.url.searchParams)
		})
	);
