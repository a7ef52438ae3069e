import { describe, expect, it } from 'vitest';
import { figures, milestones, pages, people, spaces, structures } from './index';

const SLUG = /^[a-z0-9-]+$/;

function isValidIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function expectUnique(values: string[]): void {
	expect(new Set(values).size).toBe(values.length);
}

describe('seed data of the démarche', () => {
	const chantiers = spaces.filter((s) => s.kind === 'chantier');
	const personKeys = new Set(people.map((p) => p.key));
	const structureSlugs = new Set(structures.map((s) => s.slug));

	it('has exactly five chantiers numbered 1 to 5 and one comité de pilotage', () => {
		expect(chantiers).toHaveLength(5);
		expect(chantiers.map((c) => c.number).sort()).toEqual([1, 2, 3, 4, 5]);
		const copils = spaces.filter((s) => s.kind === 'copil');
		expect(copils).toHaveLength(1);
		expect(copils[0]!.slug).toBe('comite-de-pilotage');
		expect(copils[0]!.number).toBeUndefined();
	});

	it('lists the structures of the community as in the bilan (seed 000)', () => {
		// "La communauté des chantiers coopératifs" in the Bilan des chantiers coopératifs:
		// 44 extracted lines, one of which merges "CRESS AURA et IDF" and "Ecossolies";
		// the two CRESS are stored separately, hence 46 (the bilan's headline says 44).
		expect(structures).toHaveLength(46);
	});

	it('uses unique, well-formed slugs and keys', () => {
		for (const list of [
			spaces.map((s) => s.slug),
			structures.map((s) => s.slug),
			people.map((p) => p.key),
			pages.map((p) => p.slug),
			figures.map((f) => f.key)
		]) {
			expectUnique(list);
			for (const value of list) expect(value).toMatch(SLUG);
		}
	});

	it('references only known persons and structures', () => {
		for (const space of spaces) {
			expectUnique(space.members.map((m) => `${m.personKey}/${m.until ?? ''}`));
			for (const member of space.members) {
				expect(personKeys, member.personKey).toContain(member.personKey);
				if (member.structureSlug) expect(structureSlugs).toContain(member.structureSlug);
				if (member.since) expect(isValidIsoDate(member.since)).toBe(true);
				if (member.until) expect(isValidIsoDate(member.until)).toBe(true);
			}
		}
		for (const person of people) {
			if (person.structureSlug) expect(structureSlugs).toContain(person.structureSlug);
		}
	});

	it('gives every chantier at least one current référent·e', () => {
		for (const chantier of chantiers) {
			const current = chantier.members.filter((m) => m.role === 'referent' && !m.until);
			expect(current.length, chantier.slug).toBeGreaterThan(0);
		}
	});

	it('only uses fictitious example.org email addresses', () => {
		expectUnique(people.map((p) => p.email));
		for (const person of people) {
			expect(person.email).toMatch(/^[a-z0-9.-]+@example\.org$/);
		}
		const coordinators = people.filter((p) => p.globalRole === 'coordination');
		expect(coordinators.map((p) => p.key)).toEqual(['mickael-vartuaroglu']);
	});

	it('dates milestones with valid ISO dates matching their precision', () => {
		for (const milestone of milestones) {
			expect(isValidIsoDate(milestone.date), milestone.date).toBe(true);
			if (milestone.precision !== 'day') expect(milestone.date.endsWith('-01')).toBe(true);
			if (milestone.precision === 'year') expect(milestone.date.slice(5)).toBe('01-01');
		}
	});

	it('has figures with a label and a source', () => {
		for (const figure of figures) {
			expect(Number.isInteger(figure.value)).toBe(true);
			expect(figure.label.length).toBeGreaterThan(0);
			expect(figure.source.length).toBeGreaterThan(0);
		}
	});

	it('includes the editorial and legal pages', () => {
		const slugs = pages.map((p) => p.slug);
		for (const slug of [
			'accueil',
			'la-demarche',
			'charte',
			'mentions-legales',
			'accessibilite',
			'donnees-personnelles'
		]) {
			expect(slugs).toContain(slug);
		}
		for (const page of pages) expect(page.body.trim().length).toBeGreaterThan(0);
	});

	it('writes the charter from the definition of a chantier coopératif and its principles', () => {
		const charter = pages.find((p) => p.slug === 'charte')!;
		expect(charter.body).toMatch(/relever concrètement un défi commun/);
		expect(charter.body).toMatch(/réflexion et l'expérimentation/);
		expect(charter.body.match(/^\d+\. \*\*/gm)?.length).toBe(10);
	});
});
