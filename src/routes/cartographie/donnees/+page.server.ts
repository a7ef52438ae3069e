import { openDataReference } from '#lib/modules/cartographie/opendata/responses.server.ts';
import { openDataSummary } from '#lib/modules/cartographie/opendata/summary.server.ts';
import type { PageServerLoad } from './$types';

/** The open data page: licence, export URLs, and every field with the reference lists' values. */
export const load: PageServerLoad = async ({ locals }) => {
	const [reference, summary] = await Promise.all([
		openDataReference(locals.app),
		openDataSummary(locals.app)
	]);
	return {
		baseUrl: locals.app.env.baseUrl,
		lists: reference.lists,
		example: {
			region: reference.regions.find((r) => r.code === '84') ?? reference.regions[0] ?? null,
			dimension: reference.lists.dimension[0] ?? null
		},
		summary
	};
};
