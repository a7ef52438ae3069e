import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { updateEvent } from '#lib/modules/agenda/series-edit.server.ts';
import { cancelEvent, removeOccurrence } from '#lib/modules/agenda/cancel.server.ts';
import { editEventForm, eventFormAction } from '#lib/modules/agenda/event-form.server.ts';
import type { Actions, PageServerLoad } from './$types';

const scopeOf = (form: FormData) => (form.get('scope') === 'series' ? 'series' : 'occurrence');

export const load: PageServerLoad = (event) =>
	guarded(event, () => editEventForm(event.locals.app, event.locals.actor, event.params.slug));

export const actions: Actions = {
	save: (event) =>
		eventFormAction(event, async (form) => {
			const { app, actor } = event.locals;
			const res = await updateEvent(
				app,
				actor,
				event.params.slug,
				formToObject(form),
				scopeOf(form)
			);
			return `/agenda/${res.event.slug}${res.kept.length ? `?gardees=${res.kept.length}` : ''}`;
		}),
	cancel: (event) =>
		formActionThenRedirect(event, async (form) => {
			const { app, actor } = event.locals;
			const sure = form.get('confirm') === 'on';
			await cancelEvent(app, actor, event.params.slug, scopeOf(form), sure);
			return `/agenda/${event.params.slug}`;
		}),
	remove: (event) =>
		formActionThenRedirect(event, async () => {
			const res = await removeOccurrence(event.locals.app, event.locals.actor, event.params.slug);
			return res.deleted ? '/agenda?retiree=1' : `/agenda/${event.params.slug}`;
		})
};
