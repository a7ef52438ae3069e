import { requestToJoin } from '#lib/modules/accounts/membership.server.ts';
import { formAction, requestInfo } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: (event) =>
		formAction(event, async (form) => {
			await requestToJoin(event.locals.app, formToObject(form), requestInfo(event));
			return { sent: true };
		})
};
