import {
	changeFicheStatus,
	getFicheAdmin,
	revokeLinks,
	sendNewLink,
	setTrusted
} from '#lib/modules/cartographie/fiches-admin.server.ts';
import { listRevisions, restoreRevision } from '#lib/modules/cartographie/revisions.server.ts';
import { seenDate } from '#lib/modules/cartographie/changes.server.ts';
import { nextStatuses } from '#lib/modules/cartographie/rules.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const { app, actor } = event.locals;
		const view = await getFicheAdmin(app, actor, event.params.id);
		return {
			...view,
			nextStatuses: nextStatuses(view.fiche.status),
			revisions: await listRevisions(app, actor, event.params.id)
		};
	});

const noteOf = (form: FormData) =>
	String(form.get('note') ?? '')
		.trim()
		.slice(0, 2000) || null;

export const actions: Actions = {
	status: (event) =>
		formAction(event, async (form) => {
			const fiche = await changeFicheStatus(
				event.locals.app,
				event.locals.actor,
				event.params.id,
				String(form.get('status') ?? ''),
				noteOf(form),
				seenDate(form.get('updatedAt')),
				requestInfo(event)
			);
			return { statusChanged: fiche.status };
		}),
	trusted: (event) =>
		formAction(event, async (form) => {
			const trusted = form.get('trusted') === 'on';
			await setTrusted(
				event.locals.app,
				event.locals.actor,
				event.params.id,
				trusted,
				requestInfo(event)
			);
			return { trustedSaved: trusted };
		}),
	revoke: (event) =>
		formAction(event, async () => ({
			revoked: await revokeLinks(
				event.locals.app,
				event.locals.actor,
				event.params.id,
				requestInfo(event)
			)
		})),
	sendLink: (event) =>
		formAction(event, async () => ({
			linkSentTo: await sendNewLink(
				event.locals.app,
				event.locals.actor,
				event.params.id,
				requestInfo(event)
			)
		})),
	restore: (event) =>
		formAction(event, async (form) => {
			await restoreRevision(
				event.locals.app,
				event.locals.actor,
				event.params.id,
				String(form.get('revision') ?? ''),
				seenDate(form.get('updatedAt')),
				requestInfo(event)
			);
			return { restored: true as const };
		})
};
