import { redirect } from '@sveltejs/kit';
import { isCharterPending } from '#lib/modules/charter/service.server.ts';
import { CHARTER_PATH, exemptFromCharterGate } from '#lib/modules/charter/rules.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Members of a space accept a new charter version at their next visit, before going on.
	if (
		locals.actor &&
		!exemptFromCharterGate(url.pathname) &&
		(await isCharterPending(locals.app, locals.actor))
	) {
		redirect(303, `${CHARTER_PATH}?suite=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return {
		user: locals.user
			? {
					name: locals.user.name,
					role: locals.user.role,
					cartoModerator: locals.actor?.cartoModerator === true
				}
			: null
	};
};
