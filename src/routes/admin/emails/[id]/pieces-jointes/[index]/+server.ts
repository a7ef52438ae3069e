import { getEmailAttachment } from '#lib/server/email/outbox.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Downloads one file attached to an email of the outbox (admins only, like the email). */
export const GET: RequestHandler = (event) =>
	guarded(event, async () => {
		const index = /^\d{1,3}$/.test(event.params.index) ? Number(event.params.index) : -1;
		const file = await getEmailAttachment(
			event.locals.app,
			event.locals.actor,
			event.params.id,
			index
		);
		// The name comes from the platform, but is kept to safe characters in the header anyway.
		const ascii = file.filename.replace(/[^\w.-]+/g, '_');
		return new Response(file.content, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
				'x-content-type-options': 'nosniff',
				'cache-control': 'private, no-store'
			}
		});
	});
