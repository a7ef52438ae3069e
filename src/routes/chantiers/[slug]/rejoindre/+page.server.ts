import {
	answerInvitation,
	cancelMyRequest,
	joinPage,
	requestToJoinSpace
} from '#lib/modules/spaces/join.server.ts';
import { formAction, formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => joinPage(event.locals.app, event.locals.actor, event.params.slug));

export const actions: Actions = {
	request: (event) =>
		formAction(event, async (form) => {
			await requestToJoinSpace(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form)
			);
			return { sent: true };
		}),
	cancel: (event) =>
		formAction(event, async () => {
			await cancelMyRequest(event.locals.app, event.locals.actor, event.params.slug);
			return { cancelled: true };
		}),
	accept: (event) =>
		formActionThenRedirect(event, async (form) => {
			const slug = event.params.slug;
			await answerInvitation(
				event.locals.app,
				event.locals.actor,
				slug,
				'accept',
				formToObject(form)
			);
			return `/chantiers/${slug}/membres?bienvenue=1`;
		}),
	decline: (event) =>
		formAction(event, async () => {
			await answerInvitation(event.locals.app, event.locals.actor, event.params.slug, 'decline');
			return { declined: true };
		})
};
