/**
 * Cancelling an event (or a series from one occurrence on) and removing one occurrence of a
 * series. A cancelled event stays visible, marked « Annulé », with its SEQUENCE raised so that
 * calendars drop it; those registered are told.
 *
 * Removing an occurrence adds it to the series' EXDATEs. If nobody is registered the row is
 * deleted; if people are, it is kept cancelled so that they get the notice and their
 * registration keeps its history.
 */
import { and, asc, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { eventSeries, events } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { ValidationError } from '../../server/errors';
import { notifyRegistered } from './notices.server';
import { eventsWithRegistrations, ruleEndingBefore } from './series.server';
import { managedEvent, type Scope } from './service.server';

export async function cancelEvent(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	scope: Scope,
	confirmed = true
) {
	const { event } = await managedEvent(ctx, actor, slug);
	if (!confirmed) {
		throw new ValidationError({ confirm: 'Cochez la case pour confirmer l’annulation.' });
	}
	const cancelled = await ctx.db.transaction(async (tx) => {
		const ids = [event.id];
		if (scope === 'series' && event.seriesId) {
			const from = event.recurrenceId ?? event.startsAt;
			const rest = await tx
				.select({ id: events.id, recurrenceId: events.recurrenceId })
				.from(events)
				.where(and(eq(events.seriesId, event.seriesId), gte(events.recurrenceId, from)))
				.orderBy(asc(events.recurrenceId));
			ids.push(...rest.map((r) => r.id));
			const [series] = await tx
				.select()
				.from(eventSeries)
				.where(eq(eventSeries.id, event.seriesId))
				.for('update');
			const [last] = await tx
				.select({ r: events.recurrenceId })
				.from(events)
				.where(eq(events.seriesId, event.seriesId))
				.orderBy(desc(events.recurrenceId))
				.limit(1);
			// The rule ends with the occurrences that exist, so that no new one is made.
			const end = new Date((last?.r ?? from).getTime() + 60_000);
			await tx
				.update(eventSeries)
				.set({
					rrule: ruleEndingBefore(series!.rrule, end, series!.allDay, series!.timeZone),
					generatedUntil: end,
					sequence: sql`${eventSeries.sequence} + 1`,
					updatedAt: new Date()
				})
				.where(eq(eventSeries.id, event.seriesId));
		}
		return tx
			.update(events)
			.set({ status: 'annule', sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
			.where(and(inArray(events.id, [...new Set(ids)]), ne(events.status, 'annule')))
			.returning();
	});
	await notifyRegistered(ctx, cancelled, 'cancel');
	return { cancelled };
}

/** Removes one occurrence from its series; returns whether the row was deleted. */
export async function removeOccurrence(ctx: Ctx, actor: Actor | null, slug: string) {
	const { event } = await managedEvent(ctx, actor, slug);
	if (!event.seriesId || !event.recurrenceId) {
		throw new ValidationError(
			{},
			'Cet événement ne fait pas partie d’une série : annulez-le plutôt.'
		);
	}
	const result = await ctx.db.transaction(async (tx) => {
		await tx
			.update(eventSeries)
			.set({
				exdates: sql`array_append(${eventSeries.exdates}, ${event.recurrenceId!.toISOString()}::timestamptz)`,
				sequence: sql`${eventSeries.sequence} + 1`,
				updatedAt: new Date()
			})
			.where(eq(eventSeries.id, event.seriesId!));
		if ((await eventsWithRegistrations(tx, [event.id])).size === 0) {
			await tx.delete(events).where(eq(events.id, event.id));
			return { deleted: true, row: null };
		}
		const [row] = await tx
			.update(events)
			.set({ status: 'annule', sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
			.where(eq(events.id, event.id))
			.returning();
		return { deleted: false, row: row! };
	});
	if (result.row) await notifyRegistered(ctx, [result.row], 'cancel');
	return { deleted: result.deleted, seriesId: event.seriesId };
}
