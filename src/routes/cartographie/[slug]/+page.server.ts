import { ficheView, reportFicheError } from '#lib/modules/cartographie/report.server.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = event.locals.app.env;
		return {
			...(await ficheView(event.locals.app, event.locals.actor, event.params.slug)),
			map: { tileUrl: MAP_TILE_URL ?? null, tileAttribution: MAP_TILE_ATTRIBUTION ?? null }
		};
	});

export const actions: Actions = {
	signaler: (event) =>
		formAction(event, async (form) => {
			await reportFicheError(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form),
				requestInfo(event)
			);
			return { reported: true as const };
		})
};
