/**
 * Event rows (and their series) as an iCalendar object (RFC 5545). Pure: no database.
 *
 * - Times are written in the event's own zone (DTSTART;TZID=Europe/Paris:…) with the zone's
 *   VTIMEZONE, so that a weekly 18:00 stays 18:00 across clock changes in every client;
 *   all-day events are DATE values (end exclusive).
 * - A series is one master VEVENT (UID = the series, RRULE, EXDATE) plus one VEVENT with a
 *   RECURRENCE-ID for each occurrence edited on its own. Occurrences that follow the rule are
 *   not written: the RRULE gives them. A cancelled occurrence becomes an EXDATE (every client
 *   removes it; a cancelled override is shown struck out by some, dropped or kept by others);
 *   a series whose occurrences are all cancelled is a cancelled master.
 * - An occurrence given without its series is written as an event of its own (UID = the
 *   event): the file of one meeting, attached to a registration email.
 * - DTSTAMP is the row's last change unless `now` is given, so that the same rows give the
 *   same bytes (ETags) and UIDs never change between two exports.
 */
import ical, {
	ICalCalendarMethod,
	ICalEventStatus,
	type ICalEvent,
	type ICalEventData
} from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { eventKindLabels, type EventKind } from '../labels';
import { DEFAULT_TIME_ZONE, instantToLocal, localToInstant } from '../time';
import { markdownToPlainText } from './plain-text';
import { ZonedDate } from './zoned';

export interface IcsEvent {
	id: string;
	slug: string;
	kind: EventKind;
	title: string;
	description: string | null;
	startsAt: Date;
	endsAt: Date;
	allDay: boolean;
	timeZone: string;
	placeName: string | null;
	address: string | null;
	/** The commune's name, when known. */
	commune?: string | null;
	onlineUrl: string | null;
	status: 'confirme' | 'annule';
	seriesId: string | null;
	recurrenceId: Date | null;
	detached: boolean;
	sequence: number;
	createdAt: Date;
	updatedAt: Date;
	/** Names of the organising spaces, written in the description. */
	spaces?: string[];
}

export interface IcsSeries {
	id: string;
	rrule: string;
	dtstartLocal: string;
	timeZone: string;
	durationMinutes: number;
	allDay: boolean;
	exdates: Date[];
	sequence: number;
	createdAt: Date;
	updatedAt: Date;
}

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarOptions {
	/** The site's address, for the events' URLs (« https://exemple.org »). */
	baseUrl: string;
	/** Right-hand part of the UIDs (« exemple.org »). */
	uidHost: string;
	/** Feed name (X-WR-CALNAME) and description. */
	name?: string;
	description?: string;
	method?: IcsMethod;
	/** Feeds: how often subscribers should refresh, in seconds (REFRESH-INTERVAL). */
	refreshSeconds?: number;
	/** DTSTAMP of every component (an invitation's time); defaults to each row's last change. */
	now?: Date;
	/** Needed by REQUEST and CANCEL (iTIP). */
	organizer?: { name: string; email: string };
}

const PROD_ID = { company: 'Chantiers', product: 'Agenda', language: 'FR' };

/** The VTIMEZONE of a zone, from the packaged IANA data. */
function vtimezone(zone: string): string | null {
	const block = tzlib_get_ical_block(zone);
	return Array.isArray(block) ? (block[0] ?? null) : null;
}

/** « YYYY-MM-DDTHH:mm » + minutes, on the wall clock. */
function addLocalMinutes(local: string, minutes: number): string {
	const base = new Date(`${local.length === 10 ? `${local}T00:00` : local.slice(0, 16)}:00Z`);
	return new Date(base.getTime() + minutes * 60_000).toISOString().slice(0, 16);
}

const compact = (local: string) => local.replace(/[-:]/g, '');

/** An instant as a date that ical-generator writes in `zone` (it calls withTimeZone). */
const inZone = (instant: Date, zone: string) => new ZonedDate(instant, zone);

const maxDate = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/**
 * The rule as RFC 5545 wants it with a zoned DTSTART: UNTIL in UTC for timed series (a local
 * or date-only UNTIL is read in the series' zone, the whole day included), a DATE for all-day.
 */
