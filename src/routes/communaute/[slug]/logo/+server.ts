import { structureLogo } from '#lib/modules/community/manage.server.ts';
import { logoResponse } from '#lib/modules/community/logo-file.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** The structure's logo. */
export const GET: RequestHandler = (event) =>
	guarded(event, async () =>
		logoResponse(event.request, await structureLogo(event.locals.app, event.params.slug))
	);
