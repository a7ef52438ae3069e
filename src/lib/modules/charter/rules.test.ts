import { describe, expect, it } from 'vitest';
import { charterPending, checkPublish, exemptFromCharterGate } from './rules';

describe('charterPending', () => {
	it('asks members of a space who accepted an earlier version', () => {
		expect(charterPending(2, 1, true)).toBe(true);
		expect(charterPending(2, 2, true)).toBe(false);
	});
	it('does not stop people placed in a space without having accepted any version', () => {
		expect(charterPending(2, null, true)).toBe(false);
	});
	it('does not ask people outside every space, nor when no version exists', () => {
		expect(charterPending(2, 1, false)).toBe(false);
		expect(charterPending(null, null, true)).toBe(false);
	});
});

describe('exemptFromCharterGate', () => {
	it('lets the charter, leaving a space and one’s account through', () => {
		for (const p of ['/charte', '/pages/charte', '/pages/charte/historique', '/deconnexion']) {
			expect(exemptFromCharterGate(p)).toBe(true);
		}
		expect(exemptFromCharterGate('/chantiers/chantier-1/membres')).toBe(true);
		expect(exemptFromCharterGate('/profil')).toBe(true);
	});
	it('stops other pages', () => {
		for (const p of ['/', '/chantiers', '/chantiers/chantier-1', '/pages/methode', '/chartes']) {
			expect(exemptFromCharterGate(p)).toBe(false);
		}
		expect(exemptFromCharterGate('/chantiers/a/membres/autre')).toBe(false);
	});
});

describe('checkPublish', () => {
	it('needs a summary and a changed page', () => {
		expect(checkPublish('  ', 3, 2)).toEqual({
			summary: 'Indiquez en une phrase ce qui change dans cette version.'
		});
		expect(checkPublish('Nouveau principe', 2, 2).form).toMatch(/n'a pas changé/);
		expect(checkPublish('x'.repeat(301), 3, 2).summary).toMatch(/300 caractères/);
		expect(checkPublish('Nouveau principe', 3, 2)).toEqual({});
		expect(checkPublish('Première version', 1, null)).toEqual({});
	});
});
