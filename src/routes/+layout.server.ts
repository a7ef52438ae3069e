import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user
		? {
				name: locals.user.name,
				role: locals.user.role,
				cartoModerator: locals.actor?.cartoModerator === true
			}
		: null
});
