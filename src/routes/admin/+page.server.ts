import { listJoinRequests } from '#lib/modules/accounts/membership.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const requests = await listJoinRequests(event.locals.app, event.locals.actor);
		return { pending: requests.filter((r) => r.status === 'pending').length };
	});
