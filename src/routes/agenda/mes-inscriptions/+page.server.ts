import { guarded } from '#lib/server/http.ts';
import { myRegistrations } from '#lib/modules/agenda/views.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => myRegistrations(event.locals.app, event.locals.actor));
