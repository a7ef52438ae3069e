import { describe, expect, it } from 'vitest';
import { groupResults, moreLinks, resultCount } from './groups';
import { SEARCH_KINDS } from './types';

const hit = (title: string) => ({ title, href: `/${title}`, snippet: '', meta: null });

describe('groupResults', () => {
	it('keeps the order given, leaves out empty groups and labels each', () => {
		const groups = groupResults(
			'coopération',
			{
				events: { total: 7, items: [hit('a')] },
				pages: { total: 1, items: [hit('b')] },
				spaces: { total: 0, items: [] }
			},
			SEARCH_KINDS
		);
		expect(groups.map((g) => [g.kind, g.label, g.total])).toEqual([
			['pages', 'Pages', 1],
			['events', 'Événements', 7]
		]);
	});

	it('links each group to its module’s own search with the words, when it has one', () => {
		const [structures] = groupResults(
			'tiers lieux & co',
			{ structures: { total: 1, items: [hit('x')] } },
			SEARCH_KINDS
		);
		expect(structures!.more).toEqual([
			{
				href: '/cartographie?q=tiers+lieux+%26+co',
				label: 'Voir tous les résultats dans la cartographie'
			}
		]);
		expect(moreLinks('resources', 'a')[0]!.href).toBe('/ressources?q=a');
		expect(moreLinks('community', 'a').map((l) => l.href)).toEqual([
			'/communaute?q=a',
			'/communaute/membres?q=a'
		]);
		expect(moreLinks('events', 'a')).toEqual([]);
		expect(moreLinks('pages', 'a')).toEqual([]);
	});
});

describe('resultCount', () => {
	it('agrees in number', () => {
		expect(resultCount(0)).toBe('0 résultat');
		expect(resultCount(1)).toBe('1 résultat');
		expect(resultCount(3)).toBe('3 résultats');
	});
});
