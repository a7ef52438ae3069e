import { atomResponse, resourcesFeed } from '#lib/modules/ressources/feed.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** The newest public resources of one theme as an Atom feed (404 for an unknown theme). */
export const GET: RequestHandler = (event) =>
	guarded(event, async () =>
		atomResponse(event.request, await resourcesFeed(event.locals.app, event.params.theme))
	);
