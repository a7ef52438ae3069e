import { searchStructures } from '#lib/modules/community/service.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) =>
	searchStructures(locals.app, Object.fromEntries(url.searchParams));
