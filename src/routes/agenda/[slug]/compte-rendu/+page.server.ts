import { formAction, guarded } from '#lib/server/http.ts';
import { formFile, formToObject } from '#lib/server/forms.ts';
import * as minutes from '#lib/modules/agenda/minutes.server.ts';
import { addAttachment, removeAttachment } from '#lib/modules/agenda/attachments.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => minutes.getMinutes(event.locals.app, event.locals.actor, event.params.slug));

const str = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	save: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			await minutes.saveMinutes(app, actor, event.params.slug, formToObject(form));
			return { done: 'Compte-rendu enregistré.' };
		}),
	preview: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			const html = await minutes.previewMinutes(app, actor, event.params.slug, formToObject(form));
			return { preview: html, values: { minutes: str(form, 'minutes') } };
		}),
	item: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			await minutes.addMinutesItem(app, actor, event.params.slug, formToObject(form));
			return { done: 'Élément ajouté au compte-rendu.' };
		}),
	removeItem: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			await minutes.removeMinutesItem(app, actor, event.params.slug, str(form, 'id'));
			return { done: 'Élément retiré.' };
		}),
	send: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			const id = str(form, 'id');
			await minutes.sendActionToRoadmap(
				app,
				actor,
				event.params.slug,
				id,
				str(form, 'objectiveId')
			);
			return { done: 'Action envoyée à la feuille de route.', itemId: id };
		}),
	decision: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			const id = str(form, 'id');
			await minutes.recordDecision(app, actor, event.params.slug, id, str(form, 'spaceId'));
			return { done: 'Décision inscrite au relevé de décisions.', itemId: id };
		}),
	attach: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			const input = { title: str(form, 'title'), file: formFile(form, 'file') };
			await addAttachment(app, actor, event.params.slug, input);
			return { done: 'Document ajouté.' };
		}),
	removeAttachment: (event) =>
		formAction(event, async (form) => {
			const { app, actor } = event.locals;
			await removeAttachment(app, actor, event.params.slug, str(form, 'id'));
			return { done: 'Document retiré.' };
		})
};
