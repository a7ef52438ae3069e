import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Rendering and sanitising cost far more than a lookup: keep the HTML of recent sources.
const cache = new Map<string, string>();
const CACHE_SIZE = 500;

/** Images may only come from the platform's own page attachments. */
const ATTACHMENT_SRC =
	/^(?:\/chantiers\/[a-z0-9-]+)?\/pages\/[a-z0-9-]+\/fichiers\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Markdown rendered on the server and sanitised with an allow-list (no scripts, no styles).
 * `pagesBase` is where `[[slug]]` wiki links point (e.g. `/chantiers/x/pages`, `/pages`).
 */
export function renderMarkdown(source: string, pagesBase = '/pages'): string {
	const key = `${pagesBase}\n${source}`;
	const hit = cache.get(key);
	if (hit !== undefined) return hit;
	const html = render(wikiLinks(source, pagesBase));
	if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
	cache.set(key, html);
	return html;
}

/** `[[slug]]` and `[[slug|texte]]` become Markdown links to a page of the same space. */
export function wikiLinks(source: string, pagesBase: string): string {
	return source.replace(/\[\[([a-z0-9-]{1,80})(?:\|([^\]\n|]{1,200}))?\]\]/g, (_m, slug, text) => {
		const label = String(text ?? slug).replace(/[[\]\\<>]/g, '');
		return `[${label}](${pagesBase}/${slug})`;
	});
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
			'abbr',
			'img'
		],
		allowedAttributes: {
			a: ['href', 'title', 'rel'],
			th: ['scope'],
			abbr: ['title'],
			img: ['src', 'alt', 'title']
		},
		exclusiveFilter: (frame) =>
			frame.tag === 'img' && !ATTACHMENT_SRC.test(frame.attribs.src ?? ''),
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
