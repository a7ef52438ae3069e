import { getSpace } from '#lib/modules/spaces/service.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => getSpace(event.locals.app, event.locals.actor, event.params.slug));
