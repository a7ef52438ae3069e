import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library's default algorithm) with OWASP's second recommended setting.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
	if (!stored) return false;
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}

/** Spends the same time as a real check, so timing does not reveal whether an account exists. */
let dummy: Promise<string> | undefined;
export async function fakeVerify(password: string) {
	dummy ??= hashPassword('not-a-real-password-for-timing');
	await verifyPassword(await dummy, password);
}
