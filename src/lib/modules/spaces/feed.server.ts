import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceActivity, spaces, users } from '../../server/db/schema';
import { assertCan, atLeast, canRead, type Actor } from '../../server/auth/policy';

export const FEED_PAGE_SIZE = 30;

/**
 * « Quoi de neuf »: what changed in the spaces the person belongs to (every space for
 * coordination) and in the démarche's own pages, newest first, each entry readable by them.
 */
export async function whatsNew(ctx: Ctx, actor: Actor | null, page = 1) {
	assertCan(actor, 'space.join');
	const all = atLeast(actor, 'coordination');
	const mine = Object.keys(actor.spaceRoles);
	const where: SQL | undefined = all
		? undefined
		: or(
				isNull(spaceActivity.spaceId),
				mine.length ? inArray(spaceActivity.spaceId, mine) : sql`false`
			);
	const rows = await ctx.db
		.select({
			id: spaceActivity.id,
			spaceId: spaceActivity.spaceId,
			kind: spaceActivity.kind,
			title: spaceActivity.title,
			path: spaceActivity.path,
			visibility: spaceActivity.visibility,
			at: spaceActivity.at,
			actorName: users.name,
			spaceTitle: spaces.title,
			spaceShortTitle: spaces.shortTitle,
			spaceNumber: spaces.number,
			spaceSlug: spaces.slug
		})
		.from(spaceActivity)
		.leftJoin(users, eq(users.id, spaceActivity.actorId))
		.leftJoin(spaces, eq(spaces.id, spaceActivity.spaceId))
		.where(and(where))
		.orderBy(desc(spaceActivity.at), desc(spaceActivity.id))
		.limit(FEED_PAGE_SIZE + 1)
		.offset((page - 1) * FEED_PAGE_SIZE);
	// The query already keeps the person's spaces; the visibility check stays the rule's.
	const readable = rows.filter((r) => canRead(actor, r.visibility, r.spaceId));
	return {
		page,
		hasMore: readable.length > FEED_PAGE_SIZE,
		entries: readable.slice(0, FEED_PAGE_SIZE),
		spaceCount: all ? null : mine.length
	};
}
