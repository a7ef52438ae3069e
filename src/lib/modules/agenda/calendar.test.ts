import { describe, expect, it } from 'vitest';
import {
	coveredDays,
	gridRange,
	localDay,
	monthOf,
	monthWeeks,
	parseMonth,
	placeEvents,
	shiftMonth
} from './calendar';
import { filtersQuery, parsePage, parseViewFilters } from './view-filters';
import { instantToLocalDate } from './time';

const at = (iso: string) => new Date(iso);

describe('months', () => {
	it('parses « YYYY-MM » and refuses anything else', () => {
		expect(parseMonth('2025-03')).toEqual({ year: 2025, month: 3 });
		for (const bad of ['2025-13', '2025-00', '2025-3', '25-03', '2025-03-01', 'mars']) {
			expect(parseMonth(bad), bad).toBeNull();
		}
	});

	it('shifts across years', () => {
		expect(shiftMonth({ year: 2025, month: 12 }, 1)).toEqual({ year: 2026, month: 1 });
		expect(shiftMonth({ year: 2025, month: 1 }, -1)).toEqual({ year: 2024, month: 12 });
		expect(shiftMonth({ year: 2025, month: 5 }, -17)).toEqual({ year: 2023, month: 12 });
	});

	it('reads the month of an instant in Paris, not in UTC', () => {
		// 31 March 2025 23:30 UTC is already 1 April in Paris.
		expect(monthOf(at('2025-03-31T23:30:00Z'))).toEqual({ year: 2025, month: 4 });
		expect(monthOf(at('2025-03-31T21:30:00Z'))).toEqual({ year: 2025, month: 3 });
	});
});

describe('local day', () => {
	it('agrees with instantToLocalDate every 37 minutes over a year, clock changes included', () => {
		for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 37 * 60_000) {
			const d = new Date(t);
			expect(localDay(d)).toBe(instantToLocalDate(d, 'Europe/Paris'));
		}
		const d = new Date('2025-06-30T23:30:00Z');
		expect(localDay(d, 'America/New_York')).toBe('2025-06-30');
		expect(localDay(d, 'Europe/Paris')).toBe('2025-07-01');
	});
});

