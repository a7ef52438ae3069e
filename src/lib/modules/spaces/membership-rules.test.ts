import { describe, expect, it } from 'vitest';
import {
	checkCharterConsent,
	checkInvolvement,
	checkMessage,
	keepsAReferent,
	mainRole,
	parseRole,
	totalHours
} from './membership-rules';

describe('checkInvolvement', () => {
	it('needs what the person brings; hours are optional whole numbers', () => {
		expect(checkInvolvement({ contribution: ' Animation ', hoursPerMonth: '4' })).toEqual({
			value: { contribution: 'Animation', hoursPerMonth: 4 },
			errors: {}
		});
		expect(checkInvolvement({ contribution: 'x', hoursPerMonth: '' }).value.hoursPerMonth).toBe(
			null
		);
		expect(checkInvolvement({}).errors.contribution).toMatch(/apporter/);
		expect(checkInvolvement({ contribution: 'x'.repeat(1001) }).errors.contribution).toMatch(
			/1000/
		);
	});
	it('refuses hours that are not a whole number between 0 and 160', () => {
		for (const h of ['-1', '2,5', '161', 'beaucoup']) {
			expect(
				checkInvolvement({ contribution: 'x', hoursPerMonth: h }).errors.hoursPerMonth
			).toMatch(/entre 0 et 160/);
		}
		expect(checkInvolvement({ contribution: 'x', hoursPerMonth: '0' }).value.hoursPerMonth).toBe(0);
	});
});

describe('checkMessage', () => {
	it('keeps an optional message up to 1000 characters', () => {
		expect(checkMessage('  ')).toEqual({ value: null, errors: {} });
		expect(checkMessage(' Bonjour ')).toEqual({ value: 'Bonjour', errors: {} });
		expect(checkMessage('x'.repeat(1001), 'reason').errors.reason).toMatch(/1000/);
	});
});

describe('checkCharterConsent', () => {
	it('needs the box ticked for the version in force', () => {
		expect(checkCharterConsent('on', '2', 2)).toEqual({});
		expect(checkCharterConsent(undefined, '2', 2).charter).toMatch(
			/acceptez la charte \(version 2\)/
		);
		expect(checkCharterConsent('on', '1', 2).charter).toMatch(/a changé/);
		expect(checkCharterConsent(undefined, undefined, null)).toEqual({});
	});
});

describe('roles', () => {
	it('parses only known roles, and the allowed ones', () => {
		expect(parseRole('membre')).toBe('membre');
		expect(parseRole('admin')).toBe(null);
		expect(parseRole('referent', ['membre', 'observateur'])).toBe(null);
	});
	it('names the main role of several', () => {
		expect(mainRole(['observateur', 'referent'])).toBe('referent');
		expect(mainRole([])).toBe(null);
	});
	it('keeps at least one référent·e', () => {
		expect(keepsAReferent(['a'], 'a', 'membre')).toBe(false);
		expect(keepsAReferent(['a'], 'a', null)).toBe(false);
		expect(keepsAReferent(['a', 'b'], 'a', null)).toBe(true);
		expect(keepsAReferent(['a'], 'b', null)).toBe(true);
		expect(keepsAReferent(['a'], 'a', 'referent')).toBe(true);
		expect(keepsAReferent([], 'a', null)).toBe(true);
	});
});

describe('totalHours', () => {
	it('adds the hours stated and counts who stated them', () => {
		expect(
			totalHours([{ hoursPerMonth: 4 }, { hoursPerMonth: null }, { hoursPerMonth: 0 }])
		).toEqual({ total: 4, stated: 2 });
	});
});
