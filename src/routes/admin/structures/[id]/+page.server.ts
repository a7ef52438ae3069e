import {
	deleteStructure,
	getStructureForEdit,
	saveStructure
} from '#lib/modules/community/manage.server.ts';
import { formAction, formActionThenRedirect, guarded, requestInfo } from '#lib/server/http.ts';
import { formFile, formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		structure: await getStructureForEdit(event.locals.app, event.locals.actor, event.params.id)
	}));

export const actions: Actions = {
	save: (event) =>
		formAction(event, async (form) => {
			await saveStructure(
				event.locals.app,
				event.locals.actor,
				event.params.id,
				formToObject(form),
				requestInfo(event),
				{ logo: formFile(form, 'logo'), removeLogo: form.get('removeLogo') === 'on' }
			);
			return { saved: true };
		}),
	delete: (event) =>
		formActionThenRedirect(event, async () => {
			await deleteStructure(
				event.locals.app,
				event.locals.actor,
				event.params.id,
				requestInfo(event)
			);
			return '/admin/structures';
		})
};
