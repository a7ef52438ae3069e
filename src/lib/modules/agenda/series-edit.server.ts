/**
 * Editing, cancelling and removing occurrences of events, one occurrence or a whole series
 * « from this one on ». When the rule or the times of a series change, the occurrences from
 * the edited one on are made again from the new rule: those nobody registered to are replaced,
 * those with people registered are kept (moved to the new time on the same day, else kept as
 * events of their own) and listed so that the organiser knows.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { eventSeries, events } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { ValidationError } from '../../server/errors';
import { instantToLocalDate } from './time';
import type { EventInput } from './schemas';
import type { EventRow } from './repository.server';
import { notifyRegistered } from './notices.server';
import { afterEventChange } from './after-change.server';
import {
	eventsWithRegistrations,
	horizonFrom,
	insertOccurrences,
	occurrencesFrom,
	occurrenceTimes,
	ruleEndingBefore,
	seriesStarts,
	wallMinutes,
	type SeriesRow
} from './series.server';
import {
	assertCapacity,
	checkedInput,
	deadlineBefore,
	fieldsOf,
	managedEvent,
	replaceSpaces,
	updateOccurrence,
	type Scope
} from './service.server';

type Tx = Parameters<Parameters<Ctx['db']['transaction']>[0]>[0];

export async function updateEvent(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	raw: unknown,
	scope: Scope,
	now = new Date()
) {
	const { event, actor: who } = await managedEvent(ctx, actor, slug);
	const input = await checkedInput(ctx, who, raw);
	if (scope === 'occurrence' || !event.seriesId) {
		if (input.rrule && !event.seriesId) {
			throw new ValidationError({
				rrule: 'Une répétition se choisit à la création : créez une série à partir de cette date.'
			});
		}
		return updateOccurrence(ctx, event, input);
	}
	return updateSeries(ctx, event, input, now);
}

const deadlineSql = (ms: number | null) =>
	ms === null ? null : sql`${events.startsAt} - make_interval(secs => ${ms / 1000})`;

async function updateSeries(ctx: Ctx, event: EventRow, input: EventInput, now: Date) {
	if (!input.rrule) {
		throw new ValidationError({ rrule: 'Indiquez la règle de répétition de la série.' });
	}
	const result = await ctx.db.transaction(async (tx) => {
		const [series] = await tx
			.select()
			.from(eventSeries)
			.where(eq(eventSeries.id, event.seriesId!))
			.for('update');
		const from = event.recurrenceId ?? event.startsAt;
		const affected = await occurrencesFrom(tx, series!.id, from);
		const followers = affected.filter((e) => !e.detached || e.id === event.id);
		await assertCapacity(
			tx,
			input.capacity,
			followers.map((e) => e.id)
		);
		const timing =
			input.rrule !== series!.rrule ||
			input.startsAt.getTime() !== event.startsAt.getTime() ||
			input.endsAt.getTime() !== event.endsAt.getTime() ||
			input.allDay !== event.allDay ||
			input.timeZone !== event.timeZone;
		if (!timing) return sameTimes(tx, series!, event.id, followers, input);
		return newTimes(tx, series!, event, affected, followers, input, now);
	});
	await notifyRegistered(ctx, result.changed, 'change');
	await afterEventChange(ctx, result.changed);
	return { event: result.event, kept: result.kept };
}

/** Same rule and times: the fields are copied to every follower. */
async function sameTimes(
	tx: Tx,
	series: SeriesRow,
	eventId: string,
	followers: EventRow[],
	input: EventInput
) {
	const ids = followers.map((e) => e.id);
	const changed = await tx
		.update(events)
		.set({
			...fieldsOf(input),
			registrationDeadline: deadlineSql(deadlineBefore(input)),
			detached: false,
			sequence: sql`${events.sequence} + 1`,
			updatedAt: new Date()
		})
		.where(inArray(events.id, ids))
		.returning();
	await replaceSpaces(tx, ids, input.spaceIds);
	await tx
		.update(eventSeries)
		.set({ sequence: sql`${eventSeries.sequence} + 1`, updatedAt: new Date() })
		.where(eq(eventSeries.id, series.id));
	return { event: changed.find((e) => e.id === eventId)!, changed, kept: [] as EventRow[] };
}

