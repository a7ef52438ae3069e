import { guarded } from '#lib/server/http.ts';
import { newResourceForm } from '#lib/modules/ressources/page.server.ts';
import { createResource } from '#lib/modules/ressources/service.server.ts';
import { resourceFormAction } from '#lib/modules/ressources/form-action.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => newResourceForm(event.locals.app, event.locals.actor));

export const actions: Actions = {
	create: (event) =>
		resourceFormAction(event, () =>
			createResource(event.locals.app, event.locals.actor, event.request)
		)
};
