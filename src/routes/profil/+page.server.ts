import { getProfile, updateProfile } from '#lib/modules/accounts/profile.server.ts';
import { formAction, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { UnauthenticatedError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const { actor, app } = event.locals;
		if (!actor) throw new UnauthenticatedError();
		return getProfile(app, actor, actor.userId);
	});

export const actions: Actions = {
	default: (event) =>
		formAction(event, async (form) => {
			const { actor, app } = event.locals;
			if (!actor) throw new UnauthenticatedError();
			await updateProfile(app, actor, actor.userId, formToObject(form));
			return { saved: true };
		})
};
