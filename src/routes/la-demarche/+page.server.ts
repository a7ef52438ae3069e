import { getPage, getTimeline } from '#lib/modules/pages/service.server.ts';
import { listSpaces } from '#lib/modules/spaces/service.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const { app, actor } = event.locals;
		const [page, timeline, spaces] = await Promise.all([
			getPage(app, actor, 'la-demarche'),
			getTimeline(app),
			listSpaces(app)
		]);
		return { page, timeline, spaces };
	});
