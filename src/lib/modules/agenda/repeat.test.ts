import { describe, expect, it } from 'vitest';
import { choiceOf, inclusiveUntil, presetRule, repeatChoicesFor, repeatLabels } from './repeat';
import { expandSeries, parseRrule } from './recurrence';

describe('presetRule', () => {
	// 5 March 2030 is the first Tuesday of the month; 26 March 2030 the last one.
	it('builds weekly, fortnightly and monthly rules from the first date', () => {
		expect(presetRule('weekly', '2030-03-05')).toBe('FREQ=WEEKLY');
		expect(presetRule('biweekly', '2030-03-05')).toBe('FREQ=WEEKLY;INTERVAL=2');
		expect(presetRule('monthly-nth', '2030-03-05')).toBe('FREQ=MONTHLY;BYDAY=1TU');
		expect(presetRule('monthly-nth', '2030-03-19')).toBe('FREQ=MONTHLY;BYDAY=3TU');
		expect(presetRule('monthly-last', '2030-03-26')).toBe('FREQ=MONTHLY;BYDAY=-1TU');
	});
	it('says a fifth weekday as the fourth, so that every month has one', () => {
		expect(presetRule('monthly-nth', '2030-03-29')).toBe('FREQ=MONTHLY;BYDAY=4FR');
	});
	it('ends a timed series at the end of its last day, in UTC, that day included', () => {
		const rule = presetRule('weekly', '2030-03-05T18:00', '2030-03-19')!;
		expect(rule).toBe('FREQ=WEEKLY;UNTIL=20300319T225959Z');
		const starts = expandSeries(
			{ rule, dtstartLocal: '2030-03-05T18:00', timeZone: 'Europe/Paris' },
			new Date('2031-01-01')
		);
		expect(starts.map((d) => d.toISOString())).toEqual([
			'2030-03-05T17:00:00.000Z',
			'2030-03-12T17:00:00.000Z',
			'2030-03-19T17:00:00.000Z'
		]);
	});
	it('makes a typed bare-date UNTIL inclusive for a timed series only', () => {
		expect(inclusiveUntil('FREQ=WEEKLY;UNTIL=20300319', false, 'Europe/Paris')).toBe(
			'FREQ=WEEKLY;UNTIL=20300319T225959Z'
		);
		expect(inclusiveUntil('FREQ=WEEKLY;UNTIL=20300319', true, 'Europe/Paris')).toBe(
			'FREQ=WEEKLY;UNTIL=20300319'
		);
	});
	it('adds the end day, and gives rules the parser accepts', () => {
		const rule = presetRule('weekly', '2030-03-05', '2030-06-30')!;
		expect(rule).toBe('FREQ=WEEKLY;UNTIL=20300630');
		expect('rule' in parseRrule(rule)).toBe(true);
	});
	it('gives no rule for no repetition, a custom rule or a bad date', () => {
		expect(presetRule('', '2030-03-05')).toBeNull();
		expect(presetRule('custom', '2030-03-05')).toBeNull();
		expect(presetRule('weekly', '05/03/2030')).toBeNull();
	});
});

describe('repeatLabels and repeatChoicesFor', () => {
	it('names the weekday and its rank in French', () => {
		const labels = repeatLabels('2030-03-05');
		expect(labels.weekly).toBe('Chaque semaine, le mardi');
		expect(labels['monthly-nth']).toBe('Chaque mois, le premier mardi');
	});
	it('offers "the last weekday" only in the last week of the month', () => {
		expect(repeatChoicesFor('2030-03-05')).not.toContain('monthly-last');
		expect(repeatChoicesFor('2030-03-26')).toContain('monthly-last');
	});
});

describe('choiceOf', () => {
	it('recognises a preset and its end day', () => {
		expect(choiceOf('FREQ=MONTHLY;BYDAY=1TU;UNTIL=20301231', '2030-03-05')).toMatchObject({
			repeat: 'monthly-nth',
			until: '2030-12-31'
		});
		expect(choiceOf('FREQ=WEEKLY', '2030-03-05').repeat).toBe('weekly');
		expect(choiceOf('FREQ=WEEKLY;UNTIL=20300630T215959Z', '2030-03-05T18:00')).toMatchObject({
			repeat: 'weekly',
			until: '2030-06-30'
		});
	});
	it('keeps any other rule as a custom one', () => {
		expect(choiceOf('FREQ=WEEKLY;COUNT=10', '2030-03-05')).toEqual({
			repeat: 'custom',
			until: '',
			rrule: 'FREQ=WEEKLY;COUNT=10'
		});
		expect(choiceOf(null, '2030-03-05').repeat).toBe('');
	});
});
