import { redirect } from '@sveltejs/kit';
import { monthKey, monthOf } from '#lib/modules/agenda/calendar.ts';
import type { PageServerLoad } from './$types';

/** The current month in Paris, with the filters kept. */
export const load: PageServerLoad = ({ url }) => {
	redirect(302, `/agenda/mois/${monthKey(monthOf(new Date()))}${url.search}`);
};
