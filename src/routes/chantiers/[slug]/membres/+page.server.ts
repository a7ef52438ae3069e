import {
	cancelInvitation,
	decideSpaceRequest,
	inviteToSpace
} from '#lib/modules/spaces/join.server.ts';
import {
	changeRole,
	leaveSpace,
	membersPage,
	updateMyInvolvement
} from '#lib/modules/spaces/members.server.ts';
import { formAction, formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => membersPage(event.locals.app, event.locals.actor, event.params.slug));

const id = (form: FormData, name = 'id') => String(form.get(name) ?? '');

export const actions: Actions = {
	involvement: (event) =>
		formAction(event, async (form) => {
			await updateMyInvolvement(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form)
			);
			return { done: 'involvement' as const };
		}),
	leave: (event) =>
		formActionThenRedirect(event, async () => {
			await leaveSpace(event.locals.app, event.locals.actor, event.params.slug);
			return `/chantiers/${event.params.slug}?quitte=1`;
		}),
	remove: (event) =>
		formAction(event, async (form) => {
			await leaveSpace(event.locals.app, event.locals.actor, event.params.slug, id(form, 'userId'));
			return { done: 'remove' as const };
		}),
	role: (event) =>
		formAction(event, async (form) => {
			const data = formToObject(form);
			await changeRole(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				id(form, 'userId'),
				data
			);
			return { done: 'role' as const };
		}),
	accept: (event) =>
		formAction(event, async (form) => {
			const data = formToObject(form);
			await decideSpaceRequest(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				id(form),
				'accept',
				data
			);
			return { done: 'accept' as const };
		}),
	decline: (event) =>
		formAction(event, async (form) => {
			const data = formToObject(form);
			await decideSpaceRequest(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				id(form),
				'decline',
				data
			);
			return { done: 'decline' as const };
		}),
	invite: (event) =>
		formAction(event, async (form) => {
			await inviteToSpace(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form)
			);
			return { done: 'invite' as const };
		}),
	cancelInvitation: (event) =>
		formAction(event, async (form) => {
			await cancelInvitation(event.locals.app, event.locals.actor, event.params.slug, id(form));
			return { done: 'cancelInvitation' as const };
		})
};
