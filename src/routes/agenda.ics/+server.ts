import { publicFeed } from '#lib/modules/agenda/ical/feeds.server.ts';
import { calendarResponse } from '#lib/modules/agenda/ical/response.ts';
import type { RequestHandler } from './$types';

/** The public agenda as a feed to subscribe to. */
export const GET: RequestHandler = async ({ locals, request }) => {
	const feed = await publicFeed(locals.app);
	return calendarResponse(request, { ...feed, filename: 'agenda.ics', disposition: 'inline' });
};
