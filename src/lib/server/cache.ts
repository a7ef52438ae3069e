import { clearPageCache, invalidatePages } from './page-cache';
/**
 * A few seconds of memory for what every visitor sees the same way (public pages read by
 * people who are not logged in). It spares the database the same queries hundreds of times a
 * second; a change shows up after at most `ttlMs`, on every instance. Nothing here is state:
 * losing it costs one query.
 */
const entries = new Map<string, { expires: number; value: Promise<unknown> }>();
const MAX_ENTRIES = 1000;

export function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
	const now = Date.now();
	const hit = entries.get(key);
	if (hit && hit.expires > now) return hit.value as Promise<T>;
	const value = load();
	if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	entries.set(key, { expires: now + ttlMs, value });
	// A failed load is not kept.
	value.catch(() => entries.delete(key));
	return value;
}

export const PUBLIC_TTL_MS = 5_000;

/**
 * Forgets the entries whose key starts with `prefix`, so that a change (a fiche published,
 * changed or restored) shows at once on this instance; other instances catch up within `ttlMs`.
 */
export function invalidate(prefix: string) {
	for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
	invalidatePages(prefix);
}

/** Clears everything (tests, or after an admin change that must show at once). */
export function clearCache() {
	entries.clear();
	clearPageCache();
}
