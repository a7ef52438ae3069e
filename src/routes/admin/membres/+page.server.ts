import { listUsers, setRole } from '#lib/modules/accounts/admin.server.ts';
import { grantableRoles } from '#lib/server/auth/policy.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		users: await listUsers(event.locals.app, event.locals.actor),
		roles: event.locals.actor?.role === 'admin' ? grantableRoles(event.locals.actor) : [],
		me: event.locals.actor?.userId
	}));

export const actions: Actions = {
	role: (event) =>
		formAction(event, async (form) => {
			await setRole(
				event.locals.app,
				event.locals.actor,
				String(form.get('id')),
				String(form.get('role')),
				requestInfo(event)
			);
			return { saved: true };
		})
};
