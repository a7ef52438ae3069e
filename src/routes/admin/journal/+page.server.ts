import { listAudit } from '#lib/server/audit/audit';
import { guarded } from '#lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({ entries: await listAudit(event.locals.app, event.locals.actor) }));
