import {
	bulkApprove,
	moderate,
	moderationQueue,
	type BulkItem
} from '#lib/modules/cartographie/moderation.server.ts';
import { decideChange, seenDate } from '#lib/modules/cartographie/changes.server.ts';
import { formAction, guarded, requestInfo } from '#lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => moderationQueue(event.locals.app, event.locals.actor));

const messageOf = (form: FormData) =>
	String(form.get('message') ?? '')
		.trim()
		.slice(0, 2000) || null;

const decide =
	(decision: 'publish' | 'reject'): Actions[string] =>
	(event) =>
		formAction(event, async (form) => {
			const fiche = await moderate(
				event.locals.app,
				event.locals.actor,
				String(form.get('id') ?? ''),
				decision,
				messageOf(form),
				requestInfo(event),
				seenDate(form.get('updatedAt'))
			);
			return { done: decision, name: fiche.name, slug: fiche.slug };
		});

const decideOnChange =
	(decision: 'approve' | 'reject'): Actions[string] =>
	(event) =>
		formAction(event, async (form) => {
			const fiche = await decideChange(
				event.locals.app,
				event.locals.actor,
				String(form.get('id') ?? ''),
				decision,
				messageOf(form),
				{
					changeCreatedAt: seenDate(form.get('createdAt')),
					ficheUpdatedAt: seenDate(form.get('ficheUpdatedAt'))
				},
				requestInfo(event)
			);
			return { done: decision, name: fiche.name, slug: fiche.slug };
		});

/** Checkbox values: "id|updatedAt" for fiches, "id|createdAt|ficheUpdatedAt" for changes. */
function bulkItems(form: FormData): BulkItem[] {
	const items: BulkItem[] = [];
	for (const v of form.getAll('fiche')) {
		const [id, updatedAt] = String(v).split('|');
		items.push({ type: 'fiche', id: id ?? '', seenUpdatedAt: seenDate(updatedAt) });
	}
	for (const v of form.getAll('change')) {
		const [id, createdAt, ficheUpdatedAt] = String(v).split('|');
		items.push({
			type: 'change',
			id: id ?? '',
			seen: { changeCreatedAt: seenDate(createdAt), ficheUpdatedAt: seenDate(ficheUpdatedAt) }
		});
	}
	return items;
}

export const actions: Actions = {
	publish: decide('publish'),
	reject: decide('reject'),
	approveChange: decideOnChange('approve'),
	rejectChange: decideOnChange('reject'),
	bulk: (event) =>
		formAction(event, async (form) => {
			const result = await bulkApprove(
				event.locals.app,
				event.locals.actor,
				bulkItems(form),
				requestInfo(event)
			);
			return { bulk: result };
		})
};
