import { listPeople } from '#lib/modules/community/service.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q') ?? '';
	return { q, people: await listPeople(locals.app, locals.actor, q) };
};
