import { describe, expect, it } from 'vitest';
import { expandSeries, MAX_OCCURRENCES, parseRrule } from './recurrence';
import { instantToLocal, localToInstant } from './time';

const P = 'Europe/Paris';
const local = (ds: Date[]) => ds.map((d) => instantToLocal(d, P));
const far = new Date('2040-01-01T00:00:00Z');

describe('parseRrule', () => {
	it('accepts a rule with or without the RRULE: prefix, in any case', () => {
		expect(parseRrule('RRULE:freq=monthly;byday=1tu')).toEqual({ rule: 'FREQ=MONTHLY;BYDAY=1TU' });
		expect(parseRrule('FREQ=WEEKLY;COUNT=3')).toEqual({ rule: 'FREQ=WEEKLY;COUNT=3' });
	});

	it('refuses malformed rules with a French message', () => {
		expect(parseRrule('')).toEqual({ error: 'Indiquez la règle de répétition.' });
		expect(parseRrule('BYDAY=MO')).toEqual({
			error: 'La règle de répétition doit indiquer une fréquence (FREQ=…).'
		});
		expect(parseRrule('FREQ=HOURLY')).toEqual({
			error: 'Une série se répète au plus chaque jour.'
		});
		const bad = parseRrule('FREQ=SOMETIMES');
		expect('error' in bad && bad.error).toContain('n’est pas valide');
	});
});

describe('expandSeries', () => {
	it('keeps the wall-clock time across the March and October clock changes', () => {
		const starts = expandSeries(
			{ rule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=12', dtstartLocal: '2025-01-07T18:00', timeZone: P },
			far
		);
		expect(starts).toHaveLength(12);
		expect(new Set(local(starts).map((s) => s.slice(11)))).toEqual(new Set(['18:00']));
		// 18:00 in Paris is 17:00 UTC in winter, 16:00 UTC in summer.
		expect(starts[2]!.toISOString()).toBe('2025-03-04T17:00:00.000Z');
		expect(starts[3]!.toISOString()).toBe('2025-04-01T16:00:00.000Z');
		expect(starts[9]!.toISOString()).toBe('2025-10-07T16:00:00.000Z');
		expect(starts[10]!.toISOString()).toBe('2025-11-04T17:00:00.000Z');
	});

	it('expands weekly meetings on the weekend of a clock change', () => {
		const starts = expandSeries(
			{ rule: 'FREQ=WEEKLY;COUNT=3', dtstartLocal: '2025-03-23T10:00', timeZone: P },
			far
		);
		expect(local(starts)).toEqual(['2025-03-23T10:00', '2025-03-30T10:00', '2025-04-06T10:00']);
		expect(starts[1]!.getTime() - starts[0]!.getTime()).toBe((7 * 24 - 1) * 3_600_000);
	});

	it('leaves out EXDATEs', () => {
		const exdate = localToInstant('2025-02-04T18:00', P)!;
		const starts = expandSeries(
			{
				rule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=3',
				dtstartLocal: '2025-01-07T18:00',
				timeZone: P,
				exdates: [exdate]
			},
			far
		);
		expect(local(starts)).toEqual(['2025-01-07T18:00', '2025-03-04T18:00']);
	});

	it('stops at UNTIL, at the horizon given, and at the maximum', () => {
		const until = expandSeries(
			{ rule: 'FREQ=WEEKLY;UNTIL=20250121T235959Z', dtstartLocal: '2025-01-07T18:00', timeZone: P },
			far
		);
		expect(local(until)).toEqual(['2025-01-07T18:00', '2025-01-14T18:00', '2025-01-21T18:00']);
		const horizon = expandSeries(
			{ rule: 'FREQ=DAILY', dtstartLocal: '2025-01-01T09:00', timeZone: P },
			new Date('2025-01-05T08:00:00Z')
		);
		expect(horizon).toHaveLength(5);
		const capped = expandSeries(
			{ rule: 'FREQ=DAILY', dtstartLocal: '2025-01-01T09:00', timeZone: P },
			far
		);
		expect(capped).toHaveLength(MAX_OCCURRENCES);
	});

	it('expands all-day series on days', () => {
		const starts = expandSeries(
			{ rule: 'FREQ=YEARLY;COUNT=2', dtstartLocal: '2025-10-26', timeZone: P },
			far
		);
		expect(local(starts)).toEqual(['2025-10-26T00:00', '2026-10-26T00:00']);
	});
});
