import { getKeyFigures, getPage, getTimeline } from '#lib/modules/pages/service.server.ts';
import { listSpaces } from '#lib/modules/spaces/service.server.ts';
import { featuredResources } from '#lib/modules/ressources/featured.server.ts';
import { guarded } from '#lib/server/http.ts';
import { cached, PUBLIC_TTL_MS } from '#lib/server/cache.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => {
		const { app, actor } = event.locals;
		const load = async () => {
			const [page, figures, spaces, timeline, resources] = await Promise.all([
				getPage(app, actor, 'accueil'),
				getKeyFigures(app),
				listSpaces(app),
				getTimeline(app),
				featuredResources(app)
			]);
			return { page, figures, spaces, timeline: timeline.slice(-4).reverse(), resources };
		};
		return actor ? load() : cached('home', PUBLIC_TTL_MS, load);
	});
