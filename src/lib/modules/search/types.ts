/** What every source of the global search returns, and the kinds of results. Pure. */

export const SEARCH_KINDS = [
	'pages',
	'spaces',
	'resources',
	'structures',
	'events',
	'community'
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
	title: string;
	href: string;
	/** Safe HTML: the text escaped, the matched words in <mark>. */
	snippet: string;
	/** A short plain-text line (kind, date, place…), or null. */
	meta: string | null;
}

export interface SourceResult {
	/** Every match the person may see, beyond the items shown. */
	total: number;
	items: SearchHit[];
}

/** Where the module's own search lists every match. */
export interface MoreLink {
	href: string;
	label: string;
}
