import { listFichesAdmin } from '#lib/modules/cartographie/fiches-admin.server.ts';
import { can } from '#lib/server/auth/policy.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const p = event.url.searchParams;
		const filters = {
			status: p.get('statut') || null,
			q: p.get('q') || null,
			toVerify: p.get('verifier') === '1',
			page: Number(p.get('page') ?? 1)
		};
		return {
			...(await listFichesAdmin(event.locals.app, event.locals.actor, filters)),
			filters,
			canManage: can(event.locals.actor, 'cartographie.manage')
		};
	});
