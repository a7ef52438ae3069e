import { guarded } from '#lib/server/http.ts';
import { serveProductionFile } from '#lib/modules/productions/service.server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	guarded(event, () =>
		serveProductionFile(event.locals.app, event.locals.actor, event.params.slug, event.params.id)
	);
