import { editLogo } from '#lib/modules/cartographie/owner.server.ts';
import { logoResponse } from '#lib/modules/community/logo-file.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/**
 * The logo shown on the private edit page, also for a fiche not published yet or a logo still
 * awaiting moderation. The secret is in the address: never kept by a shared cache.
 */
export const GET: RequestHandler = (event) =>
	guarded(event, async () =>
		logoResponse(
			event.request,
			await editLogo(event.locals.app, event.params.token),
			'private, no-store'
		)
	);
