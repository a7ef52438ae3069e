// The text of a PDF through pdf.js (unpdf's build for servers), page by page, within limits.
import { getDocumentProxy } from 'unpdf';
import { MAX_DOCUMENT_TEXT } from '../labels';
import { ExtractionError } from './errors';

export interface PdfLimits {
	/** Pages read at most; the rest of a longer document is not indexed. */
	maxPages: number;
	/** Reading stops after this long (checked between pages), keeping the pages read. */
	maxMs: number;
	/** Reading stops once this much text is gathered. */
	maxChars: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 2000, maxMs: 60_000, maxChars: MAX_DOCUMENT_TEXT };

interface TextItem {
	str?: string;
	hasEOL?: boolean;
}

export async function pdfText(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<string> {
	const started = Date.now();
	let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
	try {
		// pdf.js takes ownership of the buffer it is given: a copy leaves the caller's intact.
		doc = await getDocumentProxy(new Uint8Array(bytes), {
			isEvalSupported: false,
			useSystemFonts: false,
			disableFontFace: true,
			verbosity: 0
		});
	} catch (err) {
		throw new ExtractionError(`PDF illisible (${(err as Error).message})`);
	}
	try {
		const pages: string[] = [];
		let chars = 0;
		const last = Math.min(doc.numPages, limits.maxPages);
		for (let n = 1; n <= last; n++) {
			if (chars >= limits.maxChars || Date.now() - started > limits.maxMs) break;
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			let text = '';
			for (const item of content.items as TextItem[]) {
				text += (item.str ?? '') + (item.hasEOL ? '\n' : '');
			}
			page.cleanup();
			pages.push(text);
			chars += text.length;
		}
		return pages.join('\n');
	} catch (err) {
		throw new ExtractionError(`PDF illisible (${(err as Error).message})`);
	} finally {
		await doc.destroy();
	}
}
