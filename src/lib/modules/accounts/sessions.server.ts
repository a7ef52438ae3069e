import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { sessions, users } from '../../server/db/schema';
import { hashSecret, newSecret } from '../../server/auth/tokens';
import type { Actor, SpaceRole } from '../../server/auth/policy';
import { spaceMembers } from '../spaces/tables';
import { charterAcceptances, charterVersions } from '../pages/tables';

export const SESSION_COOKIE = 'chantiers_session';

export interface SessionUser {
	id: string;
	name: string;
	email: string | null;
	role: Actor['role'];
}

export async function createSession(
	ctx: Ctx,
	userId: string,
	info: { ip?: string; userAgent?: string }
) {
	const { secret, hash } = newSecret();
	const expiresAt = new Date(Date.now() + ctx.env.SESSION_DAYS * 86400_000);
	await ctx.db.insert(sessions).values({
		id: hash,
		userId,
		expiresAt,
		ip: info.ip ?? null,
		userAgent: info.userAgent?.slice(0, 300) ?? null
	});
	return { secret, expiresAt };
}

/**
 * Resolves a session cookie into the person, their roles and where they stand with the charter,
 * or null. One query: every page a member opens starts here.
 */
export async function readSession(
	ctx: Ctx,
	secret: string | undefined
): Promise<{ user: SessionUser; actor: Actor } | null> {
	if (!secret || secret.length > 100) return null;
	const [row] = await ctx.db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			role: users.role,
			cartoModerator: users.cartoModerator,
			memberships: sql<{ spaceId: string; role: SpaceRole }[]>`coalesce((
				select json_agg(json_build_object('spaceId', ${spaceMembers.spaceId}, 'role', ${spaceMembers.role}))
				from ${spaceMembers}
				where ${spaceMembers.userId} = ${users.id} and ${spaceMembers.until} is null
			), '[]'::json)`,
			charterCurrent: sql<
				number | null
			>`(select max(${charterVersions.version}) from ${charterVersions})`,
			charterAccepted: sql<number | null>`(
				select max(${charterAcceptances.version}) from ${charterAcceptances}
				where ${charterAcceptances.userId} = ${users.id}
			)`
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(
			and(
				eq(sessions.id, hashSecret(secret)),
				gt(sessions.expiresAt, new Date()),
				eq(users.status, 'active')
			)
		);
	if (!row) return null;
	const { cartoModerator, memberships, charterCurrent, charterAccepted, ...user } = row;
	const spaceRoles: Actor['spaceRoles'] = {};
	for (const m of memberships) (spaceRoles[m.spaceId] ??= []).push(m.role);
	const charter = { current: charterCurrent, accepted: charterAccepted };
	return { user, actor: { userId: row.id, role: row.role, spaceRoles, cartoModerator, charter } };
}

export async function deleteSession(ctx: Ctx, secret: string | undefined) {
	if (secret) await ctx.db.delete(sessions).where(eq(sessions.id, hashSecret(secret)));
}

export async function deleteUserSessions(ctx: Ctx, userId: string) {
	await ctx.db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(ctx: Ctx) {
	await ctx.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
