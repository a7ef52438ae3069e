import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { assertCan } from '#lib/server/auth/policy.ts';
import { readableSpace } from '#lib/modules/roadmap/access.server.ts';
import { createProduction, productionsPath } from '#lib/modules/productions/service.server.ts';
import { productionForm } from '#lib/modules/productions/routes.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const space = await readableSpace(event.locals.app, event.locals.actor, event.params.slug);
		assertCan(event.locals.actor, 'space.contribute', { spaceId: space.id });
		return { space };
	});

export const actions: Actions = {
	create: (event) =>
		formActionThenRedirect(event, async (form) => {
			const p = await createProduction(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				productionForm(form)
			);
			return `${productionsPath(event.params.slug)}/${p.id}`;
		})
};
