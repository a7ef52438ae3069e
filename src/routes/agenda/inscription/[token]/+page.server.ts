import {
	cancelGuestAction,
	confirmGuestAction,
	guestLinkPage,
	guestWorkshopAction
} from '#lib/modules/agenda/registration-page.server.ts';
import { formAction, guarded } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

// A guest's emailed link: confirming and cancelling are buttons (a link preview must not act).
export const load: PageServerLoad = (event) =>
	guarded(event, () => guestLinkPage(event.locals.app, event.params.token));

export const actions: Actions = {
	confirm: (event) =>
		formAction(event, () => confirmGuestAction(event.locals.app, event.params.token)),
	cancel: (event) =>
		formAction(event, () => cancelGuestAction(event.locals.app, event.params.token)),
	workshop: (event) =>
		formAction(event, (form) =>
			guestWorkshopAction(event.locals.app, event.params.token, String(form.get('itemId') ?? ''))
		)
};
