import { acceptCharter, getCharter } from '#lib/modules/charter/service.server.ts';
import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject, safeNext } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		...(await getCharter(event.locals.app, event.locals.actor)),
		next: safeNext(event.url.searchParams.get('suite')),
		signedIn: !!event.locals.actor
	}));

export const actions: Actions = {
	accept: (event) =>
		formActionThenRedirect(event, async (form) => {
			await acceptCharter(event.locals.app, event.locals.actor, formToObject(form));
			const next = safeNext(event.url.searchParams.get('suite'));
			return next === '/' ? '/charte?acceptee=1' : next;
		})
};
