import { describe, expect, it } from 'vitest';
import type { FicheContent } from './content.server';
import { diffContent, placesOf, revisionAuthor, wordDiff, type DiffNames } from './diff';

const base: FicheContent = {
	name: 'Coopérer en Rhône',
	acronym: null,
	shortDescription: 'Accompagne les coopérations territoriales du Rhône.',
	presentation: null,
	siret: null,
	address: null,
	communeCode: '69381',
	lat: 45.76,
	lon: 4.83,
	national: false,
	cooperationKinds: ['ptce'],
	dimensions: ['gouvernance', 'strategie'],
	modalities: [],
	stages: ['emergence'],
	cost: 'gratuit',
	methodologies: null,
	needsSeen: null,
	publics: null,
	networks: null,
	contactEmail: 'contact@exemple.fr',
	contactEmailPublic: false,
	contactPhone: null,
	contactPhonePublic: false,
	contactWebsite: null,
	contactWebsitePublic: true,
	territories: [{ kind: 'departement', code: '69' }]
};

const names: DiffNames = {
	labels: {
		cooperationKinds: { ptce: 'PTCE', tiers_lieu: 'Tiers-lieu' },
		dimensions: { gouvernance: 'Gouvernance et organisation', strategie: 'Stratégie de projet' },
		cost: { gratuit: 'Gratuit', payant: 'Payant' }
	},
	places: {
		'departement:69': 'Rhône (69)',
		'region:84': 'Auvergne-Rhône-Alpes',
		'commune:69381': 'Lyon 1er Arrondissement (69)'
	}
};

describe('diffContent', () => {
	it('gives nothing for the same content', () => {
		expect(diffContent(base, { ...base, territories: [...base.territories] }, names)).toEqual([]);
	});

	it('gives only the fields that differ, with their French labels', () => {
		const diff = diffContent(base, { ...base, name: 'Coopérer ensemble', cost: 'payant' }, names);
		expect(diff).toEqual([
			{
				field: 'name',
				label: 'Nom de la structure',
				type: 'value',
				before: 'Coopérer en Rhône',
				after: 'Coopérer ensemble'
			},
			{
				field: 'cost',
				label: "Coût de l'accompagnement",
				type: 'value',
				before: 'Gratuit',
				after: 'Payant'
			}
		]);
	});

	it('compares long texts word by word', () => {
		const [d] = diffContent(
			base,
			{ ...base, shortDescription: 'Accompagne les coopérations rurales du Rhône.' },
			names
		);
		expect(d).toEqual({
			field: 'shortDescription',
			label: 'Description courte',
			type: 'text',
			parts: [
				{ kind: 'same', text: 'Accompagne les coopérations ' },
				{ kind: 'removed', text: 'territoriales' },
				{ kind: 'added', text: 'rurales' },
				{ kind: 'same', text: ' du Rhône.' }
			]
		});
	});

	it('shows lists as labels added and removed, territories by name', () => {
		const diff = diffContent(
			base,
			{
				...base,
				cooperationKinds: ['ptce', 'tiers_lieu'],
				dimensions: ['strategie'],
				territories: [{ kind: 'region', code: '84' }]
			},
			names
		);
		expect(diff).toEqual([
			{
				field: 'territories',
				label: "Territoire d'intervention",
				type: 'list',
				added: ['Auvergne-Rhône-Alpes'],
				removed: ['Rhône (69)']
			},
			{
				field: 'cooperationKinds',
				label: 'Types de coopération accompagnés',
				type: 'list',
				added: ['Tiers-lieu'],
				removed: []
			},
			{
				field: 'dimensions',
				label: 'Dimensions accompagnées',
				type: 'list',
				added: [],
				removed: ['Gouvernance et organisation']
			}
		]);
	});

	it('ignores a list whose order only changed', () => {
		expect(diffContent(base, { ...base, dimensions: ['strategie', 'gouvernance'] }, names)).toEqual(
			[]
		);
	});

	it('shows yes/no fields, the point, and unknown codes as they are', () => {
		const diff = diffContent(
			base,
			{
				...base,
				contactEmailPublic: true,
				lat: 45.5,
				territories: [...base.territories, { kind: 'epci', code: '200046977' }]
			},
			names
		);
		expect(diff.map((d) => d.field)).toEqual(['point', 'territories', 'contactEmailPublic']);
		expect(diff[0]).toMatchObject({ before: '45,76000 ; 4,83000', after: '45,50000 ; 4,83000' });
		expect(diff[1]).toMatchObject({ added: ['EPCI 200046977'], removed: [] });
		expect(diff[2]).toMatchObject({ before: 'Non', after: 'Oui' });
	});

	it('describes a new fiche against nothing: every field it fills', () => {
		const diff = diffContent(null, base, names);
		const fields = diff.map((d) => d.field);
		expect(fields).toContain('name');
		expect(fields).toContain('communeCode');
		expect(fields).not.toContain('acronym');
		expect(diff.find((d) => d.field === 'communeCode')).toMatchObject({
			before: null,
			after: 'Lyon 1er Arrondissement (69)'
		});
	});
});

describe('wordDiff', () => {
	it('handles an empty side', () => {
		expect(wordDiff(null, 'Nouveau texte')).toEqual([{ kind: 'added', text: 'Nouveau texte' }]);
		expect(wordDiff('Ancien', null)).toEqual([{ kind: 'removed', text: 'Ancien' }]);
	});
});

describe('placesOf', () => {
	it('lists each territory and commune once', () => {
		const places = placesOf(base, { ...base, territories: [{ kind: 'region', code: '84' }] });
		expect(places).toEqual([
			{ kind: 'departement', code: '69' },
			{ kind: 'commune', code: '69381' },
			{ kind: 'region', code: '84' }
		]);
	});
});

describe('revisionAuthor', () => {
	it('names the account, or how the revision came without one', () => {
		expect(revisionAuthor({ authorName: 'Camille', note: null })).toBe('Camille');
		expect(revisionAuthor({ authorName: null, note: 'Proposition' })).toBe(
			'Proposition sans compte'
		);
		expect(revisionAuthor({ authorName: null, note: 'Modification' })).toBe('Via le lien privé');
	});
});
