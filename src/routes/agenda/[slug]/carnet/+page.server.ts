import { guarded } from '#lib/server/http.ts';
import { getCarnet } from '#lib/modules/agenda/event-page.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => getCarnet(event.locals.app, event.locals.actor, event.params.slug));
