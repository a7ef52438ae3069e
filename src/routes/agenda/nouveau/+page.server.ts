import { guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { createEvent } from '#lib/modules/agenda/service.server.ts';
import { eventFormAction, newEventForm } from '#lib/modules/agenda/event-form.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () =>
		newEventForm(event.locals.app, event.locals.actor, event.url.searchParams.get('espace'))
	);

export const actions: Actions = {
	create: (event) =>
		eventFormAction(event, async (form) => {
			const created = await createEvent(event.locals.app, event.locals.actor, formToObject(form));
			return `/agenda/${created.slug}`;
		})
};
