import { describe, expect, it } from 'vitest';
import { instantToLocal, instantToLocalDate, isKnownTimeZone, localToInstant } from './time';

const P = 'Europe/Paris';

describe('localToInstant / instantToLocal', () => {
	it('reads Paris wall-clock time with the winter and summer offsets', () => {
		expect(localToInstant('2025-01-07T18:00', P)!.toISOString()).toBe('2025-01-07T17:00:00.000Z');
		expect(localToInstant('2025-07-07T18:00', P)!.toISOString()).toBe('2025-07-07T16:00:00.000Z');
	});

	it('reads a date alone as midnight', () => {
		expect(localToInstant('2025-03-12', P)!.toISOString()).toBe('2025-03-11T23:00:00.000Z');
	});

	it('handles the spring gap and the autumn overlap', () => {
		// 30 March 2025, 02:30 does not exist in Paris: read with the offset before the gap.
		const gap = localToInstant('2025-03-30T02:30', P)!;
		expect(instantToLocal(gap, P)).toBe('2025-03-30T03:30');
		// 26 October 2025: the day lasts 25 hours.
		const start = localToInstant('2025-10-26', P)!;
		const next = localToInstant('2025-10-27', P)!;
		expect((next.getTime() - start.getTime()) / 3_600_000).toBe(25);
	});

	it('refuses texts that are not dates and days that do not exist', () => {
		expect(localToInstant('12/03/2025', P)).toBeNull();
		expect(localToInstant('2025-02-31', P)).toBeNull();
		expect(localToInstant('', P)).toBeNull();
	});

	it('round-trips through another zone', () => {
		const i = localToInstant('2025-06-01T09:15', 'America/Montreal')!;
		expect(instantToLocal(i, 'America/Montreal')).toBe('2025-06-01T09:15');
		expect(instantToLocal(i, P)).toBe('2025-06-01T15:15');
		expect(instantToLocalDate(i, 'Pacific/Auckland')).toBe('2025-06-02');
	});
});

describe('isKnownTimeZone', () => {
	it('knows IANA zones and UTC, not invented ones', () => {
		expect(isKnownTimeZone('Europe/Paris')).toBe(true);
		expect(isKnownTimeZone('UTC')).toBe(true);
		expect(isKnownTimeZone('Europe/Atlantis')).toBe(false);
		expect(isKnownTimeZone('CEST+2')).toBe(false);
	});
});
