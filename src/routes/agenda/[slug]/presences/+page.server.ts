import { formAction, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { getAttendance, recordAttendance } from '#lib/modules/agenda/attendance.server.ts';
import { splitMinutes } from '#lib/modules/agenda/hours.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const data = await getAttendance(event.locals.app, event.locals.actor, event.params.slug);
		const { event: e } = data;
		return {
			event: {
				slug: e.slug,
				title: e.title,
				startsAt: e.startsAt,
				status: e.status,
				isExample: e.isExample
			},
			spaces: data.spaces,
			planned: data.planned,
			duration: splitMinutes(data.duration),
			recordedAt: data.recordedAt,
			isPast: data.isPast,
			candidates: data.candidates.map((c) => ({
				key: c.key,
				name: c.name,
				structure: c.structure,
				origin: c.origin,
				present: c.present,
				timeKind: c.timeKind,
				minutes: c.minutes
			}))
		};
	});

export const actions: Actions = {
	record: (event) =>
		formAction(event, async (form) => {
			const count = await recordAttendance(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form)
			);
			return { saved: count };
		})
};
