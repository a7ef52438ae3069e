import { searchEverything } from '#lib/modules/search/global.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) =>
	searchEverything(locals.app, locals.actor, url.searchParams.get('q'));
