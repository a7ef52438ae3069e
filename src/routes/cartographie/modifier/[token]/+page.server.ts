import { fail } from '@sveltejs/kit';
import { editFiche, editFormData } from '#lib/modules/cartographie/owner.server.ts';
import { keptFormState } from '#lib/modules/cartographie/fiche-input.server.ts';
import { RateLimitError, ValidationError } from '#lib/server/errors.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import { formFile, formToObject } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		// The secret is in the address: never kept by a cache.
		event.setHeaders({ 'cache-control': 'private, no-store' });
		return {
			...(await editFormData(event.locals.app, event.params.token)),
			map: {
				tileUrl: event.locals.app.env.MAP_TILE_URL ?? null,
				tileAttribution: event.locals.app.env.MAP_TILE_ATTRIBUTION ?? null
			}
		};
	});

export const actions: Actions = {
	default: (event) =>
		formAction(event, async (form) => {
			try {
				const { outcome } = await editFiche(
					event.locals.app,
					event.params.token,
					formToObject(form),
					requestInfo(event),
					{ logo: formFile(form, 'logo') }
				);
				return { saved: outcome };
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
