import { fail } from '@sveltejs/kit';
import { proposalFormData, proposeFiche } from '#lib/modules/cartographie/report.server.ts';
import { keptFormState } from '#lib/modules/cartographie/fiche-input.server.ts';
import { RateLimitError, ValidationError } from '#lib/server/errors.ts';
import { formAction, requestInfo } from '#lib/server/http.ts';
import { formFile, formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	...(await proposalFormData(locals.app)),
	map: {
		tileUrl: locals.app.env.MAP_TILE_URL ?? null,
		tileAttribution: locals.app.env.MAP_TILE_ATTRIBUTION ?? null
	}
});

export const actions: Actions = {
	default: (event) =>
		formAction(event, async (form) => {
			try {
				const fiche = await proposeFiche(
					event.locals.app,
					event.locals.actor,
					formToObject(form),
					requestInfo(event),
					{ logo: formFile(form, 'logo') }
				);
				// A second submission of the same form creates nothing: the first one sent the link.
				const typed = String(form.get('contactEmail') ?? '').trim();
				return { sent: true as const, linkSentTo: fiche ? fiche.linkSentTo : typed || null };
			} catch (err) {
				if (!(err instanceof ValidationError || err instanceof RateLimitError)) throw err;
				return fail(err instanceof RateLimitError ? 429 : 400, {
					errors: err instanceof ValidationError ? err.fields : ({} as Record<string, string>),
					kept: await keptFormState(event.locals.app, form),
					message: err.message
				});
			}
		})
};
