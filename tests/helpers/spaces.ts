import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../src/lib/server/context';
import { spaceMembers, spaces } from '../../src/lib/server/db/schema';
import type { Actor, SpaceRole } from '../../src/lib/server/auth/policy';

/** A space of its own for a test. */
export async function makeSpace(ctx: Ctx, title = 'Chantier de test') {
	const [s] = await ctx.db
		.insert(spaces)
		.values({ slug: `chantier-${randomBytes(3).toString('hex')}`, kind: 'chantier', title })
		.returning();
	return s!;
}

/** Makes the actor a member of the space, in the database and in the actor's roles. */
export async function addToSpace(
	ctx: Ctx,
	actor: Actor,
	spaceId: string,
	role: SpaceRole = 'membre'
) {
	await ctx.db.insert(spaceMembers).values({ spaceId, userId: actor.userId, role });
	actor.spaceRoles[spaceId] = [...(actor.spaceRoles[spaceId] ?? []), role];
	return actor;
}
