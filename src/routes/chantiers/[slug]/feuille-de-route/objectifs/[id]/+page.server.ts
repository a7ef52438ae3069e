import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { getObjective, updateObjective } from '#lib/modules/roadmap/objectives.server.ts';
import { roadmapPath } from '#lib/modules/roadmap/service.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () =>
		getObjective(event.locals.app, event.locals.actor, event.params.slug, event.params.id)
	);

export const actions: Actions = {
	save: (event) =>
		formActionThenRedirect(event, async (form) => {
			await updateObjective(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				event.params.id,
				formToObject(form)
			);
			return `${roadmapPath(event.params.slug)}#objectif-${event.params.id}`;
		})
};
