import { getEmail } from '#lib/server/email/outbox.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		email: await getEmail(event.locals.app, event.locals.actor, event.params.id)
	}));
