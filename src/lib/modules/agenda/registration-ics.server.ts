// The calendar file attached to registration emails.
import type { Ctx } from '../../server/context';
import type { EmailAttachment } from '../../server/db/platform-tables';
import type { EventRow } from './repository.server';
import { icsForEvent } from './ical/event-ics.server';

/**
 * The event as an .ics attachment: REQUEST (an invitation calendars add or update, by its UID
 * and SEQUENCE) for a confirmed place, PUBLISH for a reminder.
 */
export async function eventAttachment(
	ctx: Ctx,
	event: Pick<EventRow, 'id' | 'slug'>,
	method: 'REQUEST' | 'PUBLISH' = 'REQUEST'
): Promise<EmailAttachment> {
	return {
		filename: `${event.slug}.ics`,
		contentType: `text/calendar; charset=utf-8; method=${method}`,
		content: await icsForEvent(ctx, event.id, method)
	};
}
