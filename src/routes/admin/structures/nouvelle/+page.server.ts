import { saveStructure } from '#lib/modules/community/manage.server.ts';
import { formActionThenRedirect, requestInfo } from '#lib/server/http.ts';
import { formFile, formToObject } from '#lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	save: (event) =>
		formActionThenRedirect(event, async (form) => {
			const saved = await saveStructure(
				event.locals.app,
				event.locals.actor,
				null,
				formToObject(form),
				requestInfo(event),
				{ logo: formFile(form, 'logo') }
			);
			return `/communaute/${saved.slug}`;
		})
};
