// The text of an OpenDocument text (ODT): content.xml, one line per paragraph or heading.
import { readZipEntry } from './zip';
import { decodeXmlEntities } from './text';

/** Text of an ODF content.xml: paragraphs and headings on lines, spaces, tabs and breaks kept. */
export function odfXmlText(xml: string): string {
	const body = xml.replace(/^[\s\S]*?<office:body\b[^>]*>/, '');
	return decodeXmlEntities(
		body
			.replace(/<text:s\b([^>]*)\/>/g, (_, attrs: string) => {
				const n = Number(/text:c="(\d+)"/.exec(attrs)?.[1] ?? 1);
				return ' '.repeat(Math.min(n, 100));
			})
			.replace(/<text:tab\b[^>]*\/>/g, '\t')
			.replace(/<text:line-break\b[^>]*\/>/g, '\n')
			.replace(/<\/(text:p|text:h)>/g, '\n')
			.replace(/<[^>]*>/g, '')
	);
}

export function odtText(bytes: Uint8Array): string {
	return odfXmlText(new TextDecoder().decode(readZipEntry(bytes, 'content.xml')));
}
