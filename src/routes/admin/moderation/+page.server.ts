import { listPending, moderate } from '#lib/modules/cartographie/moderation.server.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({
		fiches: await listPending(event.locals.app, event.locals.actor)
	}));

const decide =
	(decision: 'publish' | 'reject'): Actions[string] =>
	(event) =>
		formAction(event, async (form) => {
			const message =
				String(form.get('message') ?? '')
					.trim()
					.slice(0, 2000) || null;
			const fiche = await moderate(
				event.locals.app,
				event.locals.actor,
				String(form.get('id') ?? ''),
				decision,
				message,
				requestInfo(event)
			);
			return { done: decision, name: fiche.name, slug: fiche.slug };
		});

export const actions: Actions = { publish: decide('publish'), reject: decide('reject') };
