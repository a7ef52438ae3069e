import { spaceFeed } from '#lib/modules/agenda/ical/feeds.server.ts';
import { calendarResponse } from '#lib/modules/agenda/ical/response.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** A space's public events as a feed. */
export const GET: RequestHandler = (event) =>
	guarded(event, async () => {
		const feed = await spaceFeed(event.locals.app, event.params.slug);
		return calendarResponse(event.request, {
			...feed,
			filename: `agenda-${event.params.slug}.ics`,
			disposition: 'inline'
		});
	});
