import { invite } from '#lib/modules/accounts/membership.server.ts';
import { grantableRoles } from '#lib/server/auth/policy.ts';
import { formAction, requestInfo } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ roles: grantableRoles(locals.actor) });

export const actions: Actions = {
	default: (event) =>
		formAction(event, async (form) => {
			const user = await invite(
				event.locals.app,
				event.locals.actor,
				formToObject(form),
				requestInfo(event)
			);
			return { invited: user.email };
		})
};
