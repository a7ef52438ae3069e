/**
 * A space's working details (feuille de route, productions, relevé de décisions) follow the
 * space's `details_visibility`; writing needs `space.contribute` or `space.manage`.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceMembers, spaces, users } from '../../server/db/schema';
import { can, canRead, isMember, type Actor } from '../../server/auth/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../server/errors';

export type SpaceRow = typeof spaces.$inferSelect;

/** The space of a URL slug, once the actor may read its details. */
export async function readableSpace(ctx: Ctx, actor: Actor | null, slug: string) {
	const [space] = await ctx.db.select().from(spaces).where(eq(spaces.slug, slug));
	if (!space) throw new NotFoundError('Espace introuvable.');
	if (!canRead(actor, space.detailsVisibility, space.id)) {
		if (!isMember(actor)) throw new UnauthenticatedError();
		throw new ForbiddenError('Les travaux de cet espace sont réservés à ses membres.');
	}
	return space;
}

/** The space's rights for the actor, for showing or hiding forms (the services check again). */
export function spaceRights(actor: Actor | null, spaceId: string) {
	return {
		canContribute: can(actor, 'space.contribute', { spaceId }),
		canManage: can(actor, 'space.manage', { spaceId })
	};
}

/** The space's current members (one row a person), who may own an action. */
export async function currentMembers(ctx: Ctx, spaceId: string) {
	const rows = await ctx.db
		.selectDistinct({ id: users.id, name: users.name })
		.from(spaceMembers)
		.innerJoin(users, eq(users.id, spaceMembers.userId))
		.where(
			and(
				eq(spaceMembers.spaceId, spaceId),
				// As for the session's roles: a set end date means the person has left.
				isNull(spaceMembers.until)
			)
		)
		.orderBy(asc(users.name));
	return rows;
}

/** A space's path prefix. */
export const spaceBase = (slug: string) => `/chantiers/${slug}`;

/** The visibility of entries in « Quoi de neuf » about the space's details. */
export const detailsVisibility = (space: SpaceRow) => space.detailsVisibility;
