import { beforeEach, describe, expect, it } from 'vitest';
import { clearPageCache, fromPageCache, pageCacheKey, toPageCache } from './page-cache';
import { invalidate } from './cache';

const url = new URL('http://x/cartographie?dimension=gouvernance');
const page = (body: string, headers: Record<string, string> = {}) =>
	new Response(body, {
		status: 200,
		headers: {
			'content-type': 'text/html',
			'content-security-policy': "script-src 'self' 'nonce-abc123=='",
			...headers
		}
	});

describe('page cache', () => {
	beforeEach(() => clearPageCache());

	it('keeps only visitors’ GET requests of the listed routes', () => {
		expect(pageCacheKey('/cartographie', url, 'GET', false, false)).toBe(
			'cartographie:page:/cartographie?dimension=gouvernance'
		);
		expect(pageCacheKey('/cartographie', url, 'GET', true, false)).toBeNull();
		expect(pageCacheKey('/cartographie', url, 'GET', false, true)).toBeNull();
		expect(pageCacheKey('/cartographie', url, 'POST', false, false)).toBeNull();
		expect(pageCacheKey('/communaute', url, 'GET', false, false)).toBeNull();
	});

	it('answers from memory with a fresh nonce in the header and the body', async () => {
		const key = 'cartographie:page:/a';
		const first = await toPageCache(key, page('<script nonce="abc123==">1</script>'));
		expect(await first.text()).toContain('abc123==');
		const a = fromPageCache(key)!;
		const b = fromPageCache(key)!;
		const nonceA = /'nonce-([^']+)'/.exec(a.headers.get('content-security-policy')!)![1]!;
		const nonceB = /'nonce-([^']+)'/.exec(b.headers.get('content-security-policy')!)![1]!;
		expect(nonceA).not.toBe('abc123==');
		expect(nonceA).not.toBe(nonceB);
		expect(await a.text()).toBe(`<script nonce="${nonceA}">1</script>`);
	});

	it('does not keep answers with cookies or errors, and forgets on invalidation', async () => {
		await toPageCache('cartographie:page:/c', page('x', { 'set-cookie': 'a=b' }));
		expect(fromPageCache('cartographie:page:/c')).toBeNull();
		await toPageCache('cartographie:page:/e', new Response('no', { status: 500 }));
		expect(fromPageCache('cartographie:page:/e')).toBeNull();
		await toPageCache('cartographie:page:/d', page('y'));
		expect(fromPageCache('cartographie:page:/d')).not.toBeNull();
		invalidate('cartographie');
		expect(fromPageCache('cartographie:page:/d')).toBeNull();
	});
});
