import type { Ctx } from '../../server/context';
import { spaceActivity } from '../../server/db/schema';
import type { ContentVisibility } from '../../server/db/visibility';

export interface ActivityEntry {
	/** Null for the démarche's own pages (no space). */
	spaceId: string | null;
	actorId: string | null;
	/** What happened, e.g. 'page.saved', 'member.joined', 'action.done', 'production.added'. */
	kind: string;
	/** French sentence shown in the feed, e.g. « Page « Méthode » modifiée ». */
	title: string;
	/** Link to what changed. */
	path: string;
	/** Who may see the entry: the visibility of the thing that changed. */
	visibility: ContentVisibility;
}

/** Records a change for « Quoi de neuf »; call it inside the transaction of the change. */
export async function recordActivity(db: Ctx['db'], entry: ActivityEntry): Promise<void> {
	await db.insert(spaceActivity).values(entry);
}
