import { assertCan } from '#lib/server/auth/policy.ts';
import { guarded } from '#lib/server/http.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) =>
	guarded(event, async () => {
		assertCan(event.locals.actor, 'admin.access');
		return { isAdmin: event.locals.actor.role === 'admin' };
	});
