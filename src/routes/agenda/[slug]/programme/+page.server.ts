import { formAction, guarded } from '#lib/server/http.ts';
import { formToObject } from '#lib/server/forms.ts';
import {
	addProgrammeItem,
	moveProgrammeItem,
	programmeEditor,
	removeProgrammeItem,
	updateProgrammeItem
} from '#lib/modules/agenda/programme.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => programmeEditor(event.locals.app, event.locals.actor, event.params.slug));

type Step = typeof updateProgrammeItem;
const run = (step: Step) => (event: Parameters<Actions[string]>[0]) =>
	formAction(event, (form) =>
		step(event.locals.app, event.locals.actor, event.params.slug, formToObject(form))
	);

export const actions: Actions = {
	add: (event) =>
		formAction(event, async (form) => {
			await addProgrammeItem(event.locals.app, event.locals.actor, event.params.slug, {
				...formToObject(form)
			});
		}),
	save: run(updateProgrammeItem),
	remove: run(removeProgrammeItem),
	move: run(moveProgrammeItem)
};
