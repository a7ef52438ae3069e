// The moderator role of the cartography (users.carto_moderator): given to any account by
// coordination and admins, it opens the moderation pages and nothing else.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { users } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { assertUuid, NotFoundError } from '../../server/errors';

/** The ids of the accounts that hold the moderator role. */
export async function moderatorIds(ctx: Ctx, actor: Actor | null): Promise<string[]> {
	assertCan(actor, 'users.list');
	const rows = await ctx.db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.cartoModerator, true));
	return rows.map((r) => r.id);
}

/** Grants or withdraws the moderator role of the cartography (coordination and admins). */
export async function setCartoModerator(
	ctx: Ctx,
	actor: Actor | null,
	userId: string,
	moderator: boolean,
	info: RequestInfo = {}
) {
	assertCan(actor, 'cartographie.manage');
	assertUuid(userId, 'Compte introuvable.');
	const [before] = await ctx.db
		.select({ moderator: users.cartoModerator })
		.from(users)
		.where(eq(users.id, userId));
	if (!before) throw new NotFoundError('Compte introuvable.');
	if (before.moderator === moderator) return;
	await ctx.db.update(users).set({ cartoModerator: moderator }).where(eq(users.id, userId));
	await audit(
		ctx,
		actor,
		{
			action: moderator ? 'cartographie.moderator.grant' : 'cartographie.moderator.withdraw',
			targetType: 'user',
			targetId: userId
		},
		info.ip
	);
}

/** Every active moderator's address: coordination, admins, and people given the role. */
export async function moderatorEmails(ctx: Ctx): Promise<string[]> {
	const rows = await ctx.db
		.select({ email: users.email })
		.from(users)
		.where(
			and(
				eq(users.status, 'active'),
				or(inArray(users.role, ['admin', 'coordination']), eq(users.cartoModerator, true))
			)
		);
	return rows.map((r) => r.email).filter((e): e is string => !!e);
}
