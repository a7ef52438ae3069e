import { personalFeed } from '#lib/modules/agenda/ical/feeds.server.ts';
import { calendarResponse } from '#lib/modules/agenda/ical/response.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** A person's own feed: the token in the address is the only credential (404 otherwise). */
export const GET: RequestHandler = (event) =>
	guarded(event, async () => {
		const feed = await personalFeed(event.locals.app, event.params.token);
		return calendarResponse(event.request, {
			...feed,
			filename: 'mon-agenda.ics',
			disposition: 'inline',
			personal: true
		});
	});
