import { describe, expect, test } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { buildAtom, xmlEscape, type AtomFeed } from './atom';

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	isArray: (n) => ['entry', 'author', 'category', 'link'].includes(n)
});

const feed = (over: Partial<AtomFeed> = {}): AtomFeed => ({
	id: 'https://exemple.org/ressources.atom',
	title: 'Ressources',
	self: 'https://exemple.org/ressources.atom',
	alternate: 'https://exemple.org/ressources',
	author: 'Chantiers coopératifs',
	fallbackUpdated: new Date('2025-01-01T00:00:00Z'),
	entries: [],
	...over
});

describe('xmlEscape', () => {
	test('escapes markup and drops the characters XML refuses', () => {
		expect(xmlEscape(`<a href="x">Tom & Jerry's</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;'
		);
		expect(xmlEscape('a\u0000b\u0008c\td\ne\uFFFF\uD800f🌱')).toBe('abc\td\nef🌱');
	});
});

describe('buildAtom', () => {
	test('writes a feed that parses back to what it was given', () => {
		const xml = buildAtom(
			feed({
				entries: [
					{
						id: 'urn:uuid:1',
						title: 'Vers une société de la <coopération> & plus',
						link: 'https://exemple.org/ressources/vers?x=1&y=2',
						published: new Date('2025-03-01T10:00:00Z'),
						updated: new Date('2025-03-02T10:00:00.123Z'),
						summary: 'Un rapport ]]> avec "guillemets"',
						authors: ['Labo de l’ESS', 'ESS France'],
						categories: [{ term: 'rapport', label: 'Rapport', scheme: 'https://exemple.org/k' }]
					}
				]
			})
		);
		const doc = parser.parse(xml).feed;
		expect(doc['@xml:lang']).toBe('fr');
		expect(doc.updated).toBe('2025-03-02T10:00:00Z');
		expect(doc.link.map((l: Record<string, string>) => [l['@rel'], l['@href']])).toEqual([
			['self', 'https://exemple.org/ressources.atom'],
			['alternate', 'https://exemple.org/ressources']
		]);
		const [e] = doc.entry;
		expect(e.title['#text']).toBe('Vers une société de la <coopération> & plus');
		expect(e.link[0]['@href']).toBe('https://exemple.org/ressources/vers?x=1&y=2');
		expect(e.summary['#text']).toBe('Un rapport ]]> avec "guillemets"');
		expect(e.author.map((a: { name: string }) => a.name)).toEqual(['Labo de l’ESS', 'ESS France']);
		expect(e.category[0]).toMatchObject({ '@term': 'rapport', '@label': 'Rapport' });
	});

	test('an empty feed takes the fallback date', () => {
		expect(parser.parse(buildAtom(feed())).feed.updated).toBe('2025-01-01T00:00:00Z');
	});
});
