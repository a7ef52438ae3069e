import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { joinRequests, tokens, users } from '../../server/db/schema';
import { assertCan, grantableRoles, type Actor, type GlobalRole } from '../../server/auth/policy';
import { hashSecret, newSecret } from '../../server/auth/tokens';
import { hashPassword } from '../../server/auth/passwords';
import { audit } from '../../server/audit/audit';
import { sendEmail } from '../../server/email/outbox';
import {
	assertUuid,
	ForbiddenError,
	NotFoundError,
	RateLimitError,
	ValidationError
} from '../../server/errors';
import { validate } from '../../server/forms';
import { clear, hit, limits } from '../../server/security/rate-limit';
import { accountEmails } from './emails';
import { expiresAfter, isUsable, normalizeEmail, passwordProblem, TOKEN_TTL_HOURS } from './rules';
import { inviteSchema, joinRequestSchema, newPasswordSchema, resetRequestSchema } from './schemas';
import { deleteUserSessions } from './sessions.server';

async function issueToken(ctx: Ctx, userId: string, kind: 'invitation' | 'reset') {
	const { secret, hash } = newSecret();
	await ctx.db
		.insert(tokens)
		.values({ id: hash, userId, kind, expiresAt: expiresAfter(TOKEN_TTL_HOURS[kind]) });
	return `${ctx.env.baseUrl}/${kind === 'invitation' ? 'invitation' : 'mot-de-passe'}/${secret}`;
}

const findByEmail = async (ctx: Ctx, email: string) =>
	(await ctx.db.select().from(users).where(eq(users.email, email)))[0];

/** A person asks to join. Same answer whether or not the address already has an account. */
export async function requestToJoin(ctx: Ctx, input: unknown, info: RequestInfo) {
	const data = validate(joinRequestSchema, input);
	if (data.website_url) return; // honeypot filled: silently ignore
	const email = normalizeEmail(data.email);
	if (
		(await hit(ctx.db, `join:ip:${info.ip ?? 'unknown'}`, limits.joinPerIp)) > limits.joinPerIp.max
	) {
		throw new RateLimitError('Trop de demandes depuis cette connexion. Réessayez dans une heure.');
	}
	if ((await hit(ctx.db, `join:email:${email}`, limits.joinPerEmail)) > limits.joinPerEmail.max) {
		return;
	}
	const existing = await findByEmail(ctx, email);
	if (existing && existing.status !== 'deleted') {
		const link = `${ctx.env.baseUrl}/mot-de-passe-oublie`;
		await sendEmail(ctx, {
			to: email,
			kind: 'join.existing',
			...accountEmails.joinAlreadyMember(existing.name, link)
		});
		return;
	}
	await ctx.db.insert(joinRequests).values({ ...data, email });
	await sendEmail(ctx, {
		to: email,
		kind: 'join.received',
		...accountEmails.joinReceived(data.name)
	});
	const coordinators = await ctx.db
		.select({ email: users.email })
		.from(users)
		.where(and(inArray(users.role, ['admin', 'coordination']), eq(users.status, 'active')));
	for (const c of coordinators) {
		if (!c.email) continue;
		const link = `${ctx.env.baseUrl}/admin/demandes`;
		await sendEmail(ctx, {
			to: c.email,
			kind: 'join.notify',
			...accountEmails.joinToCoordination(data.name, link)
		});
	}
}

export async function listJoinRequests(ctx: Ctx, actor: Actor | null) {
	assertCan(actor, 'joinRequests.decide');
	return ctx.db.select().from(joinRequests).orderBy(desc(joinRequests.createdAt)).limit(200);
}

/** Coordination approves (an invitation link is emailed) or declines (the person is told). */
export async function decideJoinRequest(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	decision: 'approve' | 'decline',
	reason: string | null,
	info: RequestInfo = {}
) {
	assertCan(actor, 'joinRequests.decide');
	assertUuid(id, 'Demande introuvable.');
	const [request] = await ctx.db.select().from(joinRequests).where(eq(joinRequests.id, id));
	if (!request) throw new NotFoundError('Demande introuvable.');
	if (request.status !== 'pending') {
		throw new ValidationError({ form: 'Cette demande a déjà été traitée.' });
	}
	const [claimed] = await ctx.db
		.update(joinRequests)
		.set({
			status: decision === 'approve' ? 'approved' : 'declined',
			decidedBy: actor.userId,
			decidedAt: new Date()
		})
		.where(and(eq(joinRequests.id, id), eq(joinRequests.status, 'pending')))
		.returning();
	if (!claimed) throw new ValidationError({ form: 'Cette demande a déjà été traitée.' });
	if (decision === 'decline') {
		await sendEmail(ctx, {
			to: request.email,
			kind: 'join.declined',
			...accountEmails.joinDeclined(request.name, reason)
		});
	} else {
		const existing = await findByEmail(ctx, request.email);
		const userId =
			existing?.id ??
			(
				await ctx.db
					.insert(users)
					.values({ email: request.email, name: request.name, status: 'invited' })
					.returning()
			)[0]!.id;
		const link = await issueToken(ctx, userId, 'invitation');
		await sendEmail(ctx, {
			to: request.email,
			kind: 'join.approved',
			...accountEmails.joinApproved(request.name, link)
		});
	}
	await audit(
		ctx,
		actor,
		{
			action: `join.${decision}`,
			targetType: 'join_request',
			targetId: id,
			details: { email: request.email }
		},
		info.ip
	);
}

