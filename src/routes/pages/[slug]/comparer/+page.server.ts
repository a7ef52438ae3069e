import { compareLoad } from '#lib/modules/pages/routes.server.ts';
export const load = compareLoad;
