import { fail } from '@sveltejs/kit';
import {
	assertCanImport,
	listImports,
	MAX_IMPORT_BYTES,
	TOO_LARGE_MESSAGE,
	uploadImport
} from '#lib/modules/cartographie/import/import.server.ts';
import { formFile } from '#lib/server/forms.ts';
import { formActionThenRedirect, guarded } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		imports: await listImports(event.locals.app, event.locals.actor)
	}));

const tooLarge = (message = TOO_LARGE_MESSAGE) =>
	fail(413, {
		errors: { file: message } as Record<string, string>,
		values: {} as Record<string, string>,
		message
	});

const SERVER_LIMIT_MESSAGE =
	'Ce fichier est trop volumineux pour être reçu par le serveur : découpez-le en fichiers plus petits.';

export const actions: Actions = {
	upload: async (event) => {
		await guarded(event, async () => assertCanImport(event.locals.actor));
		// Refused before reading: a body over the limit (the file and the form's few bytes) never
		// reaches memory. A body over the server's own limit fails while being read: same answer.
		const length = Number(event.request.headers.get('content-length') ?? 0);
		if (length > MAX_IMPORT_BYTES + 64 * 1024) return tooLarge();
		try {
			return await formActionThenRedirect(event, async (form) => {
				const { id } = await uploadImport(
					event.locals.app,
					event.locals.actor,
					formFile(form, 'file')
				);
				return `/admin/cartographie/import/${id}`;
			});
		} catch (err) {
			const e = err as { status?: number; cause?: { status?: number } };
			if (e.status === 413 || e.cause?.status === 413) return tooLarge(SERVER_LIMIT_MESSAGE);
			throw err;
		}
	}
};
