/** Runs the resource form's action: back to the form on a mistake, to the resource on success. */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { guarded } from '../../server/http';
import type { FormOutcome } from './input.server';

export async function resourceFormAction(event: RequestEvent, fn: () => Promise<FormOutcome>) {
	const outcome = await guarded(event, fn);
	if (!outcome.ok) {
		const { errors, message, values, lists } = outcome;
		return fail(400, { errors, message, values, lists });
	}
	redirect(303, `/ressources/${outcome.slug}`);
}
