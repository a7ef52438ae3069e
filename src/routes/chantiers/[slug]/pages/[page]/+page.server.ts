import { viewLoad } from '#lib/modules/pages/routes.server.ts';
export const load = viewLoad;
