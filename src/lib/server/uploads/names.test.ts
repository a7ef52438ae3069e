import { describe, expect, it } from 'vitest';

import {
	acceptedList,
	checkFileName,
	formatMegabytes,
	looksLikeSvg,
	refusedTypeMessage,
	tooLargeMessage
} from './names';

describe('uploaded file names', () => {
	it('keeps a plain name, NFC-normalised', () => {
		expect(checkFileName('Vers une société de la coopération.pdf')).toEqual({
			name: 'Vers une société de la coopération.pdf'
		});
		// "é" as e + combining acute becomes one character.
		expect(checkFileName('socie\u0301te\u0301.pdf')).toEqual({ name: 'soci\u00e9t\u00e9.pdf' });
	});

	it.each([
		'../../etc/passwd',
		'rapport..pdf',
		'dossier/rapport.pdf',
		'C:\\rapport.pdf',
		'rapport\u0000.pdf',
		'rap\nport.pdf',
		'rapport\u007f.pdf',
		'rapport\u0085.pdf'
	])('refuses %j', (raw) => {
		expect(checkFileName(raw)).toEqual({ error: expect.stringMatching(/^Le nom du fichier/) });
	});

	it('refuses a blank name and one over 200 characters', () => {
		expect(checkFileName('   ')).toEqual({ error: expect.stringMatching(/^Le nom du fichier/) });
		expect(checkFileName(`${'é'.repeat(196)}.pdf`)).toHaveProperty('name');
		expect(checkFileName(`${'é'.repeat(197)}.pdf`)).toEqual({
			error: expect.stringContaining('200 caractères')
		});
	});
});

describe('messages', () => {
	it('says the limit in Mo as French readers write it', () => {
		expect(formatMegabytes(50 * 1024 * 1024)).toBe('50 Mo');
		expect(formatMegabytes(1.5 * 1024 * 1024)).toBe('1,5 Mo');
		expect(tooLargeMessage(50 * 1024 * 1024)).toBe('Le fichier dépasse 50 Mo.');
	});

	it('lists the accepted formats once each', () => {
		expect(acceptedList({ 'image/png': 'PNG', 'image/apng': 'PNG', 'image/jpeg': 'JPEG' })).toBe(
			'PNG ou JPEG'
		);
		expect(refusedTypeMessage({ 'application/pdf': 'PDF' }, false)).toBe(
			'Format de fichier non accepté (reconnu d’après son contenu). Formats acceptés : PDF.'
		);
		expect(refusedTypeMessage({ 'application/pdf': 'PDF', 'image/png': 'PNG' }, true)).toBe(
			'Les images SVG ne sont pas acceptées. Formats acceptés : PDF ou PNG.'
		);
	});

	it('recognises SVG documents, not other XML or text', () => {
		const enc = new TextEncoder();
		expect(looksLikeSvg(enc.encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(true);
		expect(
			looksLikeSvg(
				enc.encode('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg PUBLIC "x">\n<svg>')
			)
		).toBe(true);
		expect(looksLikeSvg(enc.encode('<?xml version="1.0"?><rss/>'))).toBe(false);
		expect(looksLikeSvg(enc.encode('svg'))).toBe(false);
	});
});
