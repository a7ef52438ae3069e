import { listSpaces } from '#lib/modules/spaces/service.server.ts';
import { can } from '#lib/server/auth/policy.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	spaces: await listSpaces(locals.app),
	canCreate: can(locals.actor, 'space.create')
});
