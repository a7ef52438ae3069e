import { describe, expect, it } from 'vitest';
import { expiresAfter, isUsable, normalizeEmail, passwordProblem } from './rules';

describe('accounts rules', () => {
	it('normalises emails', () => {
		expect(normalizeEmail('  Jeanne.Dupont@Example.ORG ')).toBe('jeanne.dupont@example.org');
	});

	it('explains weak passwords in French', () => {
		expect(passwordProblem('court')).toMatch(/au moins 12 caractères/);
		expect(passwordProblem('aaaaaaaaaaaaaaa')).toMatch(/répétitif/);
		expect(passwordProblem('jeanne.dupont-2024!', 'jeanne.dupont@example.org')).toMatch(
			/adresse email/
		);
		expect(passwordProblem('une phrase de passe solide')).toBeNull();
	});

	it('accepts a token only once and before it expires', () => {
		const now = new Date('2026-01-01T10:00:00Z');
		const token = { expiresAt: expiresAfter(1, now), usedAt: null };
		expect(isUsable(token, now)).toBe(true);
		expect(isUsable(token, new Date('2026-01-01T11:00:01Z'))).toBe(false);
		expect(isUsable({ ...token, usedAt: now }, now)).toBe(false);
	});
});
