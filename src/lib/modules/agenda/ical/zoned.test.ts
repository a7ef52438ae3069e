import { describe, expect, it } from 'vitest';
import { localParts, ZonedDate } from './zoned';

const local = (iso: string, zone: string) => {
	const [y, mo, d, h, mi, s] = localParts(new Date(iso), zone);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${y}-${p(mo! + 1)}-${p(d!)}T${p(h!)}:${p(mi!)}:${p(s!)}`;
};

describe('localParts', () => {
	it('follows the Paris clock changes to the second', () => {
		expect(local('2025-03-30T00:59:59Z', 'Europe/Paris')).toBe('2025-03-30T01:59:59');
		expect(local('2025-03-30T01:00:00Z', 'Europe/Paris')).toBe('2025-03-30T03:00:00');
		expect(local('2025-10-26T00:59:59Z', 'Europe/Paris')).toBe('2025-10-26T02:59:59');
		expect(local('2025-10-26T01:00:00Z', 'Europe/Paris')).toBe('2025-10-26T02:00:00');
		expect(local('2025-12-31T23:30:00Z', 'Europe/Paris')).toBe('2026-01-01T00:30:00');
	});

	it('reads other zones, including half-hour offsets', () => {
		expect(local('2025-03-09T06:59:00Z', 'America/New_York')).toBe('2025-03-09T01:59:00');
		expect(local('2025-03-09T07:00:00Z', 'America/New_York')).toBe('2025-03-09T03:00:00');
		expect(local('2025-06-01T12:00:00Z', 'Asia/Kolkata')).toBe('2025-06-01T17:30:00');
		expect(local('2025-06-01T12:00:00Z', 'UTC')).toBe('2025-06-01T12:00:00');
	});
});

describe('ZonedDate', () => {
	it('is the same instant, with local getters in its zone', () => {
		const d = new ZonedDate(new Date('2025-07-14T20:15:00Z'), 'Europe/Paris');
		expect(d.getTime()).toBe(Date.parse('2025-07-14T20:15:00Z'));
		expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
			2025, 6, 14, 22, 15
		]);
		expect(d.withTimeZone('Europe/Paris')).toBe(d);
		expect(d.withTimeZone('America/New_York').getHours()).toBe(16);
	});
});
