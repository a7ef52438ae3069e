// The text of a Word document (DOCX): word/document.xml, one line per paragraph.
import { readZipEntry } from './zip';
import { decodeXmlEntities } from './text';

// The runs' text, tabs and breaks, and paragraph ends; deleted text (w:delText), field codes
// (w:instrText) and tab stops (<w:tab w:val…/> in the paragraph's properties) are left out.
const TOKEN =
	/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<w:tab\/>|<w:(?:br|cr)\b[^>]*\/>|<\/w:p>/g;

export function docxXmlText(xml: string): string {
	let out = '';
	for (const m of xml.matchAll(TOKEN)) {
		const token = m[0];
		if (m[1] !== undefined) out += decodeXmlEntities(m[1]);
		else if (token === '<w:tab/>') out += '\t';
		else if (token === '</w:p>' || token.startsWith('<w:br') || token.startsWith('<w:cr')) {
			out += '\n';
		}
	}
	return out;
}

export function docxText(bytes: Uint8Array): string {
	return docxXmlText(new TextDecoder().decode(readZipEntry(bytes, 'word/document.xml')));
}
