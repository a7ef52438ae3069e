import {
	guestAction,
	registerAction,
	registrationPage,
	unregisterAction,
	workshopAction
} from '#lib/modules/agenda/registration-page.server.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// The event page's registration forms post here; without JavaScript this page shows the outcome.
export const load: PageServerLoad = (event) =>
	guarded(event, () => registrationPage(event.locals.app, event.locals.actor, event.params.slug));

export const actions: Actions = {
	register: (event) =>
		formAction(event, () =>
			registerAction(event.locals.app, event.locals.actor, event.params.slug)
		),
	unregister: (event) =>
		formAction(event, () =>
			unregisterAction(event.locals.app, event.locals.actor, event.params.slug)
		),
	guest: (event) =>
		formAction(event, (form) =>
			guestAction(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form),
				requestInfo(event)
			)
		),
	workshop: (event) =>
		formAction(event, (form) =>
			workshopAction(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				String(form.get('itemId') ?? '')
			)
		)
};
