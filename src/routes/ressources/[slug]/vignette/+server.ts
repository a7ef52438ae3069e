import { guarded } from '#lib/server/http.ts';
import { thumbnailFile } from '#lib/modules/ressources/files.server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	guarded(event, () => thumbnailFile(event.locals.app, event.locals.actor, event.params.slug));
