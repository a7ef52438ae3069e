import { checkToken, usePasswordToken } from '#lib/modules/accounts/membership.server.ts';
import { formActionThenRedirect } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await checkToken(locals.app, params.token, 'reset');
	return { valid: !!found, email: found?.email ?? null };
};

export const actions: Actions = {
	default: (event) =>
		formActionThenRedirect(event, async (form) => {
			await usePasswordToken(event.locals.app, event.params.token, 'reset', formToObject(form));
			return '/connexion?message=reinitialise';
		})
};
