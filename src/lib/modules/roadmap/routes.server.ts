/** Shared bits of the feuille de route's routes: where to go back after a post, conflicts. */
import { fail, isActionFailure, redirect, type RequestEvent } from '@sveltejs/kit';
import { formToObject, keepValues } from '../../server/forms';
import { formAction } from '../../server/http';
import { roadmapPath, type UpdateResult } from './service.server';
import { parseFilters } from './rules';

/** The roadmap's address with the filters the form came from, and the action's anchor. */
export function backToRoadmap(slug: string, form: FormData, anchor?: string): never {
	const f = parseFilters(new URLSearchParams(String(form.get('filtres') ?? '')));
	const q = new URLSearchParams();
	if (f.status) q.set('statut', f.status);
	if (f.owner) q.set('responsable', f.owner);
	const search = q.size ? `?${q}` : '';
	redirect(303, `${roadmapPath(slug)}${search}${anchor ? `#${anchor}` : ''}`);
}

/** A stale update: nothing stored, the typed values kept, the current ones shown. */
export function conflictFailure(form: FormData, id: string, result: UpdateResult & { ok: false }) {
	return fail(409, {
		errors: {} as Record<string, string>,
		values: { ...keepValues(form), ...formToObject(form) },
		conflict: { id, ...result.current },
		message:
			'Cette action a été modifiée entre-temps. Votre changement n’a pas été enregistré : voici les valeurs actuelles.'
	});
}

/**
 * Runs a form action whose form has repeated fields (owners, productions): on bad input, every
 * checked box is sent back, not only the last one.
 */
export async function formActionKeepingLists<T>(
	event: RequestEvent,
	fn: (form: FormData) => Promise<T>
) {
	let seen: FormData | null = null;
	const result = await formAction(event, async (form) => {
		seen = form;
		return fn(form);
	});
	if (isActionFailure(result) && seen) {
		const data = result.data as unknown as { values?: Record<string, unknown> };
		data.values = { ...data.values, ...formToObject(seen) };
	}
	return result;
}
