/**
 * What a change of events sets going once it is stored: people waiting take the places a higher
 * capacity opened (and are told), and the day-before reminders follow the new times. Only the
 * events with registrations are touched, so editing a long series stays quick.
 */
import { and, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { registrations } from '../../server/db/schema';
import { log } from '../../server/log';
import type { EventRow } from './repository.server';
import { promoteWaiting } from './registration.server';
import { scheduleReminder } from './reminders.server';

export async function afterEventChange(ctx: Ctx, rows: Pick<EventRow, 'id'>[]) {
	if (rows.length === 0) return;
	const active = await ctx.db
		.selectDistinct({ eventId: registrations.eventId, status: registrations.status })
		.from(registrations)
		.where(
			and(
				inArray(
					registrations.eventId,
					rows.map((r) => r.id)
				),
				ne(registrations.status, 'annulee')
			)
		);
	const waiting = new Set(active.filter((a) => a.status === 'liste_attente').map((a) => a.eventId));
	for (const eventId of new Set(active.map((a) => a.eventId))) {
		try {
			if (waiting.has(eventId)) await promoteWaiting(ctx, eventId);
			await scheduleReminder(ctx, eventId);
		} catch (err) {
			// The change is stored; the reminders' timer catches up with what is missed here.
			log.error('[agenda] after a change of event', eventId, err);
		}
	}
}
