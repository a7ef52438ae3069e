import { getImport } from '#lib/modules/cartographie/import/import.server.ts';
import { startCheck, startImport } from '#lib/modules/cartographie/import/run.server.ts';
import { delimiterLabels, encodingLabels } from '#lib/modules/cartographie/import/file-format.ts';
import { importFields } from '#lib/modules/cartographie/import/mapping.ts';
import { formToObject } from '#lib/server/forms.ts';
import { formActionThenRedirect, guarded, requestInfo } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const imp = await getImport(
			event.locals.app,
			event.locals.actor,
			event.params.id,
			Number(event.url.searchParams.get('page') ?? 1)
		);
		return {
			imp,
			encoding: encodingLabels[imp.report.encoding],
			delimiter: delimiterLabels[imp.report.delimiter],
			fields: importFields.map((f) => ({
				key: f.key,
				label: f.label,
				required: 'required' in f && f.required
			}))
		};
	});

export const actions: Actions = {
	verifier: (event) =>
		formActionThenRedirect(event, async (form) => {
			await startCheck(event.locals.app, event.locals.actor, event.params.id, formToObject(form));
			return `/admin/cartographie/import/${event.params.id}`;
		}),
	importer: (event) =>
		formActionThenRedirect(event, async () => {
			await startImport(event.locals.app, event.locals.actor, event.params.id, requestInfo(event));
			return `/admin/cartographie/import/${event.params.id}`;
		})
};
