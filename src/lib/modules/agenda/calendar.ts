/**
 * The month calendar: weeks from Monday to Sunday in the display time zone, and the days each
 * event covers. Pure, no database. Calendar days are handled as « YYYY-MM-DD » texts and
 * computed in UTC, so clock changes never shift a day; instants are read in the zone.
 */
import { DEFAULT_TIME_ZONE, localToInstant } from './time';

export interface Month {
	year: number;
	/** 1 to 12. */
	month: number;
}

export interface GridDay {
	/** « YYYY-MM-DD ». */
	date: string;
	/** Whether the day belongs to the month shown (not a neighbour's day filling a week). */
	inMonth: boolean;
	/** 1 (Monday) to 7 (Sunday). */
	weekday: number;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** « 2025-03 » → { year: 2025, month: 3 }, or null. */
export function parseMonth(text: string): Month | null {
	const m = MONTH.exec(text);
	if (!m) return null;
	const year = +m[1]!;
	const month = +m[2]!;
	if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
	return { year, month };
}

export const monthKey = (m: Month) => `${m.year}-${String(m.month).padStart(2, '0')}`;

/** The month of an instant in the zone. */
export function monthOf(instant: Date, zone = DEFAULT_TIME_ZONE): Month {
	return parseMonth(localDay(instant, zone).slice(0, 7))!;
}

export function shiftMonth(m: Month, delta: number): Month {
	const index = m.year * 12 + (m.month - 1) + delta;
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local calendar day of an instant, as instantToLocalDate but with one cached formatter a
 * zone: the month page reads it for every event of every day, and TZDate was a sixth of it.
 */
export function localDay(instant: Date, zone = DEFAULT_TIME_ZONE): string {
	let format = dayFormats.get(zone);
	if (!format) {
		// en-CA writes dates as YYYY-MM-DD.
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone: zone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		dayFormats.set(zone, format);
	}
	return format.format(instant);
}

const toUtc = (date: string) => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar day `n` days after `date` (negative for before). */
export function addDays(date: string, n: number): string {
	const d = toUtc(date);
	d.setUTCDate(d.getUTCDate() + n);
	return fromUtc(d);
}

/** 1 (Monday) to 7 (Sunday). */
export const weekdayOf = (date: string) => ((toUtc(date).getUTCDay() + 6) % 7) + 1;

/** Days in the month. */
export const daysInMonth = (m: Month) => new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();

/** The weeks shown for a month: Monday of the week of the 1st to Sunday of the week of the last day. */
export function monthWeeks(m: Month): GridDay[][] {
	const first = `${monthKey(m)}-01`;
	const last = `${monthKey(m)}-${String(daysInMonth(m)).padStart(2, '0')}`;
	const start = addDays(first, 1 - weekdayOf(first));
	const end = addDays(last, 7 - weekdayOf(last));
	const weeks: GridDay[][] = [];
	for (let day = start; day <= end; day = addDays(day, 7)) {
		weeks.push(
			Array.from({ length: 7 }, (_, i) => {
				const date = addDays(day, i);
				return { date, inMonth: date.slice(0, 7) === monthKey(m), weekday: i + 1 };
			})
		);
	}
	return weeks;
}

/** The instants bounding the grid: local midnight of its first day, and of the day after its last. */
export function gridRange(m: Month, zone = DEFAULT_TIME_ZONE): { from: Date; to: Date } {
	const weeks = monthWeeks(m);
	const first = weeks[0]![0]!.date;
	const last = weeks.at(-1)![6]!.date;
	return { from: localToInstant(first, zone)!, to: localToInstant(addDays(last, 1), zone)! };
}

export interface Timed {
	startsAt: Date;
	endsAt: Date;
}

/**
 * The local days an event covers, first to last. The end is exclusive: an event ending at
 * midnight (an all-day event always does) does not reach the next day.
 */
export function coveredDays(event: Timed, zone = DEFAULT_TIME_ZONE): string[] {
	const first = localDay(event.startsAt, zone);
	const lastInstant = new Date(Math.max(event.startsAt.getTime(), event.endsAt.getTime() - 1));
	const last = localDay(lastInstant, zone);
	const days: string[] = [];
	for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
	return days;
}

/** The events of each grid day, in the order given (callers sort by start). */
export function placeEvents<E extends Timed>(
	weeks: GridDay[][],
	list: E[],
	zone = DEFAULT_TIME_ZONE
): Map<string, E[]> {
	const byDay = new Map<string, E[]>(weeks.flat().map((d) => [d.date, []]));
	for (const event of list) {
		for (const day of coveredDays(event, zone)) byDay.get(day)?.push(event);
	}
	return byDay;
}
