import { listAudit } from '#lib/server/audit/audit.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({ entries: await listAudit(event.locals.app, event.locals.actor) }));
