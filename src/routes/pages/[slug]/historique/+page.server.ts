import { historyLoad } from '#lib/modules/pages/routes.server.ts';
export const load = historyLoad;
