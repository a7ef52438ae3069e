// The text of a stored document, by its detected type (labels.EXTRACTABLE_TYPES).
import { docxText } from './docx';
import { ExtractionError } from './errors';
import { odtText } from './odf';
import { pdfText } from './pdf';
import { normaliseText } from './text';

export { ExtractionError } from './errors';

const EXTRACTORS: Record<string, (bytes: Uint8Array) => string | Promise<string>> = {
	'application/pdf': pdfText,
	'application/vnd.oasis.opendocument.text': odtText,
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': docxText
};

/** The normalised, capped text; ExtractionError when the file cannot be read. */
export async function extractDocumentText(type: string, bytes: Uint8Array): Promise<string> {
	const extract = EXTRACTORS[type];
	if (!extract) throw new ExtractionError(`type non indexé : ${type}`);
	return normaliseText(await extract(bytes));
}
