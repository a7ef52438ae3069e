// A small Atom (RFC 4287) writer: the feed's shape is fixed, so escaping and the characters XML
// refuses are handled here rather than through a general-purpose library.

export interface AtomCategory {
	term: string;
	label: string;
	scheme: string;
}

export interface AtomEntry {
	id: string;
	title: string;
	/** Absolute address of the entry's page. */
	link: string;
	updated: Date;
	published: Date;
	/** Plain text. */
	summary: string;
	authors: string[];
	categories: AtomCategory[];
}

export interface AtomFeed {
	id: string;
	title: string;
	subtitle?: string;
	/** The feed's own absolute address. */
	self: string;
	/** The page the feed follows. */
	alternate: string;
	/** Author of the feed, for entries without one. */
	author: string;
	/** Newest entry's update; `fallbackUpdated` when there is none. */
	fallbackUpdated: Date;
	entries: AtomEntry[];
}

// Characters XML 1.0 does not allow (controls other than tab and newlines, lone surrogates,
// U+FFFE and U+FFFF) are dropped.
const INVALID =
	// eslint-disable-next-line no-control-regex -- removing them is the point
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/** Text or attribute value, escaped for XML. */
export const xmlEscape = (s: string) =>
	s.replace(INVALID, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const el = (name: string, text: string) => `<${name}>${xmlEscape(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
	`<link rel="${rel}" href="${xmlEscape(href)}"${type ? ` type="${type}"` : ''}/>`;
const author = (name: string) => `<author>${el('name', name)}</author>`;

function entry(e: AtomEntry): string {
	return [
		'<entry>',
		el('id', e.id),
		`<title type="text">${xmlEscape(e.title)}</title>`,
		link('alternate', e.link, 'text/html'),
		el('published', iso(e.published)),
		el('updated', iso(e.updated)),
		...e.authors.map(author),
		...e.categories.map(
			(c) =>
				`<category term="${xmlEscape(c.term)}" label="${xmlEscape(c.label)}" scheme="${xmlEscape(c.scheme)}"/>`
		),
		e.summary ? `<summary type="text">${xmlEscape(e.summary)}</summary>` : '',
		'</entry>'
	].join('');
}

/** The feed's XML: the same input gives the same bytes (the ETag depends on it). */
export function buildAtom(feed: AtomFeed): string {
	const newest = feed.entries.reduce<Date | null>(
		(max, e) => (!max || e.updated > max ? e.updated : max),
		null
	);
	return [
		'<?xml version="1.0" encoding="utf-8"?>\n',
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
		el('id', feed.id),
		`<title type="text">${xmlEscape(feed.title)}</title>`,
		feed.subtitle ? `<subtitle type="text">${xmlEscape(feed.subtitle)}</subtitle>` : '',
		link('self', feed.self, 'application/atom+xml'),
		link('alternate', feed.alternate, 'text/html'),
		el('updated', iso(newest ?? feed.fallbackUpdated)),
		author(feed.author),
		...feed.entries.map(entry),
		'</feed>\n'
	].join('');
}
