import { describe, expect, it } from 'vitest';
import { groupProgramme, parseProgrammeItem } from './programme';

const event = {
	startsAt: new Date('2023-10-13T07:00:00Z'),
	endsAt: new Date('2023-10-13T15:00:00Z'),
	timeZone: 'Europe/Paris'
};
const item = (over: Record<string, string> = {}) => ({
	kind: 'atelier',
	title: 'Atelier mobilité',
	start: '2023-10-13T14:00',
	end: '2023-10-13T15:30',
	...over
});

describe('parseProgrammeItem', () => {
	it('reads an item within the event in its time zone', () => {
		const r = parseProgrammeItem(item({ capacity: '15', room: 'Salle 2' }), event);
		expect(r.ok && r.value.startsAt.toISOString()).toBe('2023-10-13T12:00:00.000Z');
		expect(r.ok && r.value.capacity).toBe(15);
	});

	it('refuses items outside the event, ending before they start, or with places when not a workshop', () => {
		const errs = (raw: Record<string, string>) => {
			const r = parseProgrammeItem(item(raw), event);
			return r.ok ? {} : r.errors;
		};
		expect(errs({ start: '2023-10-13T08:00' }).start).toBe(
			'Le début doit être pendant l’événement.'
		);
		expect(errs({ end: '2023-10-13T18:00' }).end).toBe('La fin doit être pendant l’événement.');
		expect(errs({ end: '2023-10-13T13:00' }).end).toBe('La fin doit être après le début.');
		expect(errs({ kind: 'repas', capacity: '10' }).capacity).toBe(
			'Seul un atelier a un nombre de places.'
		);
		expect(errs({ start: 'demain' }).start).toContain('n’est pas valide');
	});
});

describe('groupProgramme', () => {
	it('puts workshops starting together in one parallel row, in time order', () => {
		const at = (h: number) => new Date(Date.UTC(2023, 9, 13, h));
		const rows = groupProgramme([
			{ id: 'c', kind: 'atelier', startsAt: at(12), endsAt: at(13), position: 1 },
			{ id: 'a', kind: 'accueil', startsAt: at(7), endsAt: at(8), position: 0 },
			{ id: 'b', kind: 'atelier', startsAt: at(12), endsAt: at(13), position: 0 },
			{ id: 'd', kind: 'restitution', startsAt: at(12), endsAt: at(13), position: 2 },
			{ id: 'e', kind: 'atelier', startsAt: at(13), endsAt: at(14), position: 0 }
		]);
		expect(rows.map((r) => [r.parallel, r.items.map((i) => i.id)])).toEqual([
			[false, ['a']],
			[true, ['b', 'c']],
			[false, ['d']],
			[false, ['e']]
		]);
	});
});
