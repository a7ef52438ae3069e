import { describe, expect, it } from 'vitest';
import { linkHeader, pageCount, pageLinks, parsePaging } from './paging';

const q = (s: string) => new URLSearchParams(s);

describe('parsePaging', () => {
	it('defaults to page 1 of 100', () => {
		expect(parsePaging(q(''))).toEqual({ page: 1, perPage: 100 });
		expect(parsePaging(q('page=3&par_page=500'))).toEqual({ page: 3, perPage: 500 });
	});
	it('refuses what is not a whole number in range, in French', () => {
		for (const bad of ['page=1.5', 'page=abc', 'page=0', 'page=-2', 'par_page=501', 'par_page=0']) {
			const r = parsePaging(q(bad));
			expect('error' in r && r.error, bad).toMatch(/doit être un nombre entier/);
		}
	});
});

describe('pageLinks', () => {
	it('keeps the filters and links the neighbours', () => {
		const links = pageLinks(new URL('https://x.fr/api/v1/structures?region=84&page=2'), 2, 3);
		expect(links.next).toBe('https://x.fr/api/v1/structures?region=84&page=3');
		expect(links.prev).toBe('https://x.fr/api/v1/structures?region=84&page=1');
		expect(linkHeader(links)).toBe(
			'<https://x.fr/api/v1/structures?region=84&page=3>; rel="next", <https://x.fr/api/v1/structures?region=84&page=1>; rel="prev", <https://x.fr/api/v1/structures?region=84&page=1>; rel="first", <https://x.fr/api/v1/structures?region=84&page=3>; rel="last"'
		);
		const last = pageLinks(new URL('https://x.fr/a'), 1, 1);
		expect([last.next, last.prev]).toEqual([null, null]);
		expect(pageCount(0, 100)).toBe(1);
		expect(pageCount(201, 100)).toBe(3);
	});
});
