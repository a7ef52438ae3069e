import { describe, expect, it } from 'vitest';
import { safeNext } from './forms';

describe('safeNext', () => {
	it('keeps paths of this site only', () => {
		expect(safeNext('/chantiers?x=1')).toBe('/chantiers?x=1');
		expect(safeNext('//evil.example')).toBe('/');
		expect(safeNext('/\\evil.example')).toBe('/');
		expect(safeNext('https://evil.example')).toBe('/');
		expect(safeNext(null)).toBe('/');
	});
});
