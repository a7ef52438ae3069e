// The snippet other sites paste to show a filtered map of the cartography.

/** Heights offered for the embedded map, in pixels. */
export const embedHeights = [400, 500, 650, 800] as const;
export const DEFAULT_EMBED_HEIGHT = 500;

const escapeAttribute = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The iframe for `src` (absolute URL of /cartographie/integree with its filters). */
export function embedSnippet(src: string, height: number, titleText: string): string {
	const h = (embedHeights as readonly number[]).includes(height) ? height : DEFAULT_EMBED_HEIGHT;
	return (
		`<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(titleText)}" ` +
		`width="100%" height="${h}" style="border:0" loading="lazy"></iframe>`
	);
}
