import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an emailed link, and the hash we store. */
export function newSecret(): { secret: string; hash: string } {
	const secret = randomBytes(32).toString('base64url');
	return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}
