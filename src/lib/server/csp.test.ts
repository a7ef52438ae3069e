import { describe, expect, it } from 'vitest';
import { adjustCsp } from './csp';

const csp =
	"default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";

describe('content security policy', () => {
	it('is left as built for ordinary pages without tiles', () => {
		expect(adjustCsp(csp, { embeddable: false })).toBe(csp);
	});

	it('lets any site frame the embeddable page only', () => {
		expect(adjustCsp(csp, { embeddable: true })).toContain('frame-ancestors *');
		expect(adjustCsp(csp, { embeddable: true })).not.toContain("frame-ancestors 'none'");
	});

	it('allows the origin of configured tiles for images and fetches', () => {
		const out = adjustCsp(csp, {
			embeddable: false,
			tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png'
		});
		expect(out).toContain("img-src 'self' data: blob: https://tile.example.org");
		expect(out).toContain("connect-src 'self' https://tile.example.org");
		expect(out).toContain("frame-ancestors 'none'");
	});
});
