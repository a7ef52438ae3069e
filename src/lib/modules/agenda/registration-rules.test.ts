import { describe, expect, it } from 'vitest';
import {
	arrivalStatus,
	isReminderDue,
	parseGuest,
	placesLeft,
	promotable,
	registrationClosedReason,
	reminderTime,
	workshopSlots,
	type RegistrableEvent
} from './registration-rules';

const now = new Date('2025-03-10T09:00:00Z');
const open: RegistrableEvent = {
	status: 'confirme',
	startsAt: new Date('2025-03-27T13:00:00Z'),
	registrationOpen: true,
	registrationDeadline: new Date('2025-03-20T22:59:00Z')
};

describe('registrationClosedReason', () => {
	it('is open before the deadline of a confirmed future event', () => {
		expect(registrationClosedReason(open, now)).toBeNull();
		expect(registrationClosedReason({ ...open, registrationDeadline: null }, now)).toBeNull();
		// The deadline minute itself still accepts.
		expect(registrationClosedReason(open, open.registrationDeadline!)).toBeNull();
	});

	it('gives a French reason for each closed case', () => {
		expect(registrationClosedReason({ ...open, status: 'annule' }, now)).toMatch(/annulé/);
		expect(registrationClosedReason(open, open.startsAt)).toMatch(/déjà commencé/);
		expect(registrationClosedReason({ ...open, registrationOpen: false }, now)).toMatch(
			/pas ouvertes/
		);
		const after = new Date(open.registrationDeadline!.getTime() + 60_000);
		expect(registrationClosedReason(open, after)).toMatch(/date limite/);
	});
});

describe('places', () => {
	it('counts places left, never below zero, none for an unlimited event', () => {
		expect(placesLeft(10, 3)).toBe(7);
		expect(placesLeft(10, 12)).toBe(0);
		expect(placesLeft(null, 500)).toBeNull();
	});

	it('confirms while places are left, then queues', () => {
		expect(arrivalStatus(2, 1)).toBe('confirmee');
		expect(arrivalStatus(2, 2)).toBe('liste_attente');
		expect(arrivalStatus(null, 1000)).toBe('confirmee');
		expect(arrivalStatus(0, 0)).toBe('liste_attente');
	});

	it('promotes as many as places left, within the waiting list', () => {
		expect(promotable(10, 9, 5)).toBe(1);
		expect(promotable(10, 5, 2)).toBe(2);
		expect(promotable(10, 10, 4)).toBe(0);
		expect(promotable(null, 10, 4)).toBe(4);
	});
});

describe('workshopSlots', () => {
	it('groups workshops by start time in time order and leaves other items out', () => {
		const at = (h: number) => new Date(Date.UTC(2024, 9, 2, h));
		const slots = workshopSlots([
			{ id: 'b2', kind: 'atelier', startsAt: at(14) },
			{ id: 'p', kind: 'pleniere', startsAt: at(9) },
			{ id: 'a1', kind: 'atelier', startsAt: at(10) },
			{ id: 'a2', kind: 'atelier', startsAt: at(10) },
			{ id: 'l', kind: 'repas', startsAt: at(12) }
		]);
		expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
			at(10).toISOString(),
			at(14).toISOString()
		]);
		expect(slots.map((s) => s.workshops.map((w) => w.id))).toEqual([['a1', 'a2'], ['b2']]);
	});
});

describe('isReminderDue', () => {
	const startsAt = new Date('2025-03-27T13:00:00Z');
	const base = {
		eventStatus: 'confirme' as const,
		startsAt,
		status: 'confirmee' as const,
		confirmedAt: new Date('2025-03-01T10:00:00Z'),
		remindedAt: null
	};
	const from = reminderTime(startsAt);

	it('is due from 24 hours before the start until the start', () => {
		expect(from.toISOString()).toBe('2025-03-26T13:00:00.000Z');
		expect(isReminderDue(base, new Date(from.getTime() - 1))).toBe(false);
		expect(isReminderDue(base, from)).toBe(true);
		expect(isReminderDue(base, new Date(startsAt.getTime() - 1))).toBe(true);
		expect(isReminderDue(base, startsAt)).toBe(false);
	});

	it('never twice, never for a cancelled event or a registration not confirmed', () => {
		expect(isReminderDue({ ...base, remindedAt: from }, from)).toBe(false);
		expect(isReminderDue({ ...base, eventStatus: 'annule' }, from)).toBe(false);
		expect(isReminderDue({ ...base, status: 'liste_attente' }, from)).toBe(false);
		expect(isReminderDue({ ...base, status: 'annulee' }, from)).toBe(false);
		expect(isReminderDue({ ...base, status: 'a_confirmer' }, from)).toBe(false);
	});

	it('skips a place got within the last 24 hours (the confirmation was just sent)', () => {
		const late = new Date(from.getTime() + 60_000);
		expect(isReminderDue({ ...base, confirmedAt: late }, late)).toBe(false);
	});
});

describe('parseGuest', () => {
	it('trims the name and lower-cases the email', () => {
		expect(parseGuest({ name: '  Léa Martin ', email: ' Lea@Example.ORG ' }).data).toEqual({
			name: 'Léa Martin',
			email: 'lea@example.org'
		});
	});

	it('gives French messages per field', () => {
		expect(parseGuest({}).errors).toEqual({
			name: 'Indiquez votre nom.',
			email: 'Indiquez votre adresse email.'
		});
		expect(parseGuest({ name: 'x', email: 'pas-une-adresse' }).errors.email).toMatch(/valide/);
		expect(parseGuest({ name: 'x'.repeat(121), email: 'a@b.fr' }).errors.name).toMatch(/120/);
	});
});
