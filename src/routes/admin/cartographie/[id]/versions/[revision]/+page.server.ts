import { getFicheAdmin } from '#lib/modules/cartographie/fiches-admin.server.ts';
import { getRevision } from '#lib/modules/cartographie/revisions.server.ts';
import { diffNames } from '#lib/modules/cartographie/changes.server.ts';
import { diffContent } from '#lib/modules/cartographie/diff.ts';
import { guarded } from '#lib/server/http.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	guarded(event, async () => {
		const { app, actor } = event.locals;
		const { fiche } = await getFicheAdmin(app, actor, event.params.id);
		const revision = await getRevision(app, actor, event.params.id, event.params.revision);
		const { content, ...rest } = revision;
		return {
			fiche: { id: fiche.id, name: fiche.name, updatedAt: fiche.updatedAt },
			revision: rest,
			// The revision's own content: every field it fills in.
			fields: diffContent(null, content, await diffNames(app, content))
		};
	});
