import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPartialDate } from './fr';

describe('French formatters', () => {
	it('formats dates in fr-FR, Europe/Paris', () => {
		expect(formatDate('2023-10-13')).toBe('13 octobre 2023');
		// 23:30 UTC on 31 December is already 1 January in Paris.
		expect(formatDate(new Date('2023-12-31T23:30:00Z'))).toBe('1 janvier 2024');
	});

	it('formats partial dates and numbers', () => {
		expect(formatPartialDate('2023-10-01', 'month')).toBe('octobre 2023');
		expect(formatPartialDate('2024-01-01', 'year')).toBe('2024');
		expect(formatNumber(2600)).toBe('2\u202f600');
	});
});
