import { exportMyData } from '#lib/modules/accounts/profile.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	guarded(event, async () => {
		const data = await exportMyData(event.locals.app, event.locals.actor);
		return new Response(JSON.stringify(data, null, 2), {
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Disposition': 'attachment; filename="mes-donnees-chantiers.json"',
				'Cache-Control': 'private, no-store'
			}
		});
	});
