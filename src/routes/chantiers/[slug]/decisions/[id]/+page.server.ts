import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import {
	decisionsPath,
	getDecision,
	updateDecision
} from '#lib/modules/productions/decisions.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const { space, decision } = await getDecision(
			event.locals.app,
			event.locals.actor,
			event.params.slug,
			event.params.id
		);
		return { space, decision };
	});

export const actions: Actions = {
	save: (event) =>
		formActionThenRedirect(event, async (form) => {
			await updateDecision(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				event.params.id,
				formToObject(form)
			);
			return `${decisionsPath(event.params.slug)}#decision-${event.params.id}`;
		})
};
