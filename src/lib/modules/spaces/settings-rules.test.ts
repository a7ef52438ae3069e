import { describe, expect, it } from 'vitest';
import {
	newSpaceInput,
	settingsChangeTitle,
	slugFromTitle,
	slugProblem,
	spaceSettingsInput,
	SLUG_MAX
} from './settings-rules';

const base = {
	title: 'Groupe numérique',
	detailsVisibility: 'members',
	openToRequests: 'on'
};

describe('slugFromTitle', () => {
	it('drops accents, punctuation and case', () => {
		expect(slugFromTitle("Chantier n°6 : l'été des cœurs")).toBe('chantier-n-6-l-ete-des-coeurs');
		expect(slugFromTitle('  Écosystèmes   coopératifs !  ')).toBe('ecosystemes-cooperatifs');
	});
	it('stays within the limit without a trailing dash', () => {
		const slug = slugFromTitle('mot '.repeat(40));
		expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
		expect(slug.endsWith('-')).toBe(false);
		expect(slugProblem(slug)).toBeNull();
	});
	it('gives nothing for a title with no letter or digit', () => {
		expect(slugFromTitle('— ! —')).toBe('');
	});
});

describe('slugProblem', () => {
	it('accepts lowercase words joined by dashes', () => {
		expect(slugProblem('groupe-numerique-2')).toBeNull();
	});
	it('refuses empty, badly formed, too long and reserved addresses, in French', () => {
		expect(slugProblem('')).toMatch(/Indiquez l’adresse/);
		expect(slugProblem('Groupe_Num')).toMatch(/lettres minuscules/);
		expect(slugProblem('a--b')).toMatch(/lettres minuscules/);
		expect(slugProblem('-a')).toMatch(/lettres minuscules/);
		expect(slugProblem('a'.repeat(SLUG_MAX + 1))).toMatch(/dépasser 60/);
		expect(slugProblem('nouveau')).toMatch(/réservée/);
	});
});

describe('newSpaceInput', () => {
	it('generates the address from the title when left empty', () => {
		const r = newSpaceInput.parse({ ...base, slug: '' });
		expect(r).toMatchObject({
			title: 'Groupe numérique',
			slug: 'groupe-numerique',
			openToRequests: true,
			shortTitle: null,
			referentId: null
		});
	});
	it('keeps a typed address, lowercased', () => {
		expect(newSpaceInput.parse({ ...base, slug: 'Mon-Groupe' }).slug).toBe('mon-groupe');
	});
	it('puts the address problem on the slug field', () => {
		const r = newSpaceInput.safeParse({ ...base, slug: 'à vous' });
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]!.path).toEqual(['slug']);
		const reserved = newSpaceInput.safeParse({ ...base, title: 'Nouveau' });
		expect(reserved.error!.issues[0]!.message).toMatch(/réservée/);
	});
	it('refuses a référent·e that is not an identifier', () => {
		const r = newSpaceInput.safeParse({ ...base, referentId: 'quelqu’un' });
		expect(r.error!.issues[0]!.message).toBe('Choisissez une personne de la liste.');
	});
});

describe('spaceSettingsInput', () => {
	it('refuses an empty title and an unknown visibility, in French', () => {
		const r = spaceSettingsInput.safeParse({ title: '  ', detailsVisibility: 'secret' });
		expect(r.success).toBe(false);
		const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
		expect(messages.title).toBe('Indiquez le titre de l’espace.');
		expect(messages.detailsVisibility).toMatch(/Choisissez qui peut voir/);
	});
	it('reads an unticked box as closed to requests', () => {
		expect(spaceSettingsInput.parse({ ...base, openToRequests: undefined }).openToRequests).toBe(
			false
		);
	});
	it('refuses a huge défi', () => {
		const r = spaceSettingsInput.safeParse({ ...base, defi: 'x'.repeat(2001) });
		expect(r.error!.issues[0]!.message).toMatch(/2 000 caractères/);
	});
});

describe('settingsChangeTitle', () => {
	const before = spaceSettingsInput.parse(base);
	it('names the fields that changed', () => {
		const after = { ...before, defi: 'Un défi', detailsVisibility: 'public' as const };
		expect(settingsChangeTitle(before, after)).toBe(
			'Paramètres de l’espace modifiés : défi, visibilité des travaux'
		);
	});
	it('says nothing when nothing changed', () => {
		expect(settingsChangeTitle(before, { ...before })).toBeNull();
	});
});
