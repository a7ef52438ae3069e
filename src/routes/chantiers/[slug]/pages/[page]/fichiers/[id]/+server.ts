import { fileGet } from '#lib/modules/pages/routes.server.ts';

export const GET = fileGet;
