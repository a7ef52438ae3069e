/**
 * Recurring series: RRULE parsing and expansion in local time. The rule is expanded on
 * wall-clock times (every first Tuesday at 18:00 stays 18:00 across clock changes), then each
 * occurrence is turned into an instant in the series' time zone. Pure, no database.
 */
import ICAL from 'ical.js';
import { localToInstant } from './time';

/** How far ahead occurrences of an unbounded series are created. */
export const HORIZON_DAYS = 730;
/** Never more occurrences than this in one series. */
export const MAX_OCCURRENCES = 500;

/**
 * The rule in canonical form (« FREQ=MONTHLY;BYDAY=1TU »), or a French message saying why it
 * cannot be used. Accepts an optional « RRULE: » prefix.
 */
export function parseRrule(text: string): { rule: string } | { error: string } {
	const raw = text.trim().replace(/^RRULE:/i, '');
	if (!raw) return { error: 'Indiquez la règle de répétition.' };
	if (!/^FREQ=/i.test(raw) && !/;FREQ=/i.test(raw)) {
		return { error: 'La règle de répétition doit indiquer une fréquence (FREQ=…).' };
	}
	try {
		const recur = ICAL.Recur.fromString(raw.toUpperCase());
		if (['SECONDLY', 'MINUTELY', 'HOURLY'].includes(recur.freq)) {
			return { error: 'Une série se répète au plus chaque jour.' };
		}
		return { rule: recur.toString() };
	} catch {
		return { error: 'La règle de répétition n’est pas valide (format RRULE de l’iCalendar).' };
	}
}

export interface SeriesRule {
	rule: string;
	/** First occurrence, local wall-clock « YYYY-MM-DDTHH:mm » (or « YYYY-MM-DD » all day). */
	dtstartLocal: string;
	timeZone: string;
	/** Original starts removed from the series. */
	exdates?: Date[];
}

/** Starts (instants) of the series' occurrences up to `until` (inclusive), EXDATEs left out. */
export function expandSeries(series: SeriesRule, until: Date, max = MAX_OCCURRENCES): Date[] {
	const recur = ICAL.Recur.fromString(series.rule);
	const allDay = series.dtstartLocal.length === 10;
	const start = allDay
		? ICAL.Time.fromDateString(series.dtstartLocal)
		: ICAL.Time.fromDateTimeString(`${series.dtstartLocal.slice(0, 16)}:00`);
	const excluded = new Set((series.exdates ?? []).map((d) => d.getTime()));
	const out: Date[] = [];
	const it = recur.iterator(start);
	for (let next = it.next(), guard = 0; next && guard < max * 4; next = it.next(), guard++) {
		const local = allDay ? next.toString().slice(0, 10) : next.toString().slice(0, 16);
		const instant = localToInstant(local, series.timeZone);
		if (!instant || instant > until) break;
		if (!excluded.has(instant.getTime())) out.push(instant);
		if (out.length >= max) break;
	}
	return out;
}
