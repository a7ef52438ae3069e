import { guarded } from '#lib/server/http.ts';
import { parseFiguresFilters } from '#lib/modules/agenda/figures.ts';
import { figuresPage } from '#lib/modules/agenda/figures.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, () => figuresPage(event.locals.app, parseFiguresFilters(event.url.searchParams)));