/** An admin or coordination invites an email address with a role. */
export async function invite(
	ctx: Ctx,
	actor: Actor | null,
	input: unknown,
	info: RequestInfo = {}
) {
	assertCan(actor, 'users.invite');
	const data = validate(inviteSchema, input);
	if (!grantableRoles(actor).includes(data.role as GlobalRole)) {
		throw new ValidationError({ role: 'Vous ne pouvez pas attribuer ce rôle.' });
	}
	const email = normalizeEmail(data.email);
	if (await findByEmail(ctx, email)) {
		throw new ValidationError({ email: 'Un compte existe déjà avec cette adresse.' });
	}
	const [user] = await ctx.db
		.insert(users)
		.values({ email, name: data.name, role: data.role, status: 'invited' })
		.returning();
	const [by] = await ctx.db
		.select({ name: users.name })
		.from(users)
		.where(eq(users.id, actor.userId));
	const link = await issueToken(ctx, user!.id, 'invitation');
	await sendEmail(ctx, {
		to: email,
		kind: 'invitation',
		...accountEmails.invitation(data.name, link, by?.name ?? 'La coordination')
	});
	await audit(
		ctx,
		actor,
		{
			action: 'user.invite',
			targetType: 'user',
			targetId: user!.id,
			details: { email, role: data.role }
		},
		info.ip
	);
	return user!;
}

/** Asks for a reset link. Same answer whether or not the account exists. */
export async function requestPasswordReset(ctx: Ctx, input: unknown, info: RequestInfo) {
	const email = normalizeEmail(validate(resetRequestSchema, input).email);
	const byIp = await hit(ctx.db, `reset:ip:${info.ip ?? 'unknown'}`, limits.resetPerIp);
	const byEmail = await hit(ctx.db, `reset:email:${email}`, limits.resetPerEmail);
	if (byIp > limits.resetPerIp.max || byEmail > limits.resetPerEmail.max) {
		throw new RateLimitError('Trop de demandes de réinitialisation. Réessayez dans une heure.');
	}
	const user = await findByEmail(ctx, email);
	if (!user || user.status === 'deleted') return;
	const link = await issueToken(ctx, user.id, 'reset');
	await sendEmail(ctx, { to: email, kind: 'reset', ...accountEmails.reset(user.name, link) });
}

/** Finds a usable emailed link; null when unknown, used or expired. */
export async function checkToken(ctx: Ctx, secret: string, kind: 'invitation' | 'reset') {
	const [row] = await ctx.db
		.select({ token: tokens, name: users.name, email: users.email })
		.from(tokens)
		.innerJoin(users, eq(users.id, tokens.userId))
		.where(and(eq(tokens.id, hashSecret(secret)), eq(tokens.kind, kind)));
	return row && isUsable(row.token) ? row : null;
}

/** Sets the password from an invitation or reset link, once; activates the account. */
export async function usePasswordToken(
	ctx: Ctx,
	secret: string,
	kind: 'invitation' | 'reset',
	input: unknown
) {
	const found = await checkToken(ctx, secret, kind);
	if (!found) throw new ForbiddenError('Ce lien a expiré ou a déjà été utilisé.');
	const { password } = validate(newPasswordSchema, input);
	const problem = passwordProblem(password, found.email);
	if (problem) throw new ValidationError({ password: problem });
	const passwordHash = await hashPassword(password);
	await ctx.db.transaction(async (tx) => {
		const [used] = await tx
			.update(tokens)
			.set({ usedAt: new Date() })
			.where(and(eq(tokens.id, found.token.id), isNull(tokens.usedAt)))
			.returning();
		if (!used) throw new ForbiddenError('Ce lien a expiré ou a déjà été utilisé.');
		await tx
			.update(users)
			.set({ passwordHash, status: 'active' })
			.where(eq(users.id, found.token.userId));
	});
	await deleteUserSessions(ctx, found.token.userId);
	// A new password lifts a lock-out caused by wrong attempts.
	if (found.email) await clear(ctx.db, `login:account:${found.email}`);
	return found.email;
}