export function normaliseRrule(rule: string, allDay: boolean, zone: string): string {
	return rule.replace(
		/UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?/i,
		(m, y, mo, d, h, mi, s, z) => {
			if (allDay) return `UNTIL=${y}${mo}${d}`;
			if (z) return m.toUpperCase();
			const local = h ? `${y}-${mo}-${d}T${h}:${mi}:${s}` : `${y}-${mo}-${d}T23:59:59`;
			const instant = localToInstant(local, zone);
			if (!instant) return m;
			return `UNTIL=${instant.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
		}
	);
}

function exdateLine(series: IcsSeries, instants: Date[]): string {
	const locals = [...new Set(instants.map((d) => instantToLocal(d, series.timeZone)))].sort();
	if (series.allDay) {
		return `EXDATE;VALUE=DATE:${locals.map((l) => compact(l.slice(0, 10))).join(',')}`;
	}
	return `EXDATE;TZID=${series.timeZone}:${locals.map((l) => `${compact(l)}00`).join(',')}`;
}

function location(e: IcsEvent): string | undefined {
	const place = [e.placeName, e.address, e.commune].filter(Boolean).join(', ');
	return place || e.onlineUrl || undefined;
}

function description(e: IcsEvent, url: string): string {
	const parts: string[] = [];
	if (e.status === 'annule') parts.push('Événement annulé.');
	if (e.description) parts.push(markdownToPlainText(e.description));
	if (e.onlineUrl) parts.push(`En ligne : ${e.onlineUrl}`);
	if (e.spaces?.length) parts.push(`Organisé par : ${e.spaces.join(', ')}`);
	parts.push(url);
	return parts.filter(Boolean).join('\n\n');
}

/** What every VEVENT of a row carries, times and identity aside. */
function common(e: IcsEvent, options: CalendarOptions): Omit<ICalEventData, 'start'> {
	const url = `${options.baseUrl}/agenda/${e.slug}`;
	return {
		summary: e.title,
		description: description(e, url),
		location: location(e),
		url,
		categories: [{ name: eventKindLabels[e.kind] }],
		status: e.status === 'annule' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		created: e.createdAt,
		lastModified: e.updatedAt,
		stamp: options.now ?? e.updatedAt,
		organizer: options.organizer
	};
}

/** A DATE RECURRENCE-ID for all-day overrides (ical-generator writes a zoned DATE-TIME). */
function dateRecurrenceId(event: ICalEvent): void {
	const write = event.toString.bind(event);
	event.toString = () =>
		write().replace(
			/\r\nRECURRENCE-ID;TZID=[^:\r\n]+:(\d{8})T\d{6}\r\n/,
			'\r\nRECURRENCE-ID;VALUE=DATE:$1\r\n'
		);
}

/** The row that speaks for the series: the next occurrence that follows the rule. */
function representative(rows: IcsEvent[], now: Date): IcsEvent {
	const sorted = [...rows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
	const following = sorted.filter((r) => !r.detached && r.status !== 'annule');
	const pool = following.length > 0 ? following : sorted;
	return pool.find((r) => r.startsAt >= now) ?? pool[pool.length - 1]!;
}

function isOverride(row: IcsEvent): boolean {
	return (
		row.detached ||
		(row.recurrenceId !== null && row.startsAt.getTime() !== row.recurrenceId.getTime())
	);
}

/** The calendar of these rows; `series` are the series some rows belong to. */
export function buildCalendar(
	rows: IcsEvent[],
	series: IcsSeries[],
	options: CalendarOptions
): string {
	const calendar = ical({
		prodId: PROD_ID,
		method: options.method ? ICalCalendarMethod[options.method] : undefined,
		name: options.name,
		description: options.description,
		// No calendar zone name: DTSTAMP, CREATED and LAST-MODIFIED stay in UTC as RFC 5545 wants.
		timezone: { name: null, generator: vtimezone },
		ttl: options.refreshSeconds
	});
	if (options.name) calendar.x('X-WR-TIMEZONE', DEFAULT_TIME_ZONE);
	const uid = (id: string) => `${id}@${options.uidHost}`;
	const seriesById = new Map(series.map((s) => [s.id, s]));
	const bySeries = new Map<string, IcsEvent[]>();

	for (const row of rows) {
		if (row.seriesId && row.recurrenceId && seriesById.has(row.seriesId)) {
			const list = bySeries.get(row.seriesId) ?? [];
			list.push(row);
			bySeries.set(row.seriesId, list);
			continue;
		}
		calendar.createEvent({
			...common(row, options),
			id: uid(row.id),
			sequence: row.sequence,
			start: inZone(row.startsAt, row.timeZone),
			end: inZone(row.endsAt, row.timeZone),
			allDay: row.allDay,
			timezone: row.timeZone
		});
	}

	const now = options.now ?? new Date();
	for (const [seriesId, occurrences] of bySeries) {
		const s = seriesById.get(seriesId)!;
		const allCancelled = occurrences.every((o) => o.status === 'annule');
		const cancelled = allCancelled
			? []
			: occurrences.filter((o) => o.status === 'annule').map((o) => o.recurrenceId!);
		const exdates = [...s.exdates, ...cancelled];
		const rep = representative(occurrences, now);
		const startLocal = s.allDay ? s.dtstartLocal.slice(0, 10) : s.dtstartLocal.slice(0, 16);
		const endLocal = addLocalMinutes(startLocal, s.durationMinutes);
		const start = localToInstant(startLocal, s.timeZone)!;
		const end = localToInstant(s.allDay ? endLocal.slice(0, 10) : endLocal, s.timeZone)!;
		const rule = `RRULE:${normaliseRrule(s.rrule, s.allDay, s.timeZone)}`;
		const stamp = maxDate(s.updatedAt, rep.updatedAt);
		calendar.createEvent({
			...common({ ...rep, status: allCancelled ? 'annule' : 'confirme' }, options),
			id: uid(s.id),
			sequence: s.sequence,
			start: inZone(start, s.timeZone),
			end: inZone(end, s.timeZone),
			allDay: s.allDay,
			timezone: s.timeZone,
			repeating: exdates.length > 0 ? `${rule}\n${exdateLine(s, exdates)}` : rule,
			created: s.createdAt,
			lastModified: stamp,
			stamp: options.now ?? stamp
		});
		for (const o of occurrences) {
			// Cancelled ones are EXDATEs (or the cancelled master): no override for them.
			if (o.status === 'annule' || !isOverride(o)) continue;
			const event = calendar.createEvent({
				...common(o, options),
				id: uid(s.id),
				// Both only grow: the sum grows whenever the occurrence or its series changes.
				sequence: s.sequence + o.sequence,
				start: inZone(o.startsAt, o.timeZone),
				end: inZone(o.endsAt, o.timeZone),
				allDay: o.allDay,
				timezone: o.timeZone,
				recurrenceId: inZone(o.recurrenceId!, o.timeZone)
			});
			if (o.allDay) dateRecurrenceId(event);
		}
	}
	return calendar.toString();
}
