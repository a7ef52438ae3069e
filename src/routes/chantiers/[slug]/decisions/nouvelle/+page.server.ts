import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { assertCan } from '#lib/server/auth/policy.ts';
import { readableSpace } from '#lib/modules/roadmap/access.server.ts';
import { createDecision, decisionsPath } from '#lib/modules/productions/decisions.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const space = await readableSpace(event.locals.app, event.locals.actor, event.params.slug);
		assertCan(event.locals.actor, 'space.manage', { spaceId: space.id });
		return { space };
	});

export const actions: Actions = {
	create: (event) =>
		formActionThenRedirect(event, async (form) => {
			const d = await createDecision(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form)
			);
			return `${decisionsPath(event.params.slug)}#decision-${d.id}`;
		})
};
