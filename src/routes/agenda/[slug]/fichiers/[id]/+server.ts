import { guarded } from '#lib/server/http.ts';
import { serveAttachment } from '#lib/modules/agenda/attachments.server.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	guarded(event, () =>
		serveAttachment(event.locals.app, event.locals.actor, event.params.slug, event.params.id)
	);
