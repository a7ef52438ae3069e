/**
 * A few seconds of rendered pages for visitors (not signed in) on the busiest public pages: the
 * list of the cartography and its data requests. The page's data is already cached (cache.ts);
 * this spares rendering it again for every visitor. The Content-Security-Policy nonce is
 * replaced by a fresh one on every answer, so no two responses share a nonce.
 */
import { randomBytes } from 'node:crypto';
import { PUBLIC_TTL_MS } from './cache';

interface Snapshot {
	expires: number;
	status: number;
	headers: [string, string][];
	body: string;
}

const entries = new Map<string, Snapshot>();
const MAX_ENTRIES = 300;
/** Larger pages are not kept (the list page is about 100 KB). */
const MAX_BODY = 1_000_000;

const NONCE = /'nonce-([A-Za-z0-9+/=_-]+)'/;

/** Routes whose visitor pages may be kept; keys start with the module's cache prefix. */
const cachedRoutes: Record<string, string> = {
	'/cartographie': 'cartographie',
	// A space's home: changes made elsewhere show to visitors within PUBLIC_TTL_MS.
	'/chantiers/[slug]': 'spaces'
};

export function pageCacheKey(
	routeId: string | null,
	url: URL,
	method: string,
	signedIn: boolean,
	hasCookies: boolean
): string | null {
	if (method !== 'GET' || signedIn || hasCookies || !routeId) return null;
	const prefix = cachedRoutes[routeId];
	return prefix ? `${prefix}:page:${url.pathname}${url.search}` : null;
}

/** A kept answer with a new nonce, or null. */
export function fromPageCache(key: string): Response | null {
	const hit = entries.get(key);
	if (!hit) return null;
	if (hit.expires <= Date.now()) {
		entries.delete(key);
		return null;
	}
	const csp = hit.headers.find(([n]) => n === 'content-security-policy')?.[1];
	const old = csp ? NONCE.exec(csp)?.[1] : undefined;
	const fresh = randomBytes(16).toString('base64');
	const swap = (s: string) => (old ? s.replaceAll(old, fresh) : s);
	const headers = new Headers(
		hit.headers.map(([n, v]): [string, string] => [
			n,
			n === 'content-security-policy' ? swap(v) : v
		])
	);
	return new Response(swap(hit.body), { status: hit.status, headers });
}

/** Keeps a successful answer without cookies; returns the response to send. */
export async function toPageCache(key: string, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	const keep =
		response.status === 200 &&
		!response.headers.has('set-cookie') &&
		/^(text\/html|application\/json)/.test(type);
	if (!keep) return response;
	const body = await response.text();
	const headers = [...response.headers].filter(([n]) => n !== 'content-length');
	if (body.length <= MAX_BODY) {
		if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
		entries.set(key, { expires: Date.now() + PUBLIC_TTL_MS, status: 200, headers, body });
	}
	return new Response(body, { status: 200, headers: new Headers(headers) });
}

/** Forgets the kept pages whose key starts with `prefix` (see cache.ts `invalidate`). */
export function invalidatePages(prefix: string) {
	for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
}

export function clearPageCache() {
	entries.clear();
}
