import { newActions, newLoad } from '#lib/modules/pages/routes.server.ts';
export const load = newLoad;
export const actions = { preview: newActions.preview, create: newActions.create };
