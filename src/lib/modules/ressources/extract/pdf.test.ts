import { describe, expect, test } from 'vitest';
import { corruptPdf, makePdf } from '../../../../../tests/fixtures/files/documents';
import { ExtractionError } from './errors';
import { pdfText, PDF_LIMITS } from './pdf';

describe('pdfText', () => {
	test('reads the lines of a PDF and leaves the given bytes intact', async () => {
		const bytes = makePdf(['Premiere ligne', 'Deuxieme (ligne)']);
		const copy = bytes.slice();
		expect(
			(await pdfText(bytes))
				.split('\n')
				.map((l) => l.trim())
				.filter(Boolean)
		).toEqual(['Premiere ligne', 'Deuxieme (ligne)']);
		expect(bytes).toEqual(copy);
	});

	test('stops at the page limit', async () => {
		expect(await pdfText(makePdf(['texte']), { ...PDF_LIMITS, maxPages: 0 })).toBe('');
	});

	test('a corrupt PDF is an ExtractionError', async () => {
		await expect(pdfText(corruptPdf())).rejects.toBeInstanceOf(ExtractionError);
	});
});
