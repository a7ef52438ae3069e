import { json } from '@sveltejs/kit';
import { importState } from '#lib/modules/cartographie/import/import.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** The progress of an import, polled every second by its page while a task runs. */
export const GET: RequestHandler = (event) =>
	guarded(event, async () =>
		json(await importState(event.locals.app, event.locals.actor, event.params.id), {
			headers: { 'cache-control': 'no-store' }
		})
	);
