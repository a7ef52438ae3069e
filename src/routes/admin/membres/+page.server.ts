import { listUsers, setRole } from '#lib/modules/accounts/admin.server.ts';
import { moderatorIds, setCartoModerator } from '#lib/modules/cartographie/moderators.server.ts';
import { can, grantableRoles } from '#lib/server/auth/policy.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const { app, actor } = event.locals;
		const users = await listUsers(app, actor);
		const moderators = new Set(await moderatorIds(app, actor));
		return {
			users: users.map((u) => ({ ...u, cartoModerator: moderators.has(u.id) })),
			roles: actor?.role === 'admin' ? grantableRoles(actor) : [],
			canGrantModerator: can(actor, 'cartographie.manage'),
			me: actor?.userId
		};
	});

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
		}),
	moderator: (event) =>
		formAction(event, async (form) => {
			const on = form.get('moderator') === 'on';
			await setCartoModerator(
				event.locals.app,
				event.locals.actor,
				String(form.get('id')),
				on,
				requestInfo(event)
			);
			return { moderatorSaved: on };
		})
};
