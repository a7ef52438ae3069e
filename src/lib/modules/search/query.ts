/** Reading the query and making snippets safe to show. Pure. */

export const QUERY_MAX = 200;
/** Results shown per kind. */
export const GROUP_LIMIT = 5;

/** The query as searched: trimmed, spaces collapsed, at most QUERY_MAX characters, or ''. */
export function normaliseQuery(raw: unknown): string {
	if (typeof raw !== 'string') return '';
	const text = raw
		// Control characters and the snippet markers are no words.
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f\ue000\ue001]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (text.length <= QUERY_MAX) return text;
	// Cut between words, so that the last word searched is not a piece of one.
	const cut = text.slice(0, QUERY_MAX + 1);
	const space = cut.lastIndexOf(' ');
	return (space > 0 ? cut.slice(0, space) : cut.slice(0, QUERY_MAX)).trim();
}

/** Markers PostgreSQL's ts_headline puts around matched words (private-use characters). */
export const MARK_START = '\ue000';
export const MARK_END = '\ue001';

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * A headline with markers as safe HTML: everything escaped, then each marked passage in
 * <mark>. An unpaired marker is dropped, so the result never holds an open <mark>.
 */
export function markedToHtml(text: string | null | undefined): string {
	if (!text) return '';
	const out: string[] = [];
	let rest = text;
	for (;;) {
		const start = rest.indexOf(MARK_START);
		const end = start < 0 ? -1 : rest.indexOf(MARK_END, start + 1);
		if (start < 0 || end < 0) {
			out.push(escapeHtml(stripMarks(rest)));
			break;
		}
		out.push(escapeHtml(stripMarks(rest.slice(0, start))));
		const inner = stripMarks(rest.slice(start + 1, end));
		if (inner) out.push(`<mark>${escapeHtml(inner)}</mark>`);
		rest = rest.slice(end + 1);
	}
	return out.join('').replace(/\s+/g, ' ').trim();
}

const stripMarks = (s: string) => s.replaceAll(MARK_START, '').replaceAll(MARK_END, '');

/** Markdown reduced to its words for a snippet: no markup, links' texts kept. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]*>/g, ' ')
		.replace(/[#>*_`|~]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
