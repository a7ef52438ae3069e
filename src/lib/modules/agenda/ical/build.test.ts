import { describe, expect, it } from 'vitest';
import { parseBoth, parseWithIcalJs } from '../../../../../tests/helpers/ical';
import { buildCalendar, normaliseRrule, type IcsEvent, type IcsSeries } from './build';

const options = { baseUrl: 'https://agenda.example.org', uidHost: 'agenda.example.org' };
const FROM = new Date('2024-01-01T00:00:00Z');
const UNTIL = new Date('2026-12-31T00:00:00Z');

let n = 0;
function event(over: Partial<IcsEvent>): IcsEvent {
	n += 1;
	return {
		id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		slug: `evenement-${n}`,
		kind: 'reunion_chantier',
		title: `Réunion ${n}`,
		description: null,
		startsAt: new Date('2025-05-06T16:00:00Z'),
		endsAt: new Date('2025-05-06T18:00:00Z'),
		allDay: false,
		timeZone: 'Europe/Paris',
		placeName: null,
		address: null,
		onlineUrl: null,
		status: 'confirme',
		seriesId: null,
		recurrenceId: null,
		detached: false,
		sequence: 0,
		createdAt: new Date('2025-01-01T10:00:00Z'),
		updatedAt: new Date('2025-01-02T10:00:00Z'),
		...over
	};
}

/** A weekly Thursday 18:00–20:00 (Paris) series from 2025-03-20, with its materialised rows. */
function weekly(over: Partial<IcsSeries> = {}) {
	const series: IcsSeries = {
		id: 'aaaaaaaa-0000-4000-8000-000000000001',
		rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=34',
		dtstartLocal: '2025-03-20T18:00',
		timeZone: 'Europe/Paris',
		durationMinutes: 120,
		allDay: false,
		exdates: [],
		sequence: 1,
		createdAt: new Date('2025-01-01T10:00:00Z'),
		updatedAt: new Date('2025-01-03T10:00:00Z'),
		...over
	};
	// Occurrence starts as the app stores them (instants), computed here by hand.
	const occurrence = (utcStart: string, more: Partial<IcsEvent> = {}) =>
		event({
			title: 'Réunion hebdomadaire',
			seriesId: series.id,
			recurrenceId: new Date(utcStart),
			startsAt: new Date(utcStart),
			endsAt: new Date(new Date(utcStart).getTime() + 2 * 3600_000),
			...more
		});
	return { series, occurrence };
}

