import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Rendering and sanitising cost far more than a lookup: keep the HTML of recent sources.
const cache = new Map<string, string>();
const CACHE_SIZE = 500;

/** Markdown rendered on the server and sanitised with an allow-list (no scripts, no styles). */
export function renderMarkdown(source: string): string {
	const hit = cache.get(source);
	if (hit !== undefined) return hit;
	const html = render(source);
	if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
	cache.set(source, html);
	return html;
}

function render(source: string): string {
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
