import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, QUERY_MAX, markedToHtml, normaliseQuery, plainText } from './query';

const marked = (s: string) => s.replaceAll('[', MARK_START).replaceAll(']', MARK_END);

describe('normaliseQuery', () => {
	it('trims, collapses spaces and drops control characters and markers', () => {
		expect(normaliseQuery('  coopération \n\t  territoriale ')).toBe('coopération territoriale');
		expect(normaliseQuery(`a\u0000b${MARK_START}c`)).toBe('a b c');
	});

	it('gives an empty query for nothing, blanks or a non-string', () => {
		expect(normaliseQuery(null)).toBe('');
		expect(normaliseQuery('   ')).toBe('');
		expect(normaliseQuery(['a'])).toBe('');
	});

	it('caps a long query between two words', () => {
		const q = normaliseQuery('cooperation '.repeat(40));
		expect(q.length).toBeLessThanOrEqual(QUERY_MAX);
		expect(q.split(' ').every((w) => w === 'cooperation')).toBe(true);
		expect(normaliseQuery('x'.repeat(500))).toHaveLength(QUERY_MAX);
	});
});

describe('markedToHtml', () => {
	it('escapes the text and puts the marked words in <mark>', () => {
		expect(markedToHtml(marked('Les [coopératives] <b>&</b> "vous"'))).toBe(
			'Les <mark>coopératives</mark> &lt;b&gt;&amp;&lt;/b&gt; &quot;vous&quot;'
		);
	});

	it('escapes inside a mark too', () => {
		expect(markedToHtml(marked('[<script>]'))).toBe('<mark>&lt;script&gt;</mark>');
	});

	it('drops unpaired or empty markers, never leaving an open <mark>', () => {
		expect(markedToHtml(marked('a [b'))).toBe('a b');
		expect(markedToHtml(marked('a ] b [] c'))).toBe('a b c');
		expect(markedToHtml(marked('[[x]] y'))).toBe('<mark>x</mark> y');
	});

	it('gives an empty string for nothing', () => {
		expect(markedToHtml(null)).toBe('');
		expect(markedToHtml('')).toBe('');
	});
});

describe('plainText', () => {
	it('keeps the words of Markdown, and the texts of links', () => {
		expect(plainText('## Titre\n\n**Gras** et [un lien](https://exemple.fr) `code`')).toBe(
			'Titre Gras et un lien code'
		);
		expect(plainText('![logo](a.png)\n```js\nx()\n```\nfin')).toBe('logo fin');
	});
});
