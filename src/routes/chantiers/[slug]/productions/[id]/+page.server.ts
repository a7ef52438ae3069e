import { guarded } from '#lib/server/http.ts';
import { renderMarkdown } from '#lib/modules/pages/markdown.ts';
import { getProduction } from '#lib/modules/productions/service.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const data = await getProduction(
			event.locals.app,
			event.locals.actor,
			event.params.slug,
			event.params.id
		);
		const html = data.production.description
			? renderMarkdown(data.production.description, `/chantiers/${event.params.slug}/pages`)
			: null;
		return { ...data, html };
	});
