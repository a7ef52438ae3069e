import { redirect } from '@sveltejs/kit';
import { saveStructure } from '#lib/modules/community/service.server.ts';
import { formAction, requestInfo } from '#lib/server/http.ts';
import { formFile, formToObject } from '#lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	save: async (event) => {
		let slug = '';
		const result = await formAction(event, async (form) => {
			slug = (
				await saveStructure(
					event.locals.app,
					event.locals.actor,
					null,
					formToObject(form),
					requestInfo(event),
					{ logo: formFile(form, 'logo') }
				)
			).slug;
		});
		if (result) return result;
		redirect(303, `/communaute/${slug}`);
	}
};
