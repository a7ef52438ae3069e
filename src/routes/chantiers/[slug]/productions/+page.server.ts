import { guarded } from '#lib/server/http.ts';
import { listProductions } from '#lib/modules/productions/service.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => listProductions(event.locals.app, event.locals.actor, event.params.slug));
