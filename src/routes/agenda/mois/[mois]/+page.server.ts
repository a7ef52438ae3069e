import { error } from '@sveltejs/kit';
import { guarded } from '#lib/server/http.ts';
import { parseMonth } from '#lib/modules/agenda/calendar.ts';
import { parseViewFilters } from '#lib/modules/agenda/view-filters.ts';
import { filterSpaces, monthView } from '#lib/modules/agenda/views.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const month = parseMonth(event.params.mois);
		if (!month) error(404, 'Mois introuvable : l’adresse attend un mois comme 2025-03.');
		const filters = parseViewFilters(event.url.searchParams);
		const [view, spaceChoices] = await Promise.all([
			monthView(event.locals.app, event.locals.actor, month, filters),
			filterSpaces(event.locals.app)
		]);
		return { ...view, filters, spaceChoices };
	});
