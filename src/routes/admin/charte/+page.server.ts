import { charterAdmin, publishCharter } from '#lib/modules/charter/service.server.ts';
import { formAction, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => charterAdmin(event.locals.app, event.locals.actor));

export const actions: Actions = {
	publish: (event) =>
		formAction(event, async (form) => ({
			published: await publishCharter(event.locals.app, event.locals.actor, formToObject(form))
		}))
};
