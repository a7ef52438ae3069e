// Plain text out of documents: XML entities decoded, whitespace normalised, length capped.
import { MAX_DOCUMENT_TEXT } from '../labels';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric references in one pass (`&amp;lt;` stays `&lt;`). */
export function decodeXmlEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] !== '#') return NAMED[ref] ?? whole;
		const code =
			ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
		const valid =
			Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
		return valid ? String.fromCodePoint(code) : '\uFFFD';
	});
}

// Control characters other than tab and newline (PostgreSQL refuses NUL in text).
// eslint-disable-next-line no-control-regex -- removing them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * One line per paragraph: runs of spaces (tabs, no-break spaces…) become one space, lines are
 * trimmed, empty lines dropped; the result is cut at `max` characters, never inside a
 * surrogate pair.
 */
export function normaliseText(s: string, max = MAX_DOCUMENT_TEXT): string {
	const text = s
		.replace(CONTROL, ' ')
		.split(/\r\n|[\r\n\u2028\u2029\f\v]/)
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('\n');
	if (text.length <= max) return text;
	const high = text.charCodeAt(max - 1);
	return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}
