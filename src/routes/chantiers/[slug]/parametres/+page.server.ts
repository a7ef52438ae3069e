import { redirect } from '@sveltejs/kit';
import { formAction, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import { moveObjective } from '#lib/modules/roadmap/objectives.server.ts';
import {
	addObjective,
	deleteObjective,
	getSpaceSettings,
	settingsPath,
	updateSpaceSettings
} from '#lib/modules/spaces/settings.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => getSpaceSettings(event.locals.app, event.locals.actor, event.params.slug));

/** Back to the settings, saying what was done (?fait=…) and where to put the focus. */
const back = (slug: string, done: string, anchor: string): never =>
	redirect(303, `${settingsPath(slug)}?fait=${done}#${anchor}`);

export const actions: Actions = {
	save: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			await updateSpaceSettings(app, actor, event.params.slug, formToObject(form));
			back(event.params.slug, 'reglages', 'reglages');
		}),
	objective: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			const o = await addObjective(app, actor, event.params.slug, formToObject(form));
			back(event.params.slug, 'ajout', `objectif-${o.id}`);
		}),
	move: (event) =>
		formAction(event, async (form) => {
			const id = String(form.get('id') ?? '');
			const { app, actor } = event.locals;
			await moveObjective(app, actor, event.params.slug, id, form.get('direction'));
			back(event.params.slug, 'ordre', `objectif-${id}`);
		}),
	delete: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			await deleteObjective(app, actor, event.params.slug, String(form.get('id') ?? ''));
			back(event.params.slug, 'suppression', 'objectifs');
		})
};
