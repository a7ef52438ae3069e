import { decideJoinRequest, listJoinRequests } from '#lib/modules/accounts/membership.server.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		requests: await listJoinRequests(event.locals.app, event.locals.actor)
	}));

const decide =
	(decision: 'approve' | 'decline'): Actions[string] =>
	(event) =>
		formAction(event, async (form) => {
			const reason =
				String(form.get('reason') ?? '')
					.trim()
					.slice(0, 1000) || null;
			await decideJoinRequest(
				event.locals.app,
				event.locals.actor,
				String(form.get('id')),
				decision,
				reason,
				requestInfo(event)
			);
			return { done: decision };
		});

export const actions: Actions = { approve: decide('approve'), decline: decide('decline') };
