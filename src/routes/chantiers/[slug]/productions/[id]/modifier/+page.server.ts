import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { assertCan } from '#lib/server/auth/policy.ts';
import { readableSpace } from '#lib/modules/roadmap/access.server.ts';
import {
	getProduction,
	productionsPath,
	updateProduction
} from '#lib/modules/productions/service.server.ts';
import { productionForm } from '#lib/modules/productions/routes.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		// The right to write comes first: an unknown production says nothing to whoever may not edit.
		const space = await readableSpace(event.locals.app, event.locals.actor, event.params.slug);
		assertCan(event.locals.actor, 'space.contribute', { spaceId: space.id });
		return getProduction(event.locals.app, event.locals.actor, event.params.slug, event.params.id);
	});

export const actions: Actions = {
	save: (event) =>
		formActionThenRedirect(event, async (form) => {
			await updateProduction(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				event.params.id,
				productionForm(form)
			);
			return `${productionsPath(event.params.slug)}/${event.params.id}`;
		})
};
