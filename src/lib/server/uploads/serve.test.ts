import { describe, expect, it } from 'vitest';

import { asciiFileName, contentDisposition, fileHeaders, fileResponse } from './serve';

describe('download headers', () => {
	it('gives an ASCII fallback and the UTF-8 name (RFC 6266 / 5987)', () => {
		expect(contentDisposition('attachment', 'Coopération « 2026 ».pdf')).toBe(
			`attachment; filename="Cooperation _ 2026 _.pdf"; filename*=UTF-8''Coop%C3%A9ration%20%C2%AB%202026%20%C2%BB.pdf`
		);
		expect(contentDisposition('inline', `l'"essai" (v2)*.pdf`)).toBe(
			`inline; filename="l'_essai_ (v2)*.pdf"; filename*=UTF-8''l%27%22essai%22%20%28v2%29%2A.pdf`
		);
	});

	it('never lets a name break the header', () => {
		const value = contentDisposition('attachment', 'a\r\nSet-Cookie: x=1;.pdf');
		expect(value).not.toMatch(/[\r\n]/);
		expect(asciiFileName('日本語')).toBe('___');
		expect(asciiFileName('')).toBe('fichier');
		expect(asciiFileName('100% \\ "ok"')).toBe('100_ _ _ok_');
	});

	it('sends type, length, no sniffing and a private cache by default', () => {
		expect(fileHeaders(1234, { name: 'r.pdf', type: 'application/pdf' })).toEqual({
			'Content-Type': 'application/pdf',
			'Content-Length': '1234',
			'Content-Disposition': `attachment; filename="r.pdf"; filename*=UTF-8''r.pdf`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		});
	});

	it('sandboxes inline files and lets the caller choose the cache', () => {
		const headers = fileHeaders(
			10,
			{ name: 'i.png', type: 'image/png' },
			{ disposition: 'inline', cacheControl: 'public, max-age=3600' }
		);
		expect(headers['Content-Security-Policy']).toMatch(/default-src 'none'.*sandbox/);
		expect(headers['Cache-Control']).toBe('public, max-age=3600');
		expect(headers['Content-Disposition']).toMatch(/^inline; /);
		const pdf = fileHeaders(
			10,
			{ name: 'r.pdf', type: 'application/pdf' },
			{ disposition: 'inline' }
		);
		expect(pdf['Content-Security-Policy']).toBeUndefined();
		expect(pdf['X-Content-Type-Options']).toBe('nosniff');
	});

	it('streams the stored bytes', async () => {
		const res = fileResponse(
			{ stream: new Blob(['bonjour']).stream(), size: 7 },
			{ name: 'b.txt', type: 'text/plain' }
		);
		expect(res.headers.get('content-length')).toBe('7');
		expect(await res.text()).toBe('bonjour');
	});
});
