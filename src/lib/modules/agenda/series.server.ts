/**
 * Series: their occurrences are materialised as events up to a horizon, regenerated when the
 * rule or the times change, and extended daily for unbounded rules (extendSeries).
 */
import { and, asc, eq, gte, inArray, isNotNull, lt, ne, or, isNull, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { Ctx } from '../../server/context';
import { eventSeries, eventSpaces, events, registrations } from '../../server/db/schema';
import { eventSlug } from './labels';
import { expandSeries, HORIZON_DAYS } from './recurrence';
import { freeEventSlug, insertEvent, type EventRow, type NewEvent } from './repository.server';
import { instantToLocal, instantToLocalDate, localToInstant } from './time';

type Db = Ctx['db'];
export type SeriesRow = typeof eventSeries.$inferSelect;
const DAY_MS = 86_400_000;

/** Adds minutes to a local wall-clock time: 18:00 + 120 stays 20:00 across a clock change. */
export function addLocalMinutes(local: string, minutes: number): string {
	const base = new Date(`${local.length === 10 ? `${local}T00:00` : local.slice(0, 16)}:00Z`);
	return new Date(base.getTime() + minutes * 60_000).toISOString().slice(0, 16);
}

/** Wall-clock length of an event, in minutes (a 25-hour October day is still one day). */
export function wallMinutes(startsAt: Date, endsAt: Date, zone: string): number {
	const a = new Date(`${instantToLocal(startsAt, zone)}:00Z`).getTime();
	const b = new Date(`${instantToLocal(endsAt, zone)}:00Z`).getTime();
	return Math.round((b - a) / 60_000);
}

/** The horizon of materialised occurrences. */
export const horizonFrom = (now: Date) => new Date(now.getTime() + HORIZON_DAYS * DAY_MS);

/** What every occurrence of a series copies (times aside). */
export type Template = Omit<
	NewEvent,
	'id' | 'slug' | 'startsAt' | 'endsAt' | 'seriesId' | 'recurrenceId' | 'detached' | 'sequence'
>;

/** The times of the occurrence starting at `start`, from the series' wall-clock duration. */
export function occurrenceTimes(series: SeriesRow, start: Date) {
	const local = series.allDay
		? instantToLocalDate(start, series.timeZone)
		: instantToLocal(start, series.timeZone);
	const endLocal = addLocalMinutes(local, series.durationMinutes);
	const endsAt = localToInstant(endLocal, series.timeZone) ?? new Date(start.getTime());
	return { startsAt: start, endsAt, localDay: local.slice(0, 10) };
}

/** Inserts the occurrences starting at `starts`; the deadline keeps its distance to the start. */
export async function insertOccurrences(
	db: Db,
	series: SeriesRow,
	template: Template,
	spaceIds: string[],
	starts: Date[],
	deadlineBeforeMs: number | null
): Promise<EventRow[]> {
	const out: EventRow[] = [];
	for (const start of starts) {
		const t = occurrenceTimes(series, start);
		const slug = await freeEventSlug(db, eventSlug(template.title, t.localDay));
		out.push(
			await insertEvent(
				db,
				{
					...template,
					slug,
					startsAt: t.startsAt,
					endsAt: t.endsAt,
					registrationDeadline:
						deadlineBeforeMs === null ? null : new Date(start.getTime() - deadlineBeforeMs),
					seriesId: series.id,
					recurrenceId: start,
					sequence: series.sequence
				},
				spaceIds
			)
		);
	}
	return out;
}

/** The starts of a series up to the horizon. */
export const seriesStarts = (series: SeriesRow, until: Date) =>
	expandSeries(
		{
			rule: series.rrule,
			dtstartLocal: series.dtstartLocal,
			timeZone: series.timeZone,
			exdates: series.exdates
		},
		until
	);

/** Whether a rule ends by itself (COUNT or UNTIL). */
export const isBounded = (rule: string) => /(^|;)(COUNT|UNTIL)=/i.test(rule);

/**
 * The rule cut so that its last occurrence starts before `before` (COUNT turns into UNTIL):
 * the occurrences from there on belong to another series.
 */
export function ruleEndingBefore(rule: string, before: Date, allDay: boolean, zone: string) {
	const recur = ICAL.Recur.fromString(rule);
	recur.count = null;
	const last = new Date(before.getTime() - 1000);
	recur.until = allDay
		? ICAL.Time.fromDateString(instantToLocalDate(new Date(before.getTime() - DAY_MS), zone))
		: ICAL.Time.fromJSDate(last, true);
	return recur.toString();
}

/** Ids of events with people registered (confirmed, waiting, or awaiting their email link). */
export async function eventsWithRegistrations(db: Db, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.selectDistinct({ id: registrations.eventId })
		.from(registrations)
		.where(and(inArray(registrations.eventId, ids), ne(registrations.status, 'annulee')));
	return new Set(rows.map((r) => r.id));
}

export async function spaceIdsOf(db: Db, eventId: string) {
	const rows = await db
		.select({ id: eventSpaces.spaceId })
		.from(eventSpaces)
		.where(eq(eventSpaces.eventId, eventId));
	return rows.map((r) => r.id);
}

/** The template of a series' future occurrences: its latest occurrence that follows the series. */
async function latestTemplate(db: Db, seriesId: string) {
	const [row] = await db
		.select()
		.from(events)
		.where(eq(events.seriesId, seriesId))
		.orderBy(sql`${events.detached} asc`, sql`${events.recurrenceId} desc nulls last`)
		.limit(1);
	return row;
}

export function templateOf(row: EventRow): Template {
	const {
		id: _id,
		slug: _slug,
		startsAt: _s,
		endsAt: _e,
		seriesId: _sid,
		recurrenceId: _r,
		detached: _d,
		sequence: _q,
		createdAt: _c,
		updatedAt: _u,
		minutes: _m,
		attendanceMinutes: _am,
		attendanceRecordedAt: _ar,
		...rest
	} = row;
	return rest;
}

/**
 * Creates the missing occurrences of every series up to HORIZON_DAYS ahead of `now` (a daily
 * job). Starts already generated, removed (EXDATE) or before `generatedUntil` are not made
 * again. Returns how many occurrences were created.
 */
export async function extendSeries(ctx: Ctx, now = new Date()): Promise<number> {
	const horizon = horizonFrom(now);
	const due = await ctx.db
		.select()
		.from(eventSeries)
		.where(or(isNull(eventSeries.generatedUntil), lt(eventSeries.generatedUntil, horizon)))
		.orderBy(asc(eventSeries.createdAt));
	let created = 0;
	for (const series of due) {
		created += await ctx.db.transaction(async (tx) => {
			const [locked] = await tx
				.select()
				.from(eventSeries)
				.where(eq(eventSeries.id, series.id))
				.for('update');
			if (!locked || (locked.generatedUntil && locked.generatedUntil >= horizon)) return 0;
			const template = await latestTemplate(tx, locked.id);
			if (!template) return 0;
			const existing = await tx
				.select({ r: events.recurrenceId })
				.from(events)
				.where(and(eq(events.seriesId, locked.id), isNotNull(events.recurrenceId)));
			const have = new Set(existing.map((e) => e.r!.getTime()));
			const from = locked.generatedUntil ?? new Date(0);
			const starts = seriesStarts(locked, horizon).filter(
				(s) => s > from && !have.has(s.getTime())
			);
			const deadline = template.registrationDeadline
				? template.startsAt.getTime() - template.registrationDeadline.getTime()
				: null;
			await insertOccurrences(
				tx,
				locked,
				templateOf(template),
				await spaceIdsOf(tx, template.id),
				starts,
				deadline
			);
			await tx
				.update(eventSeries)
				.set({ generatedUntil: horizon })
				.where(eq(eventSeries.id, locked.id));
			return starts.length;
		});
	}
	return created;
}

/** Occurrences of a series from `from` (original start) on. */
export async function occurrencesFrom(db: Db, seriesId: string, from: Date) {
	return db
		.select()
		.from(events)
		.where(and(eq(events.seriesId, seriesId), gte(events.recurrenceId, from)))
		.orderBy(asc(events.recurrenceId));
}
