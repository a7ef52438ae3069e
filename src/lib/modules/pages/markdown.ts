import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Markdown rendered on the server and sanitised with an allow-list (no scripts, no styles). */
export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true });
	const clean = sanitizeHtml(html, {
		allowedTags: [
			'h2',
			'h3',
			'h4',
			'p',
			'ul',
			'ol',
			'li',
			'strong',
			'em',
			'a',
			'blockquote',
			'code',
			'pre',
			'table',
			'thead',
			'tbody',
			'tr',
			'th',
			'td',
			'hr',
			'br',
			'del',
			'sup',
			'sub',
			'abbr'
		],
		allowedAttributes: { a: ['href', 'title', 'rel'], th: ['scope'], abbr: ['title'] },
		allowedSchemes: ['http', 'https', 'mailto'],
		transformTags: {
			h1: 'h2',
			a: (tagName, attribs) => {
				const external = /^https?:/.test(attribs.href ?? '');
				return {
					tagName,
					attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs
				};
			}
		}
	});
	return clean.trim();
}
