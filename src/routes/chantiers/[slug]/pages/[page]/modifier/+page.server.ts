import { editActions, editLoad } from '#lib/modules/pages/routes.server.ts';
export const load = editLoad;
export const actions = {
	preview: editActions.preview,
	save: editActions.save,
	upload: editActions.upload
};
