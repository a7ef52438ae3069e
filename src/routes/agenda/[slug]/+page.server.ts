import { guarded } from '#lib/server/http.ts';
import { getEventPage } from '#lib/modules/agenda/event-page.server.ts';
import { registrationState } from '#lib/modules/agenda/registration-state.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const page = await getEventPage(event.locals.app, event.locals.actor, event.params.slug);
		const { app, actor } = event.locals;
		return { ...page, registration: await registrationState(app, actor, page.event) };
	});
