// Private edit links of a fiche: sent to its contact, valid until revoked. Only the SHA-256 of
// the token is stored, so a copy of the database gives no usable link.
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { cartoEditLinks } from '../../server/db/schema';
import { hashSecret, newSecret } from '../../server/auth/tokens';

export interface IssuedLink {
	token: string;
	/** Absolute URLs built on the platform's base URL. */
	editUrl: string;
	confirmUrl: string;
}

/** Creates a new private link for a fiche (earlier links stay valid until revoked). */
export async function issueEditLink(ctx: Ctx, ficheId: string): Promise<IssuedLink> {
	const { secret, hash } = newSecret();
	await ctx.db.insert(cartoEditLinks).values({ ficheId, tokenHash: hash });
	const base = ctx.env.baseUrl.replace(/\/$/, '');
	return {
		token: secret,
		editUrl: `${base}/cartographie/modifier/${secret}`,
		confirmUrl: `${base}/cartographie/confirmer/${secret}`
	};
}

/** The fiche a token opens, when the link exists and is not revoked; marks it used. */
export async function findEditLink(
	ctx: Ctx,
	token: string
): Promise<{ linkId: string; ficheId: string } | null> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const [row] = await ctx.db
		.update(cartoEditLinks)
		.set({ lastUsedAt: new Date() })
		.where(and(eq(cartoEditLinks.tokenHash, hashSecret(token)), isNull(cartoEditLinks.revokedAt)))
		.returning({ linkId: cartoEditLinks.id, ficheId: cartoEditLinks.ficheId });
	return row ?? null;
}

/** Revokes every private link of a fiche (the caller checks the actor's right). */
export async function revokeEditLinks(ctx: Ctx, ficheId: string): Promise<number> {
	const rows = await ctx.db
		.update(cartoEditLinks)
		.set({ revokedAt: new Date() })
		.where(and(eq(cartoEditLinks.ficheId, ficheId), isNull(cartoEditLinks.revokedAt)))
		.returning({ id: cartoEditLinks.id });
	return rows.length;
}
