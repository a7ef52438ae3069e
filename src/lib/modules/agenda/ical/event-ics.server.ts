/**
 * One event's calendar file: for its page (.ics download) and for the emails sent to those
 * registered (REQUEST on registration and change, CANCEL on cancellation).
 */
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import type { Actor } from '../../../server/auth/policy';
import { events } from '../../../server/db/schema';
import { NotFoundError } from '../../../server/errors';
import { canSeeEvent } from '../policy';
import { spacesOfEvent } from '../repository.server';
import { buildCalendar, type IcsMethod } from './build';
import { calendarOrganizer, calendarRows, calendarSite } from './rows.server';

/**
 * The event as a VCALENDAR with one VEVENT (UID = the event, even for an occurrence of a
 * series: a registration is for one meeting). REQUEST and CANCEL carry the organiser and the
 * time of sending; PUBLISH (the default) is stable for a given version of the event.
 */
export async function icsForEvent(
	ctx: Ctx,
	eventId: string,
	method: IcsMethod = 'PUBLISH'
): Promise<string> {
	const rows = await calendarRows(ctx, eq(events.id, eventId), { withSeries: false });
	const row = rows.events[0];
	if (!row) throw new NotFoundError();
	const invitation = method !== 'PUBLISH';
	return buildCalendar([row], [], {
		...calendarSite(ctx),
		method,
		now: invitation ? new Date() : undefined,
		organizer: invitation ? calendarOrganizer(ctx) : undefined
	});
}

/** The .ics of the event page; an event the person may not see does not exist for them. */
export async function eventIcsForActor(
	ctx: Ctx,
	actor: Actor | null,
	slug: string
): Promise<{ filename: string; body: string; lastModified: Date }> {
	const [event] = await ctx.db
		.select({ id: events.id, visibility: events.visibility, updatedAt: events.updatedAt })
		.from(events)
		.where(eq(events.slug, slug));
	if (!event) throw new NotFoundError();
	const spaceIds =
		event.visibility === 'space' ? (await spacesOfEvent(ctx.db, event.id)).map((s) => s.id) : [];
	if (!canSeeEvent(actor, { visibility: event.visibility, spaceIds })) throw new NotFoundError();
	return {
		filename: `${slug}.ics`,
		body: await icsForEvent(ctx, event.id),
		lastModified: event.updatedAt
	};
}
