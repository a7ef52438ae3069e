import { guarded } from '#lib/server/http.ts';
import { getResourcePage } from '#lib/modules/ressources/page.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => getResourcePage(event.locals.app, event.locals.actor, event.params.slug));
