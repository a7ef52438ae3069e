import { structuresGeojson } from '#lib/modules/cartographie/opendata/responses.server.ts';
import type { RequestHandler } from './$types';

/** Every published fiche of the cartography as GeoJSON (open data, streamed). */
export const GET: RequestHandler = ({ locals, url }) => structuresGeojson(locals.app, url);
