import { describe, expect, it } from 'vitest';
import {
	checkProductionFile,
	decisionInput,
	formatProductionDate,
	formatSize,
	isWebLink,
	parseDecisionFilters,
	parsePartialDate,
	productionInput,
	safeFileName
} from './rules';
import { validate } from '../../server/forms';
import { ValidationError } from '../../server/errors';

describe('dates known to the day, month or year', () => {
	it('formats with the known precision', () => {
		expect(formatProductionDate('2025-04-10', 'day')).toBe('10 avril 2025');
		expect(formatProductionDate('2025-04-01', 'month')).toBe('avril 2025');
		expect(formatProductionDate('2025-01-01', 'year')).toBe('2025');
		expect(formatProductionDate(null, 'day')).toBe('Date à préciser');
	});

	it('parses what the form holds and stores less precise dates on the first day', () => {
		expect(parsePartialDate('2025-04-10', 'day')).toEqual({ date: '2025-04-10' });
		expect(parsePartialDate('2025-04', 'month')).toEqual({ date: '2025-04-01' });
		expect(parsePartialDate('2025-04-10', 'month')).toEqual({ date: '2025-04-01' });
		expect(parsePartialDate('2025', 'year')).toEqual({ date: '2025-01-01' });
		expect(parsePartialDate('', 'day')).toEqual({ date: null });
	});

	it('refuses impossible or badly written dates with a French message', () => {
		expect(parsePartialDate('2025-02-30', 'day')).toHaveProperty('error');
		expect(parsePartialDate('2025', 'day')).toEqual({
			error: 'Indiquez une date valide, par exemple 2025-04-10.'
		});
		expect(parsePartialDate('avril', 'month')).toHaveProperty('error');
		expect(parsePartialDate('2025-13', 'month')).toHaveProperty('error');
	});
});

describe('links', () => {
	it('accepts http and https only', () => {
		expect(isWebLink('https://www.lelabo-ess.org/')).toBe(true);
		expect(isWebLink('http://exemple.fr/a?b=c')).toBe(true);
		for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.fr', 'www.x.fr', '']) {
			expect(isWebLink(bad)).toBe(false);
		}
	});
});

describe('files', () => {
	it('accepts office documents and images found in the bytes, up to 50 MB', () => {
		expect(checkProductionFile(10, 'application/pdf')).toBeNull();
		expect(checkProductionFile(10, 'application/vnd.oasis.opendocument.spreadsheet')).toBeNull();
		expect(checkProductionFile(10, 'image/webp')).toBeNull();
		expect(checkProductionFile(10, 'image/svg+xml')).toMatch(/Formats acceptés/);
		expect(checkProductionFile(10, undefined)).toMatch(/Formats acceptés/);
		expect(checkProductionFile(51 * 1024 * 1024, 'application/pdf')).toBe(
			'Le fichier dépasse 50 Mo.'
		);
	});

	it('keeps file names readable and harmless', () => {
		expect(safeFileName('Référentiel "v2"/..\\x.pdf')).toBe('Référentiel _v2__.._x.pdf');
		expect(formatSize(1536)).toBe('1,5 Ko');
		expect(formatSize(3 * 1024 * 1024)).toBe('3 Mo');
	});
});

describe('forms', () => {
	it('reads a production and puts the date error on the date field', () => {
		const ok = validate(productionInput, {
			title: 'Note',
			kind: 'note',
			datePrecision: 'month',
			date: '2025-04',
			url: '',
			visibility: 'public'
		});
		expect(ok).toMatchObject({ date: '2025-04-01', url: null, description: null });
		try {
			validate(productionInput, {
				title: 'Note',
				kind: 'note',
				datePrecision: 'day',
				date: '2025-04',
				url: 'javascript:alert(1)',
				visibility: 'public'
			});
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ValidationError);
			expect(Object.keys((e as ValidationError).fields).sort()).toEqual(['url']);
		}
	});

	it('reads a decision and its filters', () => {
		expect(() => validate(decisionInput, { date: '', decision: 'x', status: 'adoptee' })).toThrow(
			ValidationError
		);
		expect(
			validate(decisionInput, { date: '2023-10-13', decision: ' Lancer ', status: 'realisee' })
		).toMatchObject({ decision: 'Lancer', details: null });
		expect(parseDecisionFilters(new URLSearchParams('statut=realisee&annee=2024'))).toEqual({
			status: 'realisee',
			year: 2024
		});
		expect(parseDecisionFilters(new URLSearchParams('statut=x&annee=abc'))).toEqual({
			status: null,
			year: null
		});
	});
});
