import { error } from '@sveltejs/kit';
import { ficheLogo } from '#lib/modules/cartographie/logo.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Whether an If-None-Match header names `etag` (weak comparison, as HTTP asks for GET). */
function matches(ifNoneMatch: string | null, etag: string) {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** A published fiche's logo, served with the type detected at upload, never sniffed. */
export const GET: RequestHandler = (event) =>
	guarded(event, async () => {
		const logo = await ficheLogo(event.locals.app, event.params.slug);
		const headers = new Headers({
			'Cache-Control': 'public, max-age=3600',
			ETag: logo.etag
		});
		if (matches(event.request.headers.get('if-none-match'), logo.etag)) {
			return new Response(null, { status: 304, headers });
		}
		const file = await logo.read();
		if (!file) error(404, 'Le fichier du logo est introuvable.');
		headers.set('Content-Type', logo.mime);
		headers.set('Content-Length', String(file.size));
		headers.set('Content-Disposition', 'inline');
		headers.set('X-Content-Type-Options', 'nosniff');
		return new Response(file.stream, { headers });
	});
