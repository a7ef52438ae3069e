import { structuresPage } from '#lib/modules/cartographie/opendata/responses.server.ts';
import type { RequestHandler } from './$types';

/** The published fiches of the cartography, in JSON, page by page (open data). */
export const GET: RequestHandler = ({ locals, url }) => structuresPage(locals.app, url);
