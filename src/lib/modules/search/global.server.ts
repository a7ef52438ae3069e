/**
 * The platform's search: one query across every module, each source filtering by who is
 * searching, run in parallel, the results grouped by kind.
 */
import type { Ctx } from '../../server/context';
import type { Actor } from '../../server/auth/policy';
import { groupResults, type SearchGroup } from './groups';
import { GROUP_LIMIT, normaliseQuery } from './query';
import { searchCartographie } from './sources/cartographie.server';
import { searchCommunity } from './sources/community.server';
import { searchEvents } from './sources/events.server';
import { searchPages } from './sources/pages.server';
import { searchLibrary } from './sources/resources.server';
import { searchSpaces } from './sources/spaces.server';
import { SEARCH_KINDS, type SearchKind, type SourceResult } from './types';

export interface GlobalSearch {
	q: string;
	groups: SearchGroup[];
	total: number;
	/** Whether the person searching is signed in (members find more). */
	signedIn: boolean;
}

export async function searchEverything(
	ctx: Ctx,
	actor: Actor | null,
	rawQuery: unknown,
	limit = GROUP_LIMIT
): Promise<GlobalSearch> {
	const q = normaliseQuery(rawQuery);
	if (!q) return { q, groups: [], total: 0, signedIn: !!actor };
	const sources: Record<SearchKind, () => Promise<SourceResult>> = {
		pages: () => searchPages(ctx, actor, q, limit),
		spaces: () => searchSpaces(ctx, q, limit),
		resources: () => searchLibrary(ctx, actor, q, limit),
		structures: () => searchCartographie(ctx, q, limit),
		events: () => searchEvents(ctx, actor, q, limit),
		community: () => searchCommunity(ctx, q, limit)
	};
	const found = await Promise.all(SEARCH_KINDS.map((kind) => sources[kind]()));
	const results = Object.fromEntries(SEARCH_KINDS.map((kind, i) => [kind, found[i]!]));
	const groups = groupResults(q, results, SEARCH_KINDS);
	return { q, groups, total: groups.reduce((n, g) => n + g.total, 0), signedIn: !!actor };
}
