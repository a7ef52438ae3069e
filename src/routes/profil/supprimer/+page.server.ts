import { deleteMyAccount } from '#lib/modules/accounts/profile.server.ts';
import { SESSION_COOKIE } from '#lib/modules/accounts/sessions.server.ts';
import { formActionThenRedirect, guarded, requestInfo } from '#lib/server/http.ts';
import { UnauthenticatedError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		if (!event.locals.actor) throw new UnauthenticatedError();
		return {};
	});

export const actions: Actions = {
	default: (event) =>
		formActionThenRedirect(event, async (form) => {
			const password = String(form.get('password') ?? '');
			await deleteMyAccount(event.locals.app, event.locals.actor, password, requestInfo(event));
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
			return '/connexion?message=supprime';
		})
};
