import { describe, expect, it } from 'vitest';
import {
	compareDepartementCodes,
	haversineKm,
	isPostalCode,
	normalizeName,
	normalizeQuery
} from './rules';

describe('geo rules', () => {
	it('puts names in their searchable form', () => {
		expect(normalizeName('Saint-Étienne')).toBe('saint etienne');
		expect(normalizeName("L'Haÿ-les-Roses")).toBe('l hay les roses');
		expect(normalizeName('Œuilly')).toBe('oeuilly');
		expect(normalizeName('Lyon 1er Arrondissement')).toBe('lyon 1er arrondissement');
		expect(normalizeName('  Château-d’Olonne  ')).toBe('chateau d olonne');
		expect(normalizeName('ÎLE-DE-BRÉHAT')).toBe('ile de brehat');
		expect(normalizeName('—')).toBe('');
	});

	it('writes out St and Ste in queries, unless it is the last word being typed', () => {
		expect(normalizeQuery('St-Étienne')).toBe('saint etienne');
		expect(normalizeQuery('ste foy les lyon')).toBe('sainte foy les lyon');
		expect(normalizeQuery('St')).toBe('st');
		expect(normalizeQuery('Marseile ')).toBe('marseile');
		expect(normalizeQuery('x'.repeat(300))).toHaveLength(100);
	});

	it('recognises a postal code', () => {
		expect(isPostalCode('42000')).toBe(true);
		expect(isPostalCode(' 75001 ')).toBe(true);
		expect(isPostalCode('4200')).toBe(false);
		expect(isPostalCode('420000')).toBe(false);
		expect(isPostalCode('2A004')).toBe(false);
		expect(isPostalCode('2A')).toBe(false);
	});

	it('measures great-circle distances in km', () => {
		const paris = { lat: 48.8566, lon: 2.3522 };
		const lyon = { lat: 45.764, lon: 4.8357 };
		expect(haversineKm(paris, paris)).toBe(0);
		expect(haversineKm(paris, lyon)).toBeCloseTo(391.5, 0);
		expect(haversineKm(lyon, paris)).toBeCloseTo(haversineKm(paris, lyon), 9);
		// A quarter of the meridian.
		expect(haversineKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo(10_007.5, 0);
		// Antipodes: half the circumference, no NaN from rounding.
		expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(20_015.1, 0);
	});

	it('orders département codes as official lists do', () => {
		const codes = ['971', '2B', '21', '01', '2A', '19', '95', '976', '09'];
		expect(codes.sort(compareDepartementCodes)).toEqual([
			'01',
			'09',
			'19',
			'2A',
			'2B',
			'21',
			'95',
			'971',
			'976'
		]);
	});
});
