import { gunzipSync } from 'node:zlib';
import { mapPayload, type MapPayload } from '#lib/modules/cartographie/map/map.server.ts';
import { cached, PUBLIC_TTL_MS } from '#lib/server/cache.ts';
import type { RequestHandler } from './$types';

/**
 * The map's points for the filters of /cartographie (same URL parameters), compressed once per
 * search (brotli, else gzip), with an ETag: a map that asks again for data it already has gets a
 * 304. Server-Timing tells where the time went (none: served from the visitors' cache).
 */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	const started = performance.now();
	const params = Object.fromEntries(url.searchParams);
	let fresh = false;
	const build = () => {
		fresh = true;
		return mapPayload(locals.app, params);
	};
	const payload: MapPayload = locals.user
		? await build()
		: await cached(`cartographie-map:${url.search}`, PUBLIC_TTL_MS, build);
	const total = performance.now() - started;
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'cache-control': locals.user ? 'private, no-cache' : 'public, max-age=5',
		etag: payload.etag,
		vary: 'accept-encoding',
		'server-timing': fresh
			? `db;dur=${payload.timings.db.toFixed(1)}, compress;dur=${payload.timings.compress.toFixed(1)}, total;dur=${total.toFixed(1)}`
			: `cache;desc=hit, total;dur=${total.toFixed(1)}`
	};
	if (request.headers.get('if-none-match') === payload.etag) {
		return new Response(null, { status: 304, headers });
	}
	const accepted = request.headers.get('accept-encoding') ?? '';
	if (/\bbr\b/.test(accepted)) {
		return new Response(new Uint8Array(payload.br), {
			headers: { ...headers, 'content-encoding': 'br' }
		});
	}
	if (/\bgzip\b/.test(accepted)) {
		return new Response(new Uint8Array(payload.gzip), {
			headers: { ...headers, 'content-encoding': 'gzip' }
		});
	}
	// Rare (scripts): the JSON itself.
	return new Response(new Uint8Array(gunzipSync(payload.gzip)), { headers });
};
