/** Pages of the JSON export: the `page` and `par_page` parameters and the links between pages. */
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './openapi';

export type Paging = { page: number; perPage: number } | { error: string };

const integer = (raw: string | null) =>
	raw !== null && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;

/** Reads `page` (default 1) and `par_page` (default 100, at most 500); a bad value is a French error. */
export function parsePaging(search: URLSearchParams): Paging {
	const rawPage = search.get('page');
	const rawPer = search.get('par_page');
	const page = rawPage === null || rawPage === '' ? 1 : integer(rawPage);
	const perPage = rawPer === null || rawPer === '' ? DEFAULT_PER_PAGE : integer(rawPer);
	if (!Number.isSafeInteger(page) || page < 1) {
		return { error: 'Le paramètre « page » doit être un nombre entier supérieur ou égal à 1.' };
	}
	if (!Number.isSafeInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
		return {
			error: `Le paramètre « par_page » doit être un nombre entier entre 1 et ${MAX_PER_PAGE}.`
		};
	}
	return { page, perPage };
}

export interface PageLinks {
	self: string;
	next: string | null;
	prev: string | null;
	first: string;
	last: string;
}

/** Links to the neighbouring pages of `url` (other parameters kept), and their `Link` header. */
export function pageLinks(url: URL, page: number, pages: number): PageLinks {
	const at = (n: number) => {
		const u = new URL(url);
		u.searchParams.set('page', String(n));
		return u.toString();
	};
	return {
		self: at(page),
		next: page < pages ? at(page + 1) : null,
		prev: page > 1 ? at(Math.min(page - 1, pages)) : null,
		first: at(1),
		last: at(pages)
	};
}

export function linkHeader(links: PageLinks): string {
	const parts = [`<${links.first}>; rel="first"`, `<${links.last}>; rel="last"`];
	if (links.prev) parts.unshift(`<${links.prev}>; rel="prev"`);
	if (links.next) parts.unshift(`<${links.next}>; rel="next"`);
	return parts.join(', ');
}

export const pageCount = (total: number, perPage: number) =>
	Math.max(1, Math.ceil(total / perPage));
