import type { StoredFile } from '../storage/local';

export interface FileResponseOptions {
	disposition?: 'attachment' | 'inline';
	/** Default `private, no-store`; public files may choose a longer cache. */
	cacheControl?: string;
}

/** What an inline file may do once opened: nothing (no script, no request, no form). */
export const INLINE_FILE_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

// RFC 5987 attr-char: letters, digits and !#$&+-.^_`|~ stay; everything else is %-encoded.
const encodeExtValue = (value: string) =>
	encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);

/** The name reduced to printable ASCII for old clients: accents dropped, the rest `_`. */
export function asciiFileName(name: string): string {
	const ascii = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%]/g, '_')
		.trim();
	return ascii || 'fichier';
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987's encoding). */
export function contentDisposition(disposition: 'attachment' | 'inline', name: string): string {
	const clean = name.normalize('NFC').replace(/[\r\n]/g, ' ');
	return `${disposition}; filename="${asciiFileName(clean)}"; filename*=UTF-8''${encodeExtValue(clean)}`;
}

/** The headers of a stored file's download. */
export function fileHeaders(
	size: number,
	meta: { name: string; type: string },
	opts: FileResponseOptions = {}
): Record<string, string> {
	const disposition = opts.disposition ?? 'attachment';
	const headers: Record<string, string> = {
		'Content-Type': meta.type || 'application/octet-stream',
		'Content-Length': String(size),
		'Content-Disposition': contentDisposition(disposition, meta.name),
		'X-Content-Type-Options': 'nosniff',
		'Cache-Control': opts.cacheControl ?? 'private, no-store'
	};
	// Browsers' own PDF viewers do not run under a sandbox or `object-src 'none'`; they keep a PDF's
	// scripts away from the site themselves.
	if (disposition === 'inline' && headers['Content-Type'] !== 'application/pdf') {
		headers['Content-Security-Policy'] = INLINE_FILE_CSP;
	}
	return headers;
}

/** Streams a stored file to the browser with its type, length, name and no sniffing. */
export function fileResponse(
	stored: StoredFile,
	meta: { name: string; type: string },
	opts: FileResponseOptions = {}
): Response {
	return new Response(stored.stream, { headers: fileHeaders(stored.size, meta, opts) });
}
