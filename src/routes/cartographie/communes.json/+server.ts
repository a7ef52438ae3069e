import { json } from '@sveltejs/kit';
import { suggestPlaces } from '#lib/modules/cartographie/commune-input.server.ts';
import { guarded } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Suggestions of the fiche form's commune field (`?q=`), with the EPCI too when `epci=1`. */
export const GET: RequestHandler = (event) =>
	guarded(event, async () => {
		const q = event.url.searchParams.get('q') ?? '';
		const results = await suggestPlaces(
			event.locals.app,
			q,
			event.url.searchParams.get('epci') === '1'
		);
		return json({ results }, { headers: { 'Cache-Control': 'public, max-age=3600' } });
	});
