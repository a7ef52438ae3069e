import { structuresCsv } from '#lib/modules/cartographie/opendata/responses.server.ts';
import type { RequestHandler } from './$types';

/** Every published fiche of the cartography as CSV (open data, streamed). */
export const GET: RequestHandler = ({ locals, url }) => structuresCsv(locals.app, url);
