/**
 * Markdown to the plain text of an iCalendar DESCRIPTION: calendars show it as is, so marks
 * go and links keep their address. Pure and cheap (a feed converts a thousand of them).
 */
export function markdownToPlainText(source: string): string {
	return (
		source
			.replace(/\r\n?/g, '\n')
			// Fenced code: keep the code, drop the fences.
			.replace(/^```[^\n]*\n([\s\S]*?)^```[ \t]*$/gm, '$1')
			// Images: their text only.
			.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
			// Links: « texte (adresse) », or the address alone when it is the text.
			.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, text: string, href: string) =>
				text === href ? href : `${text} (${href})`
			)
			.replace(
				/\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]/g,
				(_m, slug: string, text?: string) => text ?? slug
			)
			.replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
			.replace(/^#{1,6}[ \t]+/gm, '')
			.replace(/^>[ \t]?/gm, '')
			.replace(/^[ \t]*[*+][ \t]+/gm, '- ')
			.replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
			.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
			.replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?=[^\w*]|$)/g, '$1$3')
			.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
			.replace(/`([^`\n]+)`/g, '$1')
			.replace(/<[^>\n]+>/g, '')
			.replace(/\n{3,}/g, '\n\n')
			.trim()
	);
}
