import { openApiResponse } from '#lib/modules/cartographie/opendata/responses.server.ts';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 document of the open data API. */
export const GET: RequestHandler = ({ locals }) => openApiResponse(locals.app);
