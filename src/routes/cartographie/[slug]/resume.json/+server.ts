import { error, json } from '@sveltejs/kit';
import { ficheSummary } from '#lib/modules/cartographie/map/map.server.ts';
import type { RequestHandler } from './$types';

/** The summary a point of the map opens (published fiches only). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const summary = await ficheSummary(locals.app, params.slug);
	if (!summary) error(404, 'Fiche introuvable.');
	return json(summary, { headers: { 'cache-control': 'public, max-age=60' } });
};
