import { asc, eq, ne } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { structures, users } from '../../server/db/schema';
import { assertCan, grantableRoles, type Actor, type GlobalRole } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';

export async function listUsers(ctx: Ctx, actor: Actor | null) {
	assertCan(actor, 'users.list');
	return ctx.db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			role: users.role,
			status: users.status,
			structure: structures.name,
			createdAt: users.createdAt
		})
		.from(users)
		.leftJoin(structures, eq(structures.id, users.structureId))
		.where(ne(users.status, 'deleted'))
		.orderBy(asc(users.name));
}

export async function setRole(
	ctx: Ctx,
	actor: Actor | null,
	userId: string,
	role: string,
	info: RequestInfo = {}
) {
	assertCan(actor, 'users.setRole');
	assertUuid(userId, 'Compte introuvable.');
	if (!grantableRoles(actor).includes(role as GlobalRole)) {
		throw new ValidationError({ role: 'Rôle inconnu.' });
	}
	if (userId === actor.userId) {
		throw new ValidationError({ role: 'Vous ne pouvez pas changer votre propre rôle.' });
	}
	const [before] = await ctx.db
		.select({ role: users.role })
		.from(users)
		.where(eq(users.id, userId));
	if (!before) throw new NotFoundError('Compte introuvable.');
	await ctx.db
		.update(users)
		.set({ role: role as GlobalRole })
		.where(eq(users.id, userId));
	await audit(
		ctx,
		actor,
		{
			action: 'user.role',
			targetType: 'user',
			targetId: userId,
			details: { from: before.role, to: role }
		},
		info.ip
	);
}
