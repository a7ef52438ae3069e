import { describe, expect, test } from 'vitest';
import { decodeXmlEntities, normaliseText } from './text';
import { odfXmlText } from './odf';
import { docxXmlText } from './docx';
import { readZipEntry } from './zip';
import { ExtractionError } from './errors';
import { strToU8, zipSync } from 'fflate';

describe('decodeXmlEntities', () => {
	test('decodes named and numeric references once', () => {
		expect(decodeXmlEntities('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;')).toBe(
			`a & b <c> "d" 'e'`
		);
		expect(decodeXmlEntities('&#233;t&#xE9; &#x1F331;')).toBe('été 🌱');
		expect(decodeXmlEntities('&amp;lt;')).toBe('&lt;');
	});
	test('leaves unknown names and replaces invalid code points', () => {
		expect(decodeXmlEntities('&nbsp; &#0; &#xD800; &#x110000;')).toBe(
			'&nbsp; \uFFFD \uFFFD \uFFFD'
		);
	});
});

describe('normaliseText', () => {
	test('one trimmed line per paragraph, runs of spaces collapsed, empty lines dropped', () => {
		expect(normaliseText('  Titre \r\n\r\n\tun\u00a0 \u00a0deux  \n\n\ntrois\u2028quatre')).toBe(
			'Titre\nun deux\ntrois\nquatre'
		);
	});
	test('removes NUL and other control characters', () => {
		expect(normaliseText('a\u0000b\u0007c')).toBe('a b c');
	});
	test('cuts at the limit, never inside a surrogate pair', () => {
		expect(normaliseText('abcdef', 4)).toBe('abcd');
		expect(normaliseText('ab🌱cd', 3)).toBe('ab');
		expect(normaliseText('ab🌱cd', 4)).toBe('ab🌱');
	});
});

describe('odfXmlText', () => {
	test('paragraphs and headings on lines, spaces, tabs and breaks kept, entities decoded', () => {
		const xml =
			'<office:document-content><office:meta>méta</office:meta><office:body><office:text>' +
			'<text:h text:outline-level="1">Vers une société</text:h>' +
			'<text:p>de la <text:span text:style-name="T1">coopération</text:span> &amp; du<text:s text:c="3"/>lien</text:p>' +
			'<text:p>a<text:tab/>b<text:line-break/>c</text:p>' +
			'</office:text></office:body></office:document-content>';
		expect(normaliseText(odfXmlText(xml))).toBe(
			'Vers une société\nde la coopération & du lien\na b\nc'
		);
	});
});

describe('docxXmlText', () => {
	test('runs joined, paragraphs on lines, deleted text and tab stops left out', () => {
		const xml =
			'<w:document><w:body>' +
			'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
			'<w:r><w:t>Points de </w:t></w:r><w:r><w:t xml:space="preserve">Rep&#232;rESS</w:t></w:r></w:p>' +
			'<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>' +
			'<w:del><w:r><w:delText>supprimé</w:delText></w:r></w:del></w:p>' +
			'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cellule &lt;1&gt;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
			'</w:body></w:document>';
		expect(normaliseText(docxXmlText(xml))).toBe('Points de RepèrESS\na b\nc\ncellule <1>');
	});
});

describe('readZipEntry', () => {
	const zip = zipSync({ 'content.xml': strToU8('x'.repeat(10_000)), other: strToU8('y') });
	test('reads one entry', () => {
		expect(readZipEntry(zip, 'content.xml').length).toBe(10_000);
	});
	test('refuses an entry larger than the cap once inflated, and a missing one', () => {
		expect(() => readZipEntry(zip, 'content.xml', 1000)).toThrow(ExtractionError);
		expect(() => readZipEntry(zip, 'absent.xml')).toThrow(/absent/);
	});
	test('refuses what is not a ZIP archive', () => {
		expect(() => readZipEntry(strToU8('pas une archive'), 'content.xml')).toThrow(ExtractionError);
	});
});
