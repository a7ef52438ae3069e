import { afterEach, describe, expect, it, vi } from 'vitest';
import { cached, clearCache, invalidate } from './cache';

afterEach(() => {
	clearCache();
	vi.useRealTimers();
});

describe('cached', () => {
	it('loads once within the time to live, again after it', async () => {
		vi.useFakeTimers();
		const load = vi.fn(async () => 42);
		expect(await cached('k', 1000, load)).toBe(42);
		expect(await cached('k', 1000, load)).toBe(42);
		expect(load).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(1001);
		await cached('k', 1000, load);
		expect(load).toHaveBeenCalledTimes(2);
	});

	it('does not keep a failed load', async () => {
		const failing = vi.fn(async () => {
			throw new Error('base indisponible');
		});
		await expect(cached('f', 1000, failing)).rejects.toThrow();
		await Promise.resolve();
		await expect(cached('f', 1000, async () => 'ok')).resolves.toBe('ok');
	});

	it('forgets the entries of a prefix only', async () => {
		const load = vi.fn(async () => 1);
		await cached('cartographie:?a', 60_000, load);
		await cached('communaute:', 60_000, load);
		invalidate('cartographie');
		await cached('cartographie:?a', 60_000, load);
		await cached('communaute:', 60_000, load);
		expect(load).toHaveBeenCalledTimes(3);
	});
});
