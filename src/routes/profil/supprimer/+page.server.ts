import { redirect } from '@sveltejs/kit';
import { deleteMyAccount } from '#lib/modules/accounts/profile.server.ts';
import { SESSION_COOKIE } from '#lib/modules/accounts/sessions.server.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import { UnauthenticatedError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		if (!event.locals.actor) throw new UnauthenticatedError();
		return {};
	});

export const actions: Actions = {
	default: async (event) => {
		const result = await formAction(event, (form) =>
			deleteMyAccount(
				event.locals.app,
				event.locals.actor,
				String(form.get('password') ?? ''),
				requestInfo(event)
			)
		);
		if (result) return result;
		event.cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/connexion?message=supprime');
	}
};
