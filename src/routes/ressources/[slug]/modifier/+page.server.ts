import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import { editResourceForm } from '#lib/modules/ressources/page.server.ts';
import {
	deleteResource,
	removeFile,
	setFeatured,
	updateResource
} from '#lib/modules/ressources/service.server.ts';
import { resourceFormAction } from '#lib/modules/ressources/form-action.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => editResourceForm(event.locals.app, event.locals.actor, event.params.slug));

export const actions: Actions = {
	save: (event) =>
		resourceFormAction(event, () =>
			updateResource(event.locals.app, event.locals.actor, event.params.slug, event.request)
		),
	removeFile: (event) =>
		formActionThenRedirect(event, async () => {
			await removeFile(event.locals.app, event.locals.actor, event.params.slug);
			return `/ressources/${event.params.slug}/modifier?fichier=retire`;
		}),
	feature: (event) =>
		formActionThenRedirect(event, async (form) => {
			const on = form.get('featured') === 'on';
			await setFeatured(event.locals.app, event.locals.actor, event.params.slug, on);
			return `/ressources/${event.params.slug}`;
		}),
	delete: (event) =>
		formActionThenRedirect(event, async (form) => {
			const sure = form.get('confirm') === 'on';
			await deleteResource(event.locals.app, event.locals.actor, event.params.slug, sure);
			return '/ressources?supprimee=1';
		})
};
