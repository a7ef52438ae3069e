import { guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { createAction, newActionForm } from '#lib/modules/roadmap/service.server.ts';
import { backToRoadmap, formActionKeepingLists } from '#lib/modules/roadmap/routes.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		...(await newActionForm(event.locals.app, event.locals.actor, event.params.slug)),
		objectiveId: event.url.searchParams.get('objectif') ?? ''
	}));

export const actions: Actions = {
	create: (event) =>
		formActionKeepingLists(event, async (form) => {
			const a = await createAction(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form)
			);
			backToRoadmap(event.params.slug, form, `action-${a.id}`);
		})
};
