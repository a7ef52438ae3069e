/**
 * The resource search as it travels in a URL: parsed from (and written back to) the query
 * string, so that any view of the list can be shared. Pure, no database.
 */
import { LICENCES, RESOURCE_KINDS, THEMES } from './labels';

export interface ResourceSearch {
	q: string;
	kinds?: string[];
	themes?: string[];
	years?: number[];
	/** Space slugs. */
	spaces?: string[];
	licences?: string[];
	tag?: string;
	sort?: 'relevance' | 'date';
	page?: number;
	perPage?: number;
}

export type Facet = 'kind' | 'theme' | 'year' | 'space' | 'licence';

export interface Count {
	value: string;
	count: number;
	label?: string;
}

export type Facets = Record<Facet, Count[]>;

export const PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
export const MAX_QUERY_LENGTH = 200;

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const kinds = new Set<string>(RESOURCE_KINDS);
const themes = new Set<string>(THEMES);
const licences = new Set<string>(LICENCES);

const unique = <T>(values: T[]) => [...new Set(values)];

/** Reads the list's parameters; unknown values are dropped rather than refused. */
export function parseSearchParams(params: URLSearchParams): ResourceSearch {
	const years = unique(
		params
			.getAll('annee')
			.filter((y) => /^\d{4}$/.test(y))
			.map(Number)
	);
	const sort = params.get('tri');
	const page = Number(params.get('page'));
	return {
		q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
		kinds: unique(params.getAll('type').filter((k) => kinds.has(k))),
		themes: unique(params.getAll('theme').filter((t) => themes.has(t))),
		years,
		spaces: unique(params.getAll('espace').filter((s) => SLUG.test(s))),
		licences: unique(params.getAll('licence').filter((l) => licences.has(l))),
		tag: (params.get('tag') ?? '').trim().slice(0, 40) || undefined,
		sort: sort === 'date' ? 'date' : sort === 'pertinence' ? 'relevance' : undefined,
		page: Number.isInteger(page) && page > 1 ? Math.min(page, 100_000) : 1
	};
}

/** The query string of a search (without "?"), with `page` only beyond the first. */
export function searchParamsOf(search: ResourceSearch, overrides: Partial<ResourceSearch> = {}) {
	const s = { ...search, ...overrides };
	const p = new URLSearchParams();
	if (s.q) p.set('q', s.q);
	for (const k of s.kinds ?? []) p.append('type', k);
	for (const t of s.themes ?? []) p.append('theme', t);
	for (const y of s.years ?? []) p.append('annee', String(y));
	for (const e of s.spaces ?? []) p.append('espace', e);
	for (const l of s.licences ?? []) p.append('licence', l);
	if (s.tag) p.set('tag', s.tag);
	if (s.sort) p.set('tri', s.sort === 'date' ? 'date' : 'pertinence');
	if (s.page && s.page > 1) p.set('page', String(s.page));
	return p.toString();
}

/** The sort that applies: by relevance when there are words, by date otherwise. */
export const effectiveSort = (search: ResourceSearch): 'relevance' | 'date' =>
	search.q.trim() ? (search.sort ?? 'relevance') : 'date';

export const clampPerPage = (perPage: number | undefined) =>
	Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(perPage ?? PER_PAGE) || PER_PAGE));

/** How many pages, and the page shown: a page beyond the end shows the last one. */
export function pageWindow(total: number, requested: number | undefined, perPage: number) {
	const pages = Math.max(1, Math.ceil(total / perPage));
	const page = Math.min(Math.max(1, Math.floor(requested ?? 1) || 1), pages);
	return { pages, page, offset: (page - 1) * perPage };
}

/**
 * The page numbers to link: the first, the last, and two around the current one, with `null`
 * where numbers are left out (shown as "…").
 */
export function pageLinks(page: number, pages: number): Array<number | null> {
	const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
	const numbers = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
	const out: Array<number | null> = [];
	for (const n of numbers) {
		const last = out[out.length - 1];
		if (typeof last === 'number' && n > last + 1) out.push(null);
		out.push(n);
	}
	return out;
}
