// Run-time adjustments of the Content-Security-Policy that SvelteKit writes from the build's
// configuration: the embeddable map may be framed by any site, and configured map tiles
// must be loadable.

/** The only page other sites may frame. */
export const EMBED_ROUTE = '/cartographie/integree';

function setDirective(csp: string, name: string, values: (current: string[]) => string[]): string {
	const parts = csp
		.split(';')
		.map((p) => p.trim())
		.filter(Boolean);
	const index = parts.findIndex((p) => p.split(/\s+/)[0] === name);
	const current = index >= 0 ? (parts[index] ?? '').split(/\s+/).slice(1) : [];
	const directive = [name, ...values(current)].join(' ');
	if (index >= 0) parts[index] = directive;
	else parts.push(directive);
	return parts.join('; ');
}

export function adjustCsp(
	csp: string,
	{ embeddable, tileUrl }: { embeddable: boolean; tileUrl?: string }
): string {
	let out = csp;
	if (embeddable) out = setDirective(out, 'frame-ancestors', () => ['*']);
	if (tileUrl) {
		// The template's braces are not part of the origin.
		const origin = new URL(tileUrl.replace(/\{[a-z]\}/g, '0')).origin;
		for (const name of ['img-src', 'connect-src']) {
			out = setDirective(out, name, (current) =>
				current.includes(origin) ? current : [...current, origin]
			);
		}
	}
	return out;
}
