import { describe, expect, it } from 'vitest';
import { parseEventInput } from './schemas';

const base = {
	kind: 'copil',
	title: 'Comité de pilotage',
	start: '2025-03-12T18:00',
	end: '2025-03-12T20:00',
	visibility: 'public'
};
const errorsOf = (raw: Record<string, unknown>) => {
	const r = parseEventInput({ ...base, ...raw });
	return r.ok ? {} : r.errors;
};

describe('parseEventInput', () => {
	it('reads a valid event with instants in Paris time', () => {
		const r = parseEventInput({
			...base,
			capacity: '20',
			registrationDeadline: '2025-03-10T12:00',
			rrule: 'freq=monthly;byday=2we'
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.startsAt.toISOString()).toBe('2025-03-12T17:00:00.000Z');
		expect(r.value.capacity).toBe(20);
		expect(r.value.rrule).toBe('FREQ=MONTHLY;BYDAY=2WE');
		expect(r.value.timeZone).toBe('Europe/Paris');
	});

	it('stores an all-day end as the next midnight', () => {
		const r = parseEventInput({ ...base, allDay: 'on', start: '2025-10-25', end: '2025-10-26' });
		expect(r.ok && r.value.endsAt.toISOString()).toBe('2025-10-26T23:00:00.000Z');
	});

	it('says in French what is wrong', () => {
		expect(errorsOf({ end: '2025-03-12T17:00' }).end).toBe('La fin doit être après le début.');
		expect(errorsOf({ allDay: 'on', start: '2025-03-12', end: '2025-03-11' }).end).toBe(
			'Le dernier jour ne peut pas précéder le premier.'
		);
		expect(errorsOf({ start: '12/03/2025 18:00' }).start).toContain('n’est pas valide');
		expect(errorsOf({ timeZone: 'Europe/Atlantis' }).timeZone).toBe(
			'Ce fuseau horaire est inconnu (exemple : Europe/Paris).'
		);
		expect(errorsOf({ rrule: 'FREQ=NEVER' }).rrule).toContain('n’est pas valide');
		expect(errorsOf({ rrule: 'BYDAY=MO' }).rrule).toContain('fréquence');
		expect(errorsOf({ registrationDeadline: '2025-03-13T09:00' }).registrationDeadline).toBe(
			'La date limite d’inscription doit précéder le début.'
		);
		expect(errorsOf({ capacity: '0' }).capacity).toBe(
			'Le nombre de places doit être d’au moins 1.'
		);
		expect(errorsOf({ capacity: 'douze' }).capacity).toBe(
			'Le nombre de places doit être un nombre entier.'
		);
		expect(errorsOf({ title: '  ' }).title).toBe('Indiquez le titre de l’événement.');
		expect(errorsOf({ kind: 'fete' }).kind).toBe('Choisissez le type d’événement.');
		expect(errorsOf({ onlineUrl: 'visio.example.org' }).onlineUrl).toContain('https://');
		expect(errorsOf({ visibility: 'space' }).visibility).toContain('espace organisateur');
	});
});

describe('parseEventInput with the repetition list', () => {
	const valueOf = (raw: Record<string, unknown>) => {
		const r = parseEventInput({ ...base, ...raw });
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		return r.value;
	};
	it('builds the rule from the choice and the start day, ignoring a leftover typed rule', () => {
		expect(valueOf({ repeat: 'monthly-nth', rrule: 'FREQ=DAILY' }).rrule).toBe(
			'FREQ=MONTHLY;BYDAY=2WE'
		);
		expect(valueOf({ repeat: 'weekly', repeatUntil: '2030-06-30' }).rrule).toMatch(
			/^FREQ=WEEKLY;UNTIL=20300630/
		);
		expect(valueOf({ repeat: '', rrule: 'FREQ=DAILY' }).rrule).toBeNull();
	});
	it('uses the typed rule for a custom choice, and asks for one when empty', () => {
		expect(valueOf({ repeat: 'custom', rrule: 'FREQ=WEEKLY;COUNT=3' }).rrule).toBe(
			'FREQ=WEEKLY;COUNT=3'
		);
		expect(errorsOf({ repeat: 'custom' }).rrule).toBe('Indiquez la règle de répétition.');
	});
	it('refuses an end of repetition before the start, next to its field', () => {
		expect(errorsOf({ repeat: 'weekly', repeatUntil: '2025-01-01' }).repeatUntil).toBe(
			'La fin de la répétition ne peut pas précéder le début.'
		);
		expect(errorsOf({ repeat: 'sometimes' }).repeat).toBe('Choisissez une répétition de la liste.');
	});
});
