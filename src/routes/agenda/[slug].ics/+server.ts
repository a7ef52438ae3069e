import { eventIcsForActor } from '#lib/modules/agenda/ical/event-ics.server.ts';
import { calendarResponse } from '#lib/modules/agenda/ical/response.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** One event's .ics, to add it to a calendar (404 when the person may not see it). */
export const GET: RequestHandler = (event) =>
	guarded(event, async () => {
		const file = await eventIcsForActor(event.locals.app, event.locals.actor, event.params.slug);
		return calendarResponse(event.request, {
			body: file.body,
			filename: file.filename,
			disposition: 'attachment',
			lastModified: file.lastModified,
			// What a visitor may download differs from what a member may: no shared cache.
			personal: true
		});
	});
