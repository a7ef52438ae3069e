import { getSpaceHome } from '#lib/modules/spaces/home.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => getSpaceHome(event.locals.app, event.locals.actor, event.params.slug));
