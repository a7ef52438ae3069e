/**
 * Reads an iCalendar text with two independent parsers, ical.js (which uses the file's own
 * VTIMEZONE) and node-ical (which uses the runtime's zone data), and expands its series the
 * way a calendar would. Tests compare both with times they state themselves.
 */
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';

export interface Instance {
	uid: string;
	summary: string;
	/** UTC instant (ISO), or « YYYY-MM-DD » for an all-day instance. */
	start: string;
	end: string;
	allDay: boolean;
	status: string | null;
	/** Part of a series. */
	recurring: boolean;
}

export interface Parsed {
	instances: Instance[];
	/** Raw VEVENTs as ical.js reads them (uid, sequence, status, recurrence-id…). */
	components: {
		uid: string;
		sequence: number;
		status: string | null;
		recurrenceId: string | null;
		dtstartTzid: string | null;
		dtstartType: string;
		rrule: string | null;
		exdates: string[];
	}[];
	calendar: Record<string, string>;
}

const byStart = (a: Instance, b: Instance) =>
	a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid);

const iso = (d: Date) => d.toISOString();

/** ical.js: VTIMEZONEs registered from the file, series expanded with their exceptions. */
export function parseWithIcalJs(text: string, until: Date): Parsed {
	ICAL.TimezoneService.reset();
	const root = new ICAL.Component(ICAL.parse(text));
	for (const tz of root.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	}
	const vevents = root.getAllSubcomponents('vevent');
	const components = vevents.map((c) => {
		const start = c.getFirstProperty('dtstart')!;
		const rrule = c.getFirstPropertyValue('rrule');
		return {
			uid: String(c.getFirstPropertyValue('uid')),
			sequence: Number(c.getFirstPropertyValue('sequence') ?? 0),
			status: (c.getFirstPropertyValue('status') as string | null) ?? null,
			recurrenceId: c.hasProperty('recurrence-id')
				? String(c.getFirstPropertyValue('recurrence-id'))
				: null,
			dtstartTzid: (start.getParameter('tzid') as string | undefined) ?? null,
			dtstartType: start.type,
			rrule: rrule ? String(rrule) : null,
			exdates: c.getAllProperties('exdate').flatMap((p) => p.getValues().map((v) => String(v)))
		};
	});
	const calendar: Record<string, string> = {};
	for (const p of root.getAllProperties()) calendar[p.name] = String(p.getFirstValue());

	const masters = vevents.filter((c) => !c.hasProperty('recurrence-id'));
	const instances: Instance[] = [];
	const value = (t: ICAL.Time) => (t.isDate ? t.toString() : iso(t.toJSDate()));
	for (const m of masters) {
		const event = new ICAL.Event(m);
		for (const e of vevents) {
			if (e.hasProperty('recurrence-id') && e.getFirstPropertyValue('uid') === event.uid) {
				event.relateException(e);
			}
		}
		if (!event.isRecurring()) {
			instances.push({
				uid: event.uid,
				summary: event.summary,
				start: value(event.startDate),
				end: value(event.endDate),
				allDay: event.startDate.isDate,
				status: (m.getFirstPropertyValue('status') as string | null) ?? null,
				recurring: false
			});
			continue;
		}
		const it = event.iterator();
		for (let next = it.next(); next && next.toJSDate() <= until; next = it.next()) {
			const d = event.getOccurrenceDetails(next);
			instances.push({
				uid: event.uid,
				summary: d.item.summary,
				start: value(d.startDate),
				end: value(d.endDate),
				allDay: d.startDate.isDate,
				status: (d.item.component.getFirstPropertyValue('status') as string | null) ?? null,
				recurring: true
			});
		}
	}
	return { instances: instances.sort(byStart), components, calendar };
}

/** node-ical: its own parse and its own expansion of RRULE, EXDATE and RECURRENCE-ID. */
export function parseWithNodeIcal(text: string, from: Date, until: Date): Instance[] {
	const data = nodeIcal.sync.parseICS(text);
	const out: Instance[] = [];
	const day = (d: Date) => {
		// node-ical gives all-day dates at local midnight of the runtime.
		const p = (n: number) => String(n).padStart(2, '0');
		return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
	};
	for (const item of Object.values(data)) {
		if (!item || item.type !== 'VEVENT') continue;
		const event = item as VEvent;
		for (const i of nodeIcal.expandRecurringEvent(event, { from, to: until })) {
			out.push({
				uid: event.uid,
				summary: String(
					typeof i.summary === 'object' ? (i.summary as { val: string }).val : i.summary
				),
				start: i.isFullDay ? day(i.start) : iso(i.start),
				end: i.isFullDay ? day(i.end) : iso(i.end),
				allDay: i.isFullDay,
				status: (i.event.status as string | undefined) ?? null,
				recurring: i.isRecurring
			});
		}
	}
	return out.sort(byStart);
}

/** The same instances through both parsers (throws with both lists when they differ). */
export function parseBoth(text: string, from: Date, until: Date): Parsed {
	const a = parseWithIcalJs(text, until);
	const inRange = a.instances.filter((i) => {
		const end = i.allDay ? new Date(`${i.end}T00:00:00Z`) : new Date(i.end);
		return end >= from;
	});
	const b = parseWithNodeIcal(text, from, until);
	const key = (i: Instance) => `${i.uid}|${i.start}|${i.end}|${i.allDay}|${i.summary}|${i.status}`;
	const ka = inRange.map(key);
	const kb = b.map(key);
	if (ka.join('\n') !== kb.join('\n')) {
		throw new Error(`ical.js and node-ical disagree:\n${ka.join('\n')}\n---\n${kb.join('\n')}`);
	}
	return { ...a, instances: inRange };
}
