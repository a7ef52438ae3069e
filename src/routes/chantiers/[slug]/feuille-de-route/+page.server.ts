import { formAction, guarded } from '#lib/server/http.ts';
import { parseFilters } from '#lib/modules/roadmap/rules.ts';
import { changeStatus, getRoadmap } from '#lib/modules/roadmap/service.server.ts';
import { createObjective, moveObjective } from '#lib/modules/roadmap/objectives.server.ts';
import { backToRoadmap, conflictFailure } from '#lib/modules/roadmap/routes.server.ts';
import { formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const filters = parseFilters(event.url.searchParams);
		const data = await getRoadmap(event.locals.app, event.locals.actor, event.params.slug, filters);
		return { ...data, filters };
	});

export const actions: Actions = {
	status: (event) =>
		formAction(event, async (form) => {
			const id = String(form.get('id') ?? '');
			const result = await changeStatus(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				id,
				form.get('version'),
				form.get('status')
			);
			if (!result.ok) return conflictFailure(form, id, result);
			backToRoadmap(event.params.slug, form, `action-${id}`);
		}),
	objective: (event) =>
		formAction(event, async (form) => {
			const o = await createObjective(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				formToObject(form)
			);
			backToRoadmap(event.params.slug, form, `objectif-${o.id}`);
		}),
	move: (event) =>
		formAction(event, async (form) => {
			const id = String(form.get('id') ?? '');
			await moveObjective(
				event.locals.app,
				event.locals.actor,
				event.params.slug,
				id,
				form.get('direction')
			);
			backToRoadmap(event.params.slug, form, `objectif-${id}`);
		})
};
