import { describe, expect, it } from 'vitest';
import { aggregate, parseFiguresFilters, type FigureAttendance, type FigureEvent } from './figures';

const events: FigureEvent[] = [
	{ id: 'a', kind: 'copil', spaceIds: ['copil'], plannedMinutes: 120, recordedMinutes: 90 },
	{
		id: 'b',
		kind: 'reunion_chantier',
		spaceIds: ['c1'],
		plannedMinutes: 60,
		recordedMinutes: null
	},
	{
		id: 'c',
		kind: 'interchantiers',
		spaceIds: ['c1', 'c2'],
		plannedMinutes: 420,
		recordedMinutes: null
	}
];
const attendance: FigureAttendance[] = [
	{ eventId: 'a', participant: 'u:1', timeKind: 'salarie', minutes: null },
	{ eventId: 'a', participant: 'n:léa', timeKind: 'benevole', minutes: 30 },
	{ eventId: 'b', participant: 'u:1', timeKind: 'salarie', minutes: null },
	{ eventId: 'c', participant: 'u:2', timeKind: 'benevole', minutes: null },
	{ eventId: 'c', participant: 'n:léa', timeKind: 'benevole', minutes: 200 },
	// An event left out by the period: its attendance does not count.
	{ eventId: 'z', participant: 'u:9', timeKind: 'benevole', minutes: 600 }
];

describe('aggregate', () => {
	it('counts every event once overall, with each person once', () => {
		const f = aggregate(events, attendance);
		expect(f.meetingsTotal).toBe(3);
		expect(f.meetings).toMatchObject({
			copil: 1,
			reunion_chantier: 1,
			interchantiers: 1,
			webinaire: 0
		});
		expect(f.participants).toBe(3);
		// 90 + 30 + 60 + 420 + 200
		expect(f.minutesGiven).toBe(800);
		expect(f.volunteerMinutes).toBe(30 + 420 + 200);
		expect(f.paidMinutes).toBe(90 + 60);
	});

	it('keeps a space’s own events, a shared one in each of its spaces', () => {
		const c1 = aggregate(events, attendance, 'c1');
		expect(c1.meetingsTotal).toBe(2);
		expect(c1.minutesGiven).toBe(60 + 420 + 200);
		expect(c1.participants).toBe(3);
		const c2 = aggregate(events, attendance, 'c2');
		expect(c2.meetings.interchantiers).toBe(1);
		expect(c2.volunteerMinutes).toBe(620);
		expect(c2.paidMinutes).toBe(0);
		expect(aggregate(events, attendance, 'none').meetingsTotal).toBe(0);
	});
});

describe('parseFiguresFilters', () => {
	const parse = (q: string) => parseFiguresFilters(new URLSearchParams(q));
	it('reads a year, or days, and a space', () => {
		expect(parse('annee=2024&espace=comite-de-pilotage')).toEqual({
			from: '2024-01-01',
			to: '2024-12-31',
			space: 'comite-de-pilotage',
			year: 2024
		});
		expect(parse('du=2024-03-01&au=2024-06-30')).toMatchObject({
			from: '2024-03-01',
			to: '2024-06-30',
			year: null
		});
	});
	it('ignores what is malformed and swaps reversed days', () => {
		expect(parse('annee=abc&du=2024-13-45&espace=../x')).toEqual({
			from: null,
			to: null,
			space: null,
			year: null
		});
		expect(parse('du=2025-01-01&au=2024-01-01')).toMatchObject({
			from: '2024-01-01',
			to: '2025-01-01'
		});
	});
});
