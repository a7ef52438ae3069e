// Serving a stored logo (a structure's or a fiche's): the type detected at upload, never
// sniffed; a validator from its key, which is never reused (a new upload gets a new name).
import type { Ctx } from '../../server/context';
import { NotFoundError } from '../../server/errors';
import { fileStore, type StoredFile } from '../../server/storage/local';
import { logoMimeOfKey, type LogoMime } from './rules';

export interface ServedLogo {
	mime: LogoMime;
	etag: string;
	read(): Promise<StoredFile | null>;
}

/** The logo stored under `key`, or null when there is none (or its type is not a logo's). */
export function storedLogo(ctx: Ctx, key: string | null): ServedLogo | null {
	const mime = key ? logoMimeOfKey(key) : null;
	if (!key || !mime) return null;
	return {
		mime,
		etag: `"${key.slice(key.lastIndexOf('/') + 1)}"`,
		read: () => fileStore(ctx.env).read(key)
	};
}

/** Whether an If-None-Match header names `etag` (weak comparison, as HTTP asks for GET). */
function matches(ifNoneMatch: string | null, etag: string) {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The response of a logo's address: 304 when the client has it, 404 if the file is lost. Public
 * logos are cached an hour; `cacheControl` for one behind a private address.
 */
export async function logoResponse(
	request: Request,
	logo: ServedLogo,
	cacheControl = 'public, max-age=3600'
): Promise<Response> {
	const headers = new Headers({ 'Cache-Control': cacheControl, ETag: logo.etag });
	if (matches(request.headers.get('if-none-match'), logo.etag)) {
		return new Response(null, { status: 304, headers });
	}
	const file = await logo.read();
	if (!file) throw new NotFoundError('Le fichier du logo est introuvable.');
	headers.set('Content-Type', logo.mime);
	headers.set('Content-Length', String(file.size));
	headers.set('Content-Disposition', 'inline');
	headers.set('X-Content-Type-Options', 'nosniff');
	return new Response(file.stream, { headers });
}
