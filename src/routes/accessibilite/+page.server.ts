import { contentPageLoad } from '#lib/modules/pages/service.server';

export const load = contentPageLoad('accessibilite');
