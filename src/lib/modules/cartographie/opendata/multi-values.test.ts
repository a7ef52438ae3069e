import { describe, expect, it } from 'vitest';
import { joinMulti, splitMultiValues } from './multi-values';

describe('multi-valued cells', () => {
	it('join with "|" and split back, a "|" or "\\" inside a value escaped', () => {
		const values = ['a', 'b | c', 'd\\', '\\|', ''];
		const cell = joinMulti(values);
		expect(cell).toBe('a|b \\| c|d\\\\|\\\\\\||');
		expect(splitMultiValues(cell)).toEqual(values);
		expect(joinMulti([])).toBe('');
	});

	it('keep any other "\\" as written by hand', () => {
		expect(splitMultiValues('C:\\dossier|x')).toEqual(['C:\\dossier', 'x']);
		expect(splitMultiValues('fin\\')).toEqual(['fin\\']);
	});
});
