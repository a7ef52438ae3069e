import { confirmFiche, confirmFormData } from '#lib/modules/cartographie/owner.server.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// A GET only shows the fiche: mail scanners open links, only the button's POST confirms.
export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		event.setHeaders({ 'cache-control': 'private, no-store' });
		return confirmFormData(event.locals.app, event.params.token);
	});

export const actions: Actions = {
	default: (event) =>
		formAction(event, async (form) => {
			const { lastVerifiedAt } = await confirmFiche(
				event.locals.app,
				event.params.token,
				formToObject(form),
				requestInfo(event)
			);
			return { confirmed: lastVerifiedAt };
		})
};
