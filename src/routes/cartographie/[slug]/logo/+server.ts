import { ficheLogo } from '#lib/modules/cartographie/logo.server.ts';
import { logoResponse } from '#lib/modules/community/logo-file.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** A published fiche's logo. */
export const GET: RequestHandler = (event) =>
	guarded(event, async () =>
		logoResponse(event.request, await ficheLogo(event.locals.app, event.params.slug))
	);
