import { guarded } from '#lib/server/http.ts';
import { parsePage, parseViewFilters } from '#lib/modules/agenda/view-filters.ts';
import { agendaList } from '#lib/modules/agenda/views.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const filters = parseViewFilters(event.url.searchParams);
		const page = parsePage(event.url.searchParams);
		const data = await agendaList(event.locals.app, event.locals.actor, 'upcoming', filters, {
			page
		});
		return { ...data, filters };
	});
