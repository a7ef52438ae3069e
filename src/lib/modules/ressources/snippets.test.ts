import { describe, expect, it } from 'vitest';
import { MARK_START as S, MARK_STOP as E, excerptHtml, highlightedHtml } from './snippets';

describe('highlightedHtml', () => {
	it('escapes the text and turns only the markers into <mark>', () => {
		expect(highlightedHtml(`<b onclick="x">a</b> & ${S}coopération${E} 'ici'`)).toBe(
			'&lt;b onclick=&quot;x&quot;&gt;a&lt;/b&gt; &amp; <mark>coopération</mark> &#39;ici&#39;'
		);
	});

	it('keeps the marks balanced whatever the markers in the text', () => {
		expect(highlightedHtml(`${S}${S}a${E}${E} b ${S}c`)).toBe('<mark>a</mark> b <mark>c</mark>');
		expect(highlightedHtml(`${E}a`)).toBe('a');
	});

	it('collapses whitespace and drops control characters', () => {
		expect(highlightedHtml('a\u0000\n\n  b\u0007')).toBe('a b');
	});
});

describe('excerptHtml', () => {
	it('removes Markdown signs and cuts at a word', () => {
		expect(excerptHtml('## Titre\n\nUn **texte** avec [un lien](https://x.org) <i>')).toBe(
			'Titre Un texte avec un lien &lt;i&gt;'
		);
		const long = excerptHtml('mot '.repeat(100), 50);
		expect(long.endsWith('mot …')).toBe(true);
		expect(long.length).toBeLessThanOrEqual(52);
	});
});