async function newTimes(
	tx: Tx,
	series: SeriesRow,
	event: EventRow,
	affected: EventRow[],
	followers: EventRow[],
	input: EventInput,
	now: Date
) {
	const from = event.recurrenceId ?? event.startsAt;
	const horizon = horizonFrom(now > input.startsAt ? now : input.startsAt);
	const values = {
		rrule: input.rrule!,
		dtstartLocal: input.startLocal.slice(0, input.allDay ? 10 : 16),
		timeZone: input.timeZone,
		durationMinutes: wallMinutes(input.startsAt, input.endsAt, input.timeZone),
		allDay: input.allDay,
		exdates: [] as Date[],
		generatedUntil: horizon,
		updatedAt: new Date()
	};
	const [earlier] = await tx
		.select({ id: events.id })
		.from(events)
		.where(and(eq(events.seriesId, series.id), lt(events.recurrenceId, from)))
		.limit(1);
	let target: SeriesRow;
	if (!earlier) {
		[target] = (await tx
			.update(eventSeries)
			.set({ ...values, sequence: sql`${eventSeries.sequence} + 1` })
			.where(eq(eventSeries.id, series.id))
			.returning()) as [SeriesRow];
	} else {
		// The past stays with the old rule, cut before this occurrence; the rest is a new series.
		await tx
			.update(eventSeries)
			.set({
				rrule: ruleEndingBefore(series.rrule, from, series.allDay, series.timeZone),
				generatedUntil: from,
				sequence: sql`${eventSeries.sequence} + 1`,
				updatedAt: new Date()
			})
			.where(eq(eventSeries.id, series.id));
		[target] = (await tx.insert(eventSeries).values(values).returning()) as [SeriesRow];
	}
	const starts = seriesStarts(target, horizon);
	if (starts.length === 0) {
		throw new ValidationError({ rrule: 'Cette règle ne donne aucune date : vérifiez-la.' });
	}
	const registered = await eventsWithRegistrations(
		tx,
		followers.map((e) => e.id)
	);
	const byDay = new Map(starts.map((s) => [instantToLocalDate(s, input.timeZone), s]));
	const used = new Set<number>();
	const changed: EventRow[] = [];
	const kept: EventRow[] = [];
	const toDelete: string[] = [];
	const detachedOnes = affected.filter((e) => e.detached && e.id !== event.id);
	for (const f of [event, ...followers.filter((e) => e.id !== event.id)]) {
		// The edited occurrence takes the first date of the new rule (its DTSTART).
		const start =
			f.id === event.id ? starts[0]! : byDay.get(instantToLocalDate(f.startsAt, input.timeZone));
		if (start && !used.has(start.getTime()) && (f.id === event.id || registered.has(f.id))) {
			used.add(start.getTime());
			const t = occurrenceTimes(target, start);
			const [row] = await tx
				.update(events)
				.set({
					...fieldsOf(input),
					startsAt: t.startsAt,
					endsAt: t.endsAt,
					seriesId: target.id,
					recurrenceId: start,
					detached: false,
					registrationDeadline: deadlineSql(deadlineBefore(input)),
					sequence: sql`${events.sequence} + 1`,
					updatedAt: new Date()
				})
				.where(eq(events.id, f.id))
				.returning();
			changed.push(row!);
		} else if (registered.has(f.id)) {
			kept.push(await standalone(tx, f));
		} else toDelete.push(f.id);
	}
	// Occurrences edited on their own are left as they are, out of the new rule.
	for (const d of detachedOnes) kept.push(await standalone(tx, d));
	if (toDelete.length > 0) await tx.delete(events).where(inArray(events.id, toDelete));
	await replaceSpaces(
		tx,
		changed.map((e) => e.id),
		input.spaceIds
	);
	const fresh = starts.filter((s) => !used.has(s.getTime()));
	await insertOccurrences(
		tx,
		target,
		{ ...fieldsOf(input), createdBy: event.createdBy, isExample: event.isExample },
		input.spaceIds,
		fresh,
		deadlineBefore(input)
	);
	return { event: changed[0]!, changed, kept };
}

/** An occurrence that no longer fits its series becomes an event of its own. */
async function standalone(tx: Tx, e: EventRow) {
	const [row] = await tx
		.update(events)
		.set({ seriesId: null, recurrenceId: null, detached: false, updatedAt: new Date() })
		.where(eq(events.id, e.id))
		.returning();
	return row!;
}
