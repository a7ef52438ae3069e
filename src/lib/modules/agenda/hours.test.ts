import { describe, expect, it } from 'vitest';
import {
	attendeeMinutes,
	formatDuration,
	parseDuration,
	parseOverride,
	plannedMinutes,
	splitMinutes
} from './hours';

describe('plannedMinutes', () => {
	it('counts the minutes between start and end', () => {
		const start = new Date('2024-03-12T13:30:00Z');
		expect(plannedMinutes(start, new Date('2024-03-12T16:00:00Z'), false)).toBe(150);
	});
	it('counts 7 hours per day for all-day events', () => {
		const start = new Date('2024-10-01T22:00:00Z');
		expect(plannedMinutes(start, new Date('2024-10-02T22:00:00Z'), true)).toBe(420);
		expect(plannedMinutes(start, new Date('2024-10-03T22:00:00Z'), true)).toBe(840);
	});
	it('never goes below zero', () => {
		const start = new Date('2024-03-12T13:30:00Z');
		expect(plannedMinutes(start, new Date('2024-03-12T12:00:00Z'), false)).toBe(0);
	});
});

describe('attendeeMinutes', () => {
	it('prefers the person, then the recorded duration, then the planned one', () => {
		expect(attendeeMinutes(30, 120, 90)).toBe(30);
		expect(attendeeMinutes(null, 120, 90)).toBe(120);
		expect(attendeeMinutes(undefined, null, 90)).toBe(90);
	});
});

describe('durations', () => {
	it('splits and formats', () => {
		expect(splitMinutes(150)).toEqual({ hours: 2, minutes: 30 });
		expect(formatDuration(150)).toBe('2 h 30');
		expect(formatDuration(120)).toBe('2 h');
		expect(formatDuration(45)).toBe('45 min');
		expect(formatDuration(65)).toBe('1 h 05');
	});

	it('reads hours and minutes', () => {
		expect(parseDuration('2', '30')).toEqual({ minutes: 150 });
		expect(parseDuration('', '45')).toEqual({ minutes: 45 });
		expect(parseDuration('24', '0')).toEqual({ minutes: 1440 });
	});

	it('refuses zero, more than 24 hours and bad numbers with French messages', () => {
		expect(parseDuration('0', '0')).toEqual({ error: 'La durée doit être supérieure à zéro.' });
		expect(parseDuration('24', '1')).toEqual({
			error: 'La durée ne peut pas dépasser 24 heures.'
		});
		expect(parseDuration('2', '75')).toEqual({ error: 'Les minutes vont de 0 à 59.' });
		expect(parseDuration('-1', '0')).toHaveProperty('error');
		expect(parseDuration('1,5', '0')).toHaveProperty('error');
	});

	it('reads an optional override', () => {
		expect(parseOverride('')).toEqual({ minutes: null });
		expect(parseOverride(' 45 ')).toEqual({ minutes: 45 });
		expect(parseOverride('0')).toHaveProperty('error');
		expect(parseOverride('1441')).toHaveProperty('error');
		expect(parseOverride('abc')).toHaveProperty('error');
	});
});
