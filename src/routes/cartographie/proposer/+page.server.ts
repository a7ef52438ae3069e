import { fail } from '@sveltejs/kit';
import { proposalFormData, proposeFiche } from '#lib/modules/cartographie/report.server.ts';
import { RateLimitError, ValidationError } from '#lib/server/errors.ts';
import { formAction, requestInfo } from '#lib/server/http.ts';
import { formToObject, keepValues } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** The fields with several values (checkboxes, multiple selects), kept as lists after an error. */
const listFields = [
	'cooperationKinds',
	'dimensions',
	'modalities',
	'stages',
	'departements',
	'regions'
] as const;

export const load: PageServerLoad = async ({ locals }) => proposalFormData(locals.app);

export const actions: Actions = {
	default: (event) =>
		formAction(event, async (form) => {
			try {
				await proposeFiche(
					event.locals.app,
					event.locals.actor,
					formToObject(form),
					requestInfo(event)
				);
				return { sent: true as const };
			} catch (err) {
				if (!(err instanceof ValidationError || err instanceof RateLimitError)) throw err;
				const lists = Object.fromEntries(
					listFields.map((name) => [name, form.getAll(name).filter((v) => typeof v === 'string')])
				) as Record<(typeof listFields)[number], string[]>;
				return fail(err instanceof RateLimitError ? 429 : 400, {
					errors: err instanceof ValidationError ? err.fields : ({} as Record<string, string>),
					values: keepValues(form),
					lists,
					message: err.message
				});
			}
		})
};
