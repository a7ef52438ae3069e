/**
 * Search snippets. ts_headline marks the matched words with two private-use characters; its
 * output is plain text (a document may contain "<script>"), so it is escaped here and only the
 * markers become <mark> elements, always balanced.
 */

/** Given to ts_headline as StartSel / StopSel. */
export const MARK_START = '\uE000';
export const MARK_STOP = '\uE001';

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Collapses whitespace and drops control characters, keeping the two markers. */
function clean(text: string) {
	return (
		text
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** Safe HTML: the text escaped, the marked passages in <mark>. */
export function highlightedHtml(marked: string): string {
	let html = '';
	let open = false;
	for (const part of clean(marked).split(/([\uE000\uE001])/)) {
		if (part === MARK_START) {
			if (!open) html += '<mark>';
			open = true;
		} else if (part === MARK_STOP) {
			if (open) html += '</mark>';
			open = false;
		} else html += escapeHtml(part);
	}
	return open ? `${html}</mark>` : html;
}

/** Markdown signs that mean nothing in a one-line excerpt. */
export const plainMarkdown = (md: string) =>
	md
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
		.replace(/[*_`~]+/g, '');

/** The start of a text, cut at a word, as safe HTML (no words to highlight). */
export function excerptHtml(text: string, max = 220): string {
	const plain = clean(plainMarkdown(text).replace(/[\uE000\uE001]/g, ''));
	if (plain.length <= max) return escapeHtml(plain);
	const cut = plain.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${escapeHtml((space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd())} …`;
}