describe('weeks of a month', () => {
	it('run from Monday to Sunday and cover the whole month', () => {
		// March 2025: Saturday 1st to Monday 31st → 24 February to 6 April, 6 weeks.
		const weeks = monthWeeks({ year: 2025, month: 3 });
		expect(weeks).toHaveLength(6);
		expect(weeks[0]![0]).toEqual({ date: '2025-02-24', inMonth: false, weekday: 1 });
		expect(weeks[0]![5]).toEqual({ date: '2025-03-01', inMonth: true, weekday: 6 });
		expect(weeks.at(-1)![0]!.date).toBe('2025-03-31');
		expect(weeks.at(-1)![6]).toEqual({ date: '2025-04-06', inMonth: false, weekday: 7 });
		const inMonth = weeks.flat().filter((d) => d.inMonth);
		expect(inMonth).toHaveLength(31);
		for (const w of weeks) expect(w.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('take four weeks for a February starting on Monday', () => {
		const weeks = monthWeeks({ year: 2027, month: 2 });
		expect(weeks).toHaveLength(4);
		expect(weeks.flat().every((d) => d.inMonth)).toBe(true);
	});

	it('count 29 days in a leap February', () => {
		const days = monthWeeks({ year: 2024, month: 2 })
			.flat()
			.filter((d) => d.inMonth);
		expect(days.at(-1)!.date).toBe('2024-02-29');
	});

	it('are bounded by local midnights, across the March clock change', () => {
		// 24 February is in winter time (UTC+1), 7 April in summer time (UTC+2).
		const { from, to } = gridRange({ year: 2025, month: 3 });
		expect(from.toISOString()).toBe('2025-02-23T23:00:00.000Z');
		expect(to.toISOString()).toBe('2025-04-06T22:00:00.000Z');
	});

	it('are bounded by local midnights, across the October clock change', () => {
		// October 2025: 29 September (UTC+2) to 3 November (UTC+1).
		const { from, to } = gridRange({ year: 2025, month: 10 });
		expect(from.toISOString()).toBe('2025-09-28T22:00:00.000Z');
		expect(to.toISOString()).toBe('2025-11-02T23:00:00.000Z');
	});
});

describe('days an event covers', () => {
	it('is one day for a meeting', () => {
		expect(
			coveredDays({ startsAt: at('2025-03-12T17:00:00Z'), endsAt: at('2025-03-12T19:00:00Z') })
		).toEqual(['2025-03-12']);
	});

	it('follows Paris time around midnight on the night of the spring change', () => {
		// 30 March 2025 23:30 Paris (summer time) = 21:30 UTC; 31 March 00:30 Paris = 30 March 22:30 UTC.
		expect(
			coveredDays({ startsAt: at('2025-03-30T21:30:00Z'), endsAt: at('2025-03-30T21:45:00Z') })
		).toEqual(['2025-03-30']);
		expect(
			coveredDays({ startsAt: at('2025-03-30T22:30:00Z'), endsAt: at('2025-03-30T23:00:00Z') })
		).toEqual(['2025-03-31']);
	});

	it('spreads a multi-day event over every day, across the October change', () => {
		// Saturday 25 October 2025 10:00 (UTC+2) to Monday 27 October 16:00 (UTC+1).
		expect(
			coveredDays({ startsAt: at('2025-10-25T08:00:00Z'), endsAt: at('2025-10-27T15:00:00Z') })
		).toEqual(['2025-10-25', '2025-10-26', '2025-10-27']);
	});

	it('stops an all-day event before its exclusive end at midnight', () => {
		// All day 29 and 30 March 2025: midnight 29 March (UTC+1) to midnight 31 March (UTC+2).
		expect(
			coveredDays({ startsAt: at('2025-03-28T23:00:00Z'), endsAt: at('2025-03-30T22:00:00Z') })
		).toEqual(['2025-03-29', '2025-03-30']);
	});

	it('keeps the start day when the end is not after the start', () => {
		const t = at('2025-03-12T17:00:00Z');
		expect(coveredDays({ startsAt: t, endsAt: t })).toEqual(['2025-03-12']);
	});
});

describe('placing events on the grid', () => {
	it('puts each event on every grid day it covers and ignores days outside the grid', () => {
		const weeks = monthWeeks({ year: 2025, month: 3 });
		const launch = {
			id: 'a',
			startsAt: at('2025-03-12T08:00:00Z'),
			endsAt: at('2025-03-12T16:00:00Z')
		};
		// From 20 February to 26 February: only 24–26 February are on the March grid.
		const long = {
			id: 'b',
			startsAt: at('2025-02-20T08:00:00Z'),
			endsAt: at('2025-02-26T16:00:00Z')
		};
		const byDay = placeEvents(weeks, [launch, long]);
		expect(byDay.get('2025-03-12')!.map((e) => e.id)).toEqual(['a']);
		expect(byDay.get('2025-02-24')!.map((e) => e.id)).toEqual(['b']);
		expect(byDay.get('2025-02-26')!.map((e) => e.id)).toEqual(['b']);
		expect(byDay.get('2025-02-27')).toEqual([]);
		expect(byDay.has('2025-02-20')).toBe(false);
		expect([...byDay.values()].flat()).toHaveLength(4);
	});
});

describe('filters in the address', () => {
	it('keep known kinds and a slug, and write them back', () => {
		const f = parseViewFilters(
			new URLSearchParams('type=copil&type=inconnu&type=webinaire&espace=chantier-3')
		);
		expect(f).toEqual({ kinds: ['copil', 'webinaire'], space: 'chantier-3' });
		expect(filtersQuery(f, { page: '2' })).toBe(
			'?type=copil&type=webinaire&espace=chantier-3&page=2'
		);
		expect(filtersQuery({ kinds: [], space: null })).toBe('');
	});

	it('ignore a malformed space and page', () => {
		expect(parseViewFilters(new URLSearchParams('espace=../x')).space).toBeNull();
		expect(parsePage(new URLSearchParams('page=0'))).toBe(1);
		expect(parsePage(new URLSearchParams('page=abc'))).toBe(1);
		expect(parsePage(new URLSearchParams('page=3'))).toBe(3);
	});
});