describe('buildCalendar', () => {
	it('keeps Paris local times across the March clock change', () => {
		const night = event({
			title: 'Nuit de la coopération',
			startsAt: new Date('2025-03-29T22:00:00Z'), // 23:00 CET
			endsAt: new Date('2025-03-30T02:00:00Z') // 04:00 CEST
		});
		const ics = buildCalendar([night], [], options);
		expect(ics).toContain('DTSTART;TZID=Europe/Paris:20250329T230000');
		expect(ics).toContain('DTEND;TZID=Europe/Paris:20250330T040000');
		expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Paris/);
		const { instances } = parseBoth(ics, FROM, UNTIL);
		expect(instances).toHaveLength(1);
		expect(instances[0]).toMatchObject({
			start: '2025-03-29T22:00:00.000Z',
			end: '2025-03-30T02:00:00.000Z',
			allDay: false
		});
	});

	it('expands a weekly 18:00 series at 18:00 local across both clock changes', () => {
		const { series, occurrence } = weekly();
		const rows = [occurrence('2025-03-20T17:00:00Z'), occurrence('2025-04-03T16:00:00Z')];
		const ics = buildCalendar(rows, [series], options);
		const { instances } = parseBoth(ics, FROM, UNTIL);
		expect(instances).toHaveLength(34);
		const starts = instances.map((i) => i.start);
		expect(starts).toContain('2025-03-27T17:00:00.000Z'); // before 30 March: UTC+1
		expect(starts).toContain('2025-04-03T16:00:00.000Z'); // after: UTC+2
		expect(starts).toContain('2025-10-23T16:00:00.000Z'); // before 26 October
		expect(starts).toContain('2025-10-30T17:00:00.000Z'); // after: UTC+1 again
		// Every instance starts at 18:00 in Paris and lasts two hours.
		for (const i of instances) {
			const local = new Date(i.start).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' });
			expect(local).toBe('18:00:00');
			expect(new Date(i.end).getTime() - new Date(i.start).getTime()).toBe(7200_000);
		}
		// The rows that follow the rule are not written again.
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
	});

	it('leaves out EXDATEs and cancelled occurrences, and applies a modified one', () => {
		const { series, occurrence } = weekly({ exdates: [new Date('2025-03-27T17:00:00Z')] });
		const moved = occurrence('2025-04-03T16:00:00Z', {
			title: 'Réunion déplacée',
			detached: true,
			sequence: 2,
			startsAt: new Date('2025-04-04T07:00:00Z'), // Friday 09:00
			endsAt: new Date('2025-04-04T08:30:00Z')
		});
		const cancelled = occurrence('2025-04-10T16:00:00Z', { status: 'annule', sequence: 1 });
		const ics = buildCalendar(
			[occurrence('2025-03-20T17:00:00Z'), moved, cancelled],
			[series],
			options
		);
		expect(ics).toContain('EXDATE;TZID=Europe/Paris:20250327T180000,20250410T180000');
		expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Paris:20250403T180000');
		const { instances, components } = parseBoth(ics, FROM, UNTIL);
		const starts = instances.map((i) => i.start);
		expect(instances).toHaveLength(32);
		expect(starts).not.toContain('2025-03-27T17:00:00.000Z');
		expect(starts).not.toContain('2025-04-10T16:00:00.000Z');
		expect(starts).not.toContain('2025-04-03T16:00:00.000Z');
		expect(instances.find((i) => i.start === '2025-04-04T07:00:00.000Z')).toMatchObject({
			summary: 'Réunion déplacée',
			end: '2025-04-04T08:30:00.000Z'
		});
		// One UID for the series, its override raised above the master.
		const uid = `${series.id}@agenda.example.org`;
		expect(components.map((c) => c.uid)).toEqual([uid, uid]);
		expect(components[1]!.sequence).toBeGreaterThan(components[0]!.sequence);
	});

	it('marks a cancelled event, and a series cancelled in full, as CANCELLED', () => {
		const gone = event({ status: 'annule', sequence: 3 });
		const { series, occurrence } = weekly();
		const all = [
			occurrence('2025-03-20T17:00:00Z', { status: 'annule' }),
			occurrence('2025-03-27T17:00:00Z', { status: 'annule' })
		];
		const ics = buildCalendar([gone, ...all], [series], options);
		const { components } = parseWithIcalJs(ics, UNTIL);
		expect(components.map((c) => c.status)).toEqual(['CANCELLED', 'CANCELLED']);
		expect(components[0]).toMatchObject({ sequence: 3, uid: `${gone.id}@agenda.example.org` });
		expect(components[1]!.exdates).toEqual([]);
		const { instances } = parseBoth(ics, FROM, UNTIL);
		expect(instances.find((i) => !i.recurring)?.status).toBe('CANCELLED');
	});

	it('writes all-day events and series as DATE values', () => {
		const day = event({
			allDay: true,
			startsAt: new Date('2024-10-01T22:00:00Z'), // 2 October, Paris midnight
			endsAt: new Date('2024-10-02T22:00:00Z')
		});
		const { series, occurrence } = weekly({
			allDay: true,
			dtstartLocal: '2025-10-20',
			durationMinutes: 1440,
			rrule: 'FREQ=WEEKLY;UNTIL=20251110'
		});
		const moved = occurrence('2025-10-26T23:00:00Z', {
			allDay: true,
			detached: true,
			title: 'Journée décalée',
			startsAt: new Date('2025-10-28T23:00:00Z'),
			endsAt: new Date('2025-10-29T23:00:00Z')
		});
		const ics = buildCalendar([day, moved], [series], options);
		expect(ics).toContain('DTSTART;VALUE=DATE:20241002');
		expect(ics).toContain('DTEND;VALUE=DATE:20241003');
		expect(ics).toContain('RECURRENCE-ID;VALUE=DATE:20251027');
		const { instances, components } = parseBoth(ics, FROM, UNTIL);
		expect(components.every((c) => c.dtstartType === 'date')).toBe(true);
		expect(instances.map((i) => [i.start, i.end, i.allDay])).toEqual([
			['2024-10-02', '2024-10-03', true],
			['2025-10-20', '2025-10-21', true],
			['2025-10-29', '2025-10-30', true],
			['2025-11-03', '2025-11-04', true],
			['2025-11-10', '2025-11-11', true]
		]);
	});

	it('gives the same UIDs and bytes for the same rows, and a higher SEQUENCE after a change', () => {
		const e = event({ title: 'Comité' });
		const first = buildCalendar([e], [], options);
		expect(buildCalendar([e], [], options)).toBe(first);
		const changed = { ...e, title: 'Comité (salle B)', sequence: e.sequence + 1 };
		const second = buildCalendar([changed], [], options);
		const [a] = parseWithIcalJs(first, UNTIL).components;
		const [b] = parseWithIcalJs(second, UNTIL).components;
		expect(b!.uid).toBe(a!.uid);
		expect(b!.uid).toBe(`${e.id}@agenda.example.org`);
		expect(b!.sequence).toBe(a!.sequence + 1);
	});

	it('writes the feed headers, the kind, the place and a plain-text description', () => {
		const e = event({
			kind: 'copil',
			description: '## Ordre du jour\n\n- **Bilan** de l’année\n- [Compte-rendu](https://x.org/cr)',
			placeName: 'Maison des associations',
			address: '3 rue Haute',
			onlineUrl: 'https://visio.example.org/copil'
		});
		const ics = buildCalendar([e], [], {
			...options,
			name: 'Agenda public',
			refreshSeconds: 3600,
			method: 'PUBLISH'
		});
		const { calendar } = parseWithIcalJs(ics, UNTIL);
		expect(calendar).toMatchObject({
			method: 'PUBLISH',
			'x-wr-calname': 'Agenda public',
			'x-wr-timezone': 'Europe/Paris'
		});
		expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
		expect(ics).toContain('CATEGORIES:Comité de pilotage');
		expect(ics).toContain('LOCATION:Maison des associations\\, 3 rue Haute');
		expect(ics).toContain(`URL;VALUE=URI:https://agenda.example.org/agenda/${e.slug}`);
		const unfolded = ics.replace(/\r\n /g, '');
		expect(unfolded).toContain(
			'DESCRIPTION:Ordre du jour\\n\\n- Bilan de l’année\\n- Compte-rendu (https://x.org/cr)'
		);
		expect(unfolded).toContain('En ligne : https://visio.example.org/copil');
		expect(unfolded).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
	});
});

describe('normaliseRrule', () => {
	it('writes UNTIL in UTC for a zoned series, the whole local day included', () => {
		expect(normaliseRrule('FREQ=WEEKLY;UNTIL=20250701', false, 'Europe/Paris')).toBe(
			'FREQ=WEEKLY;UNTIL=20250701T215959Z'
		);
		expect(normaliseRrule('FREQ=DAILY;UNTIL=20250101T180000', false, 'Europe/Paris')).toBe(
			'FREQ=DAILY;UNTIL=20250101T170000Z'
		);
		expect(normaliseRrule('FREQ=DAILY;UNTIL=20250101T170000Z', false, 'Europe/Paris')).toBe(
			'FREQ=DAILY;UNTIL=20250101T170000Z'
		);
		expect(normaliseRrule('FREQ=DAILY;UNTIL=20250101T170000Z', true, 'Europe/Paris')).toBe(
			'FREQ=DAILY;UNTIL=20250101'
		);
	});
});
