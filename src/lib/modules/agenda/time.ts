/**
 * Wall-clock times in a named time zone ↔ instants. Forms and RRULEs speak local time
 * (« 18:00 à Paris »); the database stores instants. Pure, no database.
 */
import { TZDate } from '@date-fns/tz';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

let zones: Set<string> | undefined;

/** Whether the IANA time zone is one this runtime knows (« Europe/Paris », « UTC »…). */
export function isKnownTimeZone(zone: string): boolean {
	zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
	return zones.has(zone);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant of a local date-time (« 2025-03-30T18:00 ») or date (midnight) in `zone`, or
 * null when the text is not one. A time skipped by the spring clock change is read with the
 * offset before the gap (02:30 → 03:30), as RFC 5545 says.
 */
export function localToInstant(local: string, zone: string): Date | null {
	const m = LOCAL.exec(local.trim());
	if (!m) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
	const date = new TZDate(+y!, +mo! - 1, +d!, +h, +mi, +s, zone);
	// TZDate rolls over out-of-range parts (31 February → 3 March): refuse them instead.
	const back = instantToLocal(date, zone);
	if (back.slice(0, 10) !== `${y}-${mo}-${d}`) return null;
	return new Date(date.getTime());
}

/** The local date-time of an instant in `zone`, as « YYYY-MM-DDTHH:mm ». */
export function instantToLocal(instant: Date, zone: string): string {
	const t = new TZDate(instant.getTime(), zone);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}`;
}

/** The local calendar day (« YYYY-MM-DD ») of an instant in `zone`. */
export const instantToLocalDate = (instant: Date, zone: string) =>
	instantToLocal(instant, zone).slice(0, 10);
