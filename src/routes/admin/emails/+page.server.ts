import { listEmails } from '#lib/server/email/outbox.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => ({ emails: await listEmails(event.locals.app, event.locals.actor) }));
