import { describe, expect, it } from 'vitest';
import {
	decisions,
	figures,
	milestones,
	pages,
	people,
	productions,
	roadmaps,
	spaces,
	structures
} from './index';

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

	it('puts each seeded action under an objective of its space, linked to its own productions', () => {
		expect(Object.keys(roadmaps).sort()).toEqual(spaces.map((s) => s.slug).sort());
		for (const space of spaces) {
			const own = new Set(productions.filter((p) => p.spaceSlug === space.slug).map((p) => p.key));
			for (const action of roadmaps[space.slug]!) {
				const [kind, rank] = action.objective.split(':');
				const list =
					kind === 'strategique' ? space.strategicObjectives : space.operationalObjectives;
				expect(Number(rank), `${space.slug}: ${action.title}`).toBeLessThan(list.length);
				for (const key of action.productions ?? []) expect(own).toContain(key);
				if (action.doneAt) {
					expect(action.status).toBe('fait');
					expect(isValidIsoDate(action.doneAt)).toBe(true);
				}
			}
			// Every space has realisations and at least one next step.
			const statuses = roadmaps[space.slug]!.map((a) => a.status);
			expect(statuses).toContain('fait');
			expect(statuses.some((s) => s === 'a_faire' || s === 'en_cours')).toBe(true);
		}
	});

	it('lists the productions named in the bilan without inventing links', () => {
		expectUnique(productions.map((p) => p.key));
		const kinds = (slug: string) =>
			productions.filter((p) => p.spaceSlug === slug).map((p) => p.kind);
		expect(kinds('chantier-1-competences-metiers')).toEqual([
			'referentiel',
			'referentiel',
			'referentiel'
		]);
		expect(kinds('chantier-2-outils-financiers')).toEqual(['webinaire', 'webinaire']);
		expect(kinds('chantier-3-accompagnement').sort()).toEqual(['cartographie', 'note']);
		expect(kinds('chantier-4-ecosystemes-cooperatifs')).toHaveLength(3);
		expect(kinds('chantier-5-valorisation').sort()).toEqual(['fiche', 'panorama']);
		for (const p of productions) {
			expect(p.url).toBeUndefined();
			expect(p.description).toMatch(/Lien à compléter|\]\(\/cartographie\)/);
			if (p.date) expect(isValidIsoDate(p.date)).toBe(true);
		}
	});

	it('gives the comité de pilotage a dated relevé de décisions that says what is an example', () => {
		expect(decisions.length).toBeGreaterThanOrEqual(3);
		for (const d of decisions) {
			expect(d.spaceSlug).toBe('comite-de-pilotage');
			expect(isValidIsoDate(d.date)).toBe(true);
			expect(d.details).toMatch(/Exemple|bilan/);
		}
		expect(decisions.map((d) => d.date)).toContain('2023-10-13');
	});
});
