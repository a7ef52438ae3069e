import { reportCsv } from '#lib/modules/cartographie/import/import.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** The invalid rows of an import and their reasons, as a CSV file to download. */
export const GET: RequestHandler = (event) =>
	guarded(event, async () => {
		const report = await reportCsv(event.locals.app, event.locals.actor, event.params.id);
		return new Response(report.body, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${report.filename}"`,
				'cache-control': 'no-store'
			}
		});
	});
