// The calendar file attached to registration emails.
import ical from 'ical-generator';
import type { Ctx } from '../../server/context';
import type { EmailAttachment } from '../../server/db/platform-tables';
import type { EventRow } from './repository.server';

/** The event as an .ics attachment (UTC times: any calendar shows them in its own zone). */
export async function eventAttachment(ctx: Ctx, event: EventRow): Promise<EmailAttachment> {
	const calendar = ical({ prodId: { company: 'Chantiers', product: 'Agenda', language: 'FR' } });
	calendar.createEvent({
		id: `${event.id}@chantiers`,
		sequence: event.sequence,
		start: event.startsAt,
		end: event.endsAt,
		allDay: event.allDay,
		summary: event.title,
		description: event.description ?? undefined,
		location: [event.placeName, event.address].filter(Boolean).join(', ') || undefined,
		url: `${ctx.env.baseUrl}/agenda/${event.slug}`
	});
	return {
		filename: `${event.slug}.ics`,
		contentType: 'text/calendar; charset=utf-8',
		content: calendar.toString()
	};
}
