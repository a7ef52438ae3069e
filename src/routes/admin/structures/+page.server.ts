import { listAllStructures } from '#lib/modules/community/manage.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		structures: await listAllStructures(event.locals.app, event.locals.actor)
	}));
