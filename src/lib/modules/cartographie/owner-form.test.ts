import { describe, expect, it } from 'vitest';
import { contentOf } from './content.server';
import { contentToForm } from './owner-form';

describe('contentToForm', () => {
	it('gives the form the values the proposal would have sent', () => {
		const content = contentOf({
			name: 'Coopérer',
			shortDescription: 'Courte.',
			communeCode: '69266',
			lat: 45.77,
			lon: 4.88,
			national: false,
			cooperationKinds: ['ptce'],
			dimensions: [],
			modalities: [],
			stages: ['emergence'],
			contactEmail: 'a@exemple.fr',
			contactEmailPublic: true,
			contactWebsitePublic: false,
			territories: [
				{ kind: 'commune', code: '69123' },
				{ kind: 'epci', code: '200046977' },
				{ kind: 'departement', code: '01' },
				{ kind: 'region', code: '84' }
			]
		});
		const form = contentToForm(content, { nom: 'Villeurbanne', departement: { code: '69' } });
		expect(form.values).toMatchObject({
			name: 'Coopérer',
			acronym: '',
			commune: 'Villeurbanne (69)',
			lat: '45.77',
			lon: '4.88',
			contactEmail: 'a@exemple.fr',
			contactEmailPublic: 'on'
		});
		expect(form.values.national).toBeUndefined();
		expect(form.values.contactWebsitePublic).toBeUndefined();
		expect(form.lists).toEqual({
			cooperationKinds: ['ptce'],
			dimensions: [],
			modalities: [],
			stages: ['emergence'],
			departements: ['01'],
			regions: ['84'],
			territories: ['epci:200046977', 'commune:69123']
		});
	});

	it('leaves the point empty when the content has none', () => {
		const form = contentToForm(contentOf({ territories: [] }), null);
		expect(form.values).toMatchObject({ commune: '', lat: '', lon: '' });
	});
});
