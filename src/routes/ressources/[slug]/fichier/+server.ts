import { guarded } from '#lib/server/http.ts';
import { downloadFile } from '#lib/modules/ressources/files.server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	guarded(event, () => downloadFile(event.locals.app, event.locals.actor, event.params.slug));
