import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { createSpace, newSpaceForm } from '#lib/modules/spaces/settings.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => newSpaceForm(event.locals.app, event.locals.actor));

export const actions: Actions = {
	create: (event) =>
		formActionThenRedirect(event, async (form) => {
			const space = await createSpace(event.locals.app, event.locals.actor, formToObject(form));
			return `/chantiers/${space.slug}`;
		})
};
