import {
	loadReferenceLists,
	referenceListLabels,
	saveReferenceList
} from '#lib/modules/cartographie/reference.server.ts';
import { referenceListNames } from '#lib/modules/cartographie/reference-data.ts';
import { assertCan } from '#lib/server/auth/policy.ts';
import { formToObject } from '#lib/server/forms.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		assertCan(event.locals.actor, 'cartographie.manage');
		const lists = await loadReferenceLists(event.locals.app);
		return {
			lists: referenceListNames.map((name) => ({
				name,
				label: referenceListLabels[name],
				items: lists[name]
			}))
		};
	});

export const actions: Actions = {
	default: (event) =>
		formAction(event, async (form) => {
			const list = String(form.get('list') ?? '');
			await saveReferenceList(
				event.locals.app,
				event.locals.actor,
				list,
				formToObject(form),
				requestInfo(event)
			);
			return { saved: list };
		})
};
