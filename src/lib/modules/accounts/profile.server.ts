import { asc, eq } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import {
	auditLog,
	emails,
	joinRequests,
	sessions,
	spaceMembers,
	spaces,
	structures,
	tokens,
	users
} from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { NotFoundError, ValidationError } from '../../server/errors';
import { validate } from '../../server/forms';
import { verifyPassword } from '../../server/auth/passwords';
import { profileSchema } from './schemas';

export async function getProfile(ctx: Ctx, actor: Actor | null, userId: string) {
	assertCan(actor, 'profile.edit', { ownerId: userId });
	const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
	if (!user) throw new NotFoundError();
	const { passwordHash: _omit, ...profile } = user;
	const structureOptions = await ctx.db
		.select({ id: structures.id, name: structures.name })
		.from(structures)
		.orderBy(asc(structures.name));
	return { profile, structureOptions };
}

export async function updateProfile(ctx: Ctx, actor: Actor | null, userId: string, input: unknown) {
	assertCan(actor, 'profile.edit', { ownerId: userId });
	const data = validate(profileSchema, input);
	if (data.structureId) {
		const [s] = await ctx.db
			.select({ id: structures.id })
			.from(structures)
			.where(eq(structures.id, data.structureId));
		if (!s) throw new ValidationError({ structureId: 'Structure inconnue.' });
	}
	await ctx.db.update(users).set(data).where(eq(users.id, userId));
}

/** Everything the platform holds about a person, as JSON (right of access and portability). */
export async function exportMyData(ctx: Ctx, actor: Actor | null) {
	assertCan(actor, 'profile.edit', { ownerId: actor?.userId });
	const id = actor.userId;
	const [user] = await ctx.db.select().from(users).where(eq(users.id, id));
	if (!user) throw new NotFoundError();
	const { passwordHash: _omit, ...profile } = user;
	return {
		exportedAt: new Date().toISOString(),
		profile,
		structure: user.structureId
			? (await ctx.db.select().from(structures).where(eq(structures.id, user.structureId)))[0]
			: null,
		spaces: await ctx.db
			.select({
				space: spaces.title,
				role: spaceMembers.role,
				since: spaceMembers.since,
				until: spaceMembers.until
			})
			.from(spaceMembers)
			.innerJoin(spaces, eq(spaces.id, spaceMembers.spaceId))
			.where(eq(spaceMembers.userId, id)),
		sessions: await ctx.db
			.select({
				createdAt: sessions.createdAt,
				expiresAt: sessions.expiresAt,
				ip: sessions.ip,
				userAgent: sessions.userAgent
			})
			.from(sessions)
			.where(eq(sessions.userId, id)),
		joinRequests: user.email
			? await ctx.db.select().from(joinRequests).where(eq(joinRequests.email, user.email))
			: [],
		emailsReceived: user.email
			? await ctx.db
					.select({ subject: emails.subject, createdAt: emails.createdAt, status: emails.status })
					.from(emails)
					.where(eq(emails.to, user.email))
			: [],
		actionsRecorded: await ctx.db
			.select({ at: auditLog.at, action: auditLog.action, targetType: auditLog.targetType })
			.from(auditLog)
			.where(eq(auditLog.actorId, id))
	};
}

/**
 * Deletes an account: personal data is erased, the row stays (anonymised) so that what the
 * person contributed keeps its author "Compte supprimé".
 */
export async function deleteMyAccount(
	ctx: Ctx,
	actor: Actor | null,
	password: string,
	info: RequestInfo = {}
) {
	assertCan(actor, 'profile.edit', { ownerId: actor?.userId });
	const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
	if (!user) throw new NotFoundError();
	if (!(await verifyPassword(user.passwordHash, password))) {
		throw new ValidationError({
			password: 'Mot de passe incorrect : le compte n’a pas été supprimé.'
		});
	}
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(users)
			.set({
				email: null,
				passwordHash: null,
				name: 'Compte supprimé',
				bio: null,
				phone: null,
				roleInStructure: null,
				structureId: null,
				status: 'deleted',
				role: 'membre',
				deletedAt: new Date()
			})
			.where(eq(users.id, user.id));
		await tx.delete(sessions).where(eq(sessions.userId, user.id));
		await tx.delete(tokens).where(eq(tokens.userId, user.id));
		await tx.delete(spaceMembers).where(eq(spaceMembers.userId, user.id));
		if (user.email) {
			await tx.delete(joinRequests).where(eq(joinRequests.email, user.email));
			await tx.delete(emails).where(eq(emails.to, user.email));
		}
	});
	await audit(
		ctx,
		actor,
		{ action: 'user.delete_self', targetType: 'user', targetId: user.id },
		info.ip
	);
}
