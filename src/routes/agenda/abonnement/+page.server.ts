import {
	regeneratePersonalFeed,
	subscriptionPage
} from '#lib/modules/agenda/ical/subscription.server.ts';
import { formAction, guarded } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => subscriptionPage(event.locals.app, event.locals.actor));

export const actions: Actions = {
	regenerer: (event) =>
		formAction(event, async () => {
			await regeneratePersonalFeed(event.locals.app, event.locals.actor);
			return { regenerated: true };
		})
};
