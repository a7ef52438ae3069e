import { assertCan, can } from '#lib/server/auth/policy.ts';
import { guarded } from '#lib/server/http.ts';
import type { LayoutServerLoad } from './$types';

/**
 * Pages that people given the moderator role of the cartography may open without the
 * administration right: the queue and the fiches (not the import, which stays with admins).
 * Each of these pages still checks its own right.
 */
function isModerationRoute(id: string | null): boolean {
	if (!id) return false;
	if (id === '/admin/moderation' || id.startsWith('/admin/moderation/')) return true;
	if (id.startsWith('/admin/cartographie/import')) return false;
	return id === '/admin/cartographie' || id.startsWith('/admin/cartographie/');
}

export const load: LayoutServerLoad = (event) =>
	guarded(event, async () => {
		const actor = event.locals.actor;
		if (isModerationRoute(event.route.id)) assertCan(actor, 'cartographie.moderate');
		else assertCan(actor, 'admin.access');
		return {
			isAdmin: actor.role === 'admin',
			canAdmin: can(actor, 'admin.access'),
			canManageCarto: can(actor, 'cartographie.manage')
		};
	});
