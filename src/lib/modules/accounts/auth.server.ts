import { eq } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { users } from '../../server/db/schema';
import { RateLimitError, ValidationError } from '../../server/errors';
import { validate } from '../../server/forms';
import { fakeVerify, verifyPassword } from '../../server/auth/passwords';
import { clear, hit, limits, peek } from '../../server/security/rate-limit';
import { normalizeEmail } from './rules';
import { loginSchema } from './schemas';
import { createSession } from './sessions.server';

const LOGIN_LIMIT_MESSAGE =
	'Trop de tentatives de connexion. Pour votre sécurité, réessayez dans 15 minutes ou réinitialisez votre mot de passe.';

/** Checks credentials with per-account and per-IP limits; returns a new session. */
export async function login(ctx: Ctx, input: unknown, info: RequestInfo) {
	const { email: rawEmail, password } = validate(loginSchema, input);
	const email = normalizeEmail(rawEmail);
	const accountKey = `login:account:${email}`;
	const ipKey = `login:ip:${info.ip ?? 'unknown'}`;
	if (
		(await peek(ctx.db, accountKey, limits.loginPerAccount)) >= limits.loginPerAccount.max ||
		(await peek(ctx.db, ipKey, limits.loginPerIp)) >= limits.loginPerIp.max
	) {
		throw new RateLimitError(LOGIN_LIMIT_MESSAGE);
	}
	const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
	const ok =
		user && user.status === 'active'
			? await verifyPassword(user.passwordHash, password)
			: (await fakeVerify(password), false);
	if (!ok || !user) {
		const failures = await hit(ctx.db, accountKey, limits.loginPerAccount);
		await hit(ctx.db, ipKey, limits.loginPerIp);
		if (failures >= limits.loginPerAccount.max) throw new RateLimitError(LOGIN_LIMIT_MESSAGE);
		throw new ValidationError({ password: 'Adresse email ou mot de passe incorrect.' });
	}
	await clear(ctx.db, accountKey);
	return createSession(ctx, user.id, info);
}
