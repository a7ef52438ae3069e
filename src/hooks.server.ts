import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { app, startApp } from '#lib/server/app.ts';
import { EnvError } from '#lib/server/env.ts';
import { log } from '#lib/server/log.ts';
import { adjustCsp, EMBED_ROUTE } from '#lib/server/csp.ts';
import { fromPageCache, pageCacheKey, toPageCache } from '#lib/server/page-cache.ts';
import { readSession, SESSION_COOKIE } from '#lib/modules/accounts/sessions.server.ts';

export const init: ServerInit = async () => {
	try {
		await startApp();
	} catch (err: unknown) {
		if (!(err instanceof EnvError)) throw err;
		console.error(err.message);
		process.exit(1);
	}
	const stop = async () => {
		await app().stop();
	};
	process.once('sveltekit:shutdown', stop);
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.app = app();
	const secret = event.cookies.get(SESSION_COOKIE);
	const found = await readSession(event.locals.app, secret);
	event.locals.user = found?.user ?? null;
	event.locals.actor = found?.actor ?? null;
	event.locals.sessionSecret = found ? secret : undefined;
	if (secret && !found) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	const csp = response.headers.get('content-security-policy');
	if (csp) {
		response.headers.set(
			'content-security-policy',
			adjustCsp(csp, {
				embeddable: event.route.id === EMBED_ROUTE,
				tileUrl: event.locals.app.env.MAP_TILE_URL
			})
		);
	}
	if (event.route.id !== EMBED_ROUTE) response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

/** Visitors' pages kept a few seconds (see page-cache.ts). */
const pageCache: Handle = async ({ event, resolve }) => {
	const key = pageCacheKey(
		event.route.id,
		// The request's own URL: SvelteKit's event.url drops the data-request suffix and params.
		new URL(event.request.url),
		event.request.method,
		!!event.locals.user,
		!!event.request.headers.get('cookie')
	);
	if (!key) return resolve(event);
	return fromPageCache(key) ?? toPageCache(key, await resolve(event));
};

export const handle = sequence(session, headers, pageCache);

export const handleError: HandleServerError = ({ kind, error }) => {
	if (kind === 'unknown') {
		log.error(error);
		return { message: 'Une erreur est survenue. Veuillez réessayer.' };
	}
	if (kind === 'framework' && error.status === 404) return { message: 'Page introuvable.' };
	return {};
};
