import { listLoad } from '#lib/modules/pages/routes.server.ts';
export const load = listLoad;
