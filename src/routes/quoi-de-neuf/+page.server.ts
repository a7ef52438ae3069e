import { whatsNew } from '#lib/modules/spaces/feed.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => {
		const page = Math.min(1000, Math.max(1, Number(event.url.searchParams.get('page')) || 1));
		return whatsNew(event.locals.app, event.locals.actor, page);
	});
