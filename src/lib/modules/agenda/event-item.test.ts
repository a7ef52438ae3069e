import { describe, expect, it } from 'vitest';
import { formatWhen, formatWhere } from './event-item';

const at = (iso: string) => new Date(iso);

describe('when an event takes place, in French and Paris time', () => {
	it('gives the day and both times of a meeting', () => {
		expect(
			formatWhen({
				startsAt: at('2025-03-12T17:00:00Z'),
				endsAt: at('2025-03-12T19:00:00Z'),
				allDay: false
			})
		).toBe('mercredi 12 mars 2025, 18:00 – 20:00');
	});

	it('reads summer time after the March change', () => {
		expect(
			formatWhen({
				startsAt: at('2025-03-31T16:00:00Z'),
				endsAt: at('2025-03-31T18:00:00Z'),
				allDay: false
			})
		).toBe('lundi 31 mars 2025, 18:00 – 20:00');
	});

	it('spans days from start to end', () => {
		expect(
			formatWhen({
				startsAt: at('2025-10-25T08:00:00Z'),
				endsAt: at('2025-10-27T15:00:00Z'),
				allDay: false
			})
		).toBe('du samedi 25 octobre à 10:00 au lundi 27 octobre 2025 à 16:00');
	});

	it('says « toute la journée », and gives the last day of an all-day span', () => {
		expect(
			formatWhen({
				startsAt: at('2024-10-01T22:00:00Z'),
				endsAt: at('2024-10-02T22:00:00Z'),
				allDay: true
			})
		).toBe('mercredi 2 octobre 2024 (toute la journée)');
		expect(
			formatWhen({
				startsAt: at('2025-03-28T23:00:00Z'),
				endsAt: at('2025-03-30T22:00:00Z'),
				allDay: true
			})
		).toBe('du samedi 29 mars au dimanche 30 mars 2025');
	});
});

describe('where an event takes place', () => {
	const none = { placeName: null, address: null, commune: null, onlineUrl: null };
	it('names the place and commune, online, or both', () => {
		expect(formatWhere({ ...none, placeName: 'Salle des fêtes', commune: 'Dieulefit' })).toBe(
			'Salle des fêtes, Dieulefit'
		);
		expect(formatWhere({ ...none, address: '2 rue Haute' })).toBe('2 rue Haute');
		expect(formatWhere({ ...none, onlineUrl: 'https://visio.example.org/a' })).toBe('En ligne');
		expect(
			formatWhere({ ...none, commune: 'Crest', onlineUrl: 'https://visio.example.org/a' })
		).toBe('Crest et en ligne');
		expect(formatWhere(none)).toBeNull();
	});
});
