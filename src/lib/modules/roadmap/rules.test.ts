import { describe, expect, it } from 'vitest';
import {
	actionInput,
	canChangeStatus,
	describeChanges,
	diffAction,
	moved,
	nextDoneAt,
	parseFilters,
	progressOf,
	type ActionValues
} from './rules';
import { validate } from '../../server/forms';
import { ValidationError } from '../../server/errors';

describe('status changes', () => {
	it('allows any change but staying put', () => {
		expect(canChangeStatus('a_faire', 'fait')).toBe(true);
		expect(canChangeStatus('fait', 'en_cours')).toBe(true);
		expect(canChangeStatus('abandonnee', 'a_faire')).toBe(true);
		expect(canChangeStatus('en_cours', 'en_cours')).toBe(false);
	});

	it('sets done_at on becoming done, keeps it while done, clears it on leaving', () => {
		const now = new Date('2025-04-10T10:00:00Z');
		const before = new Date('2025-01-01T10:00:00Z');
		expect(nextDoneAt('en_cours', 'fait', null, now)).toEqual(now);
		expect(nextDoneAt('fait', 'fait', before, now)).toEqual(before);
		expect(nextDoneAt('fait', 'en_cours', before, now)).toBeNull();
	});
});

describe('progress', () => {
	it('counts done actions over all but abandoned ones', () => {
		const p = progressOf(['fait', 'fait', 'en_cours', 'abandonnee', 'a_faire']);
		expect(p).toMatchObject({ done: 2, total: 4, percent: 50 });
		expect(p.label).toBe('2 actions faites sur 4');
	});

	it('speaks in the singular and of an empty objective', () => {
		expect(progressOf(['fait', 'a_faire', 'a_faire']).label).toBe('1 action faite sur 3');
		expect(progressOf(['abandonnee'])).toMatchObject({ total: 0, percent: 0 });
		expect(progressOf([]).label).toBe('Aucune action à mener pour le moment');
	});
});

describe('history in French', () => {
	const base: ActionValues = {
		title: 'Écrire la note',
		description: null,
		status: 'a_faire',
		dueDate: null,
		objectiveId: 'o1',
		ownerIds: ['u1'],
		productionIds: []
	};
	const names = (kind: string, id: string) => `${kind}:${id}`;

	it('describes each changed field from → to', () => {
		const changes = diffAction(
			base,
			{
				...base,
				title: 'Écrire la note de synthèse',
				status: 'fait',
				dueDate: '2025-04-10',
				ownerIds: ['u1', 'u2']
			},
			names
		);
		expect(describeChanges(changes)).toEqual([
			'Titre : « Écrire la note » → « Écrire la note de synthèse »',
			'Statut : À faire → Fait',
			'Échéance : (aucune) → 10 avril 2025',
			'Responsables : owner:u1 → owner:u1, owner:u2'
		]);
	});

	it('finds nothing when only the order of owners changed', () => {
		const a = { ...base, ownerIds: ['u1', 'u2'] };
		expect(diffAction(a, { ...a, ownerIds: ['u2', 'u1'] }, names)).toEqual({});
	});

	it('names a creation, a description and a moved objective', () => {
		expect(describeChanges({ created: true })).toEqual(['Action créée']);
		const changes = diffAction(base, { ...base, description: 'Texte', objectiveId: 'o2' }, names);
		expect(describeChanges(changes)).toEqual([
			'Description ajoutée',
			'Objectif : « objective:o1 » → « objective:o2 »'
		]);
	});
});

describe('action form', () => {
	it('keeps lists of owners and checks the due date', () => {
		const v = validate(actionInput, {
			title: ' Un titre ',
			objectiveId: 'o1',
			ownerIds: 'u1',
			productionIds: ['p1', 'p2'],
			dueDate: ''
		});
		expect(v).toMatchObject({ title: 'Un titre', ownerIds: ['u1'], dueDate: null });
		expect(v.productionIds).toEqual(['p1', 'p2']);
		expect(() => validate(actionInput, { title: '', objectiveId: 'o1', dueDate: '10/04' })).toThrow(
			ValidationError
		);
		try {
			validate(actionInput, { title: '', objectiveId: 'o1', dueDate: '2025-13-45' });
		} catch (e) {
			expect((e as ValidationError).fields).toMatchObject({
				title: 'Indiquez le titre de l’action.',
				dueDate: 'Indiquez une date valide (jj/mm/aaaa).'
			});
		}
	});
});

describe('filters and order', () => {
	it('reads known filters only', () => {
		expect(parseFilters(new URLSearchParams('statut=fait&responsable=nimporte'))).toEqual({
			status: 'fait',
			owner: null
		});
		const id = '00000000-0000-4000-8000-000000000001';
		expect(parseFilters(new URLSearchParams(`statut=x&responsable=${id}`))).toEqual({
			status: null,
			owner: id
		});
	});

	it('moves one place and never past the ends', () => {
		expect(moved(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
		expect(moved(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
		expect(moved(['a', 'b'], 'a', 'up')).toEqual(['a', 'b']);
		expect(moved(['a', 'b'], 'z', 'down')).toEqual(['a', 'b']);
	});
});
