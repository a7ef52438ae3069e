import { describe, expect, it } from 'vitest';
import { pageLinks, pageWindow, parseSearchParams, searchParamsOf } from './search-query';

describe('search parameters', () => {
	it('reads the filters, dropping unknown values, and writes them back', () => {
		const p = new URLSearchParams(
			'q=+coop%C3%A9ration+&type=rapport&type=inconnu&theme=accompagnement&annee=2024&annee=20x4&espace=chantier-1&espace=../x&licence=CC-BY-4.0&tag=CAE&tri=date&page=3'
		);
		const s = parseSearchParams(p);
		expect(s).toEqual({
			q: 'coopération',
			kinds: ['rapport'],
			themes: ['accompagnement'],
			years: [2024],
			spaces: ['chantier-1'],
			licences: ['CC-BY-4.0'],
			tag: 'CAE',
			sort: 'date',
			page: 3
		});
		expect(parseSearchParams(new URLSearchParams(searchParamsOf(s)))).toEqual(s);
		expect(searchParamsOf(s, { page: 1 })).not.toContain('page=');
	});

	it('defaults to the first page and no sort', () => {
		expect(parseSearchParams(new URLSearchParams('page=-2&tri=n'))).toMatchObject({
			q: '',
			page: 1,
			sort: undefined
		});
	});
});

describe('pagination', () => {
	it('shows the last page for a page beyond the end', () => {
		expect(pageWindow(45, 9, 20)).toEqual({ pages: 3, page: 3, offset: 40 });
		expect(pageWindow(0, 2, 20)).toEqual({ pages: 1, page: 1, offset: 0 });
	});

	it('links the first, the last and the pages around the current one', () => {
		expect(pageLinks(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
		expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
	});
});
