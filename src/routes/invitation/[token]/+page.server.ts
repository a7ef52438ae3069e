import { redirect } from '@sveltejs/kit';
import { checkToken, usePasswordToken } from '#lib/modules/accounts/membership.server.ts';
import { formAction } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await checkToken(locals.app, params.token, 'invitation');
	return { valid: !!found, email: found?.email ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const result = await formAction(event, async (form) => {
			await usePasswordToken(
				event.locals.app,
				event.params.token,
				'invitation',
				formToObject(form)
			);
		});
		if (result) return result;
		redirect(303, '/connexion?message=active');
	}
};
