import { contentPageLoad } from '#lib/modules/pages/service.server.ts';

export const load = contentPageLoad('donnees-personnelles');
