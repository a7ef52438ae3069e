import { guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { getAction, updateAction } from '#lib/modules/roadmap/service.server.ts';
import {
	backToRoadmap,
	conflictFailure,
	formActionKeepingLists
} from '#lib/modules/roadmap/routes.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () =>
		getAction(event.locals.app, event.locals.actor, event.params.slug, event.params.id)
	);

export const actions: Actions = {
	save: (event) =>
		formActionKeepingLists(event, async (form) => {
			const result = await updateAction(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				event.params.id,
				form.get('version'),
				formToObject(form)
			);
			if (!result.ok) return conflictFailure(form, event.params.id, result);
			backToRoadmap(event.params.slug, form, `action-${event.params.id}`);
		})
};
