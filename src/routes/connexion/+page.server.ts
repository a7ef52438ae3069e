import { redirect } from '@sveltejs/kit';
import { login } from '#lib/modules/accounts/auth.server.ts';
import { SESSION_COOKIE } from '#lib/modules/accounts/sessions.server.ts';
import { formActionThenRedirect, requestInfo } from '#lib/server/http.ts';
import { formToObject, safeNext } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('suite')));
	return { notice: url.searchParams.get('message') };
};

export const actions: Actions = {
	default: (event) =>
		formActionThenRedirect(event, async (form) => {
			const session = await login(event.locals.app, formToObject(form), requestInfo(event));
			event.cookies.set(SESSION_COOKIE, session.secret, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: event.locals.app.env.secureCookies,
				expires: session.expiresAt
			});
			return safeNext(event.url.searchParams.get('suite'));
		})
};
