import { atomResponse, resourcesFeed } from '#lib/modules/ressources/feed.server.ts';
import type { RequestHandler } from './$types';

/** The newest public resources as an Atom feed. */
export const GET: RequestHandler = async ({ locals, request }) =>
	atomResponse(request, await resourcesFeed(locals.app));
