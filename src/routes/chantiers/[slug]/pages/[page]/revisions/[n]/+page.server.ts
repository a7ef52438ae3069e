import { revisionActions, revisionLoad } from '#lib/modules/pages/routes.server.ts';
export const load = revisionLoad;
export const actions = { restore: revisionActions.restore };
