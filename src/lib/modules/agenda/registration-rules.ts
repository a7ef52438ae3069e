/**
 * Registration rules without a database: when registering is possible, where a newcomer goes
 * (confirmed or waiting list), the workshop slots of a programme, and when a reminder is due.
 */

export interface RegistrableEvent {
	status: 'confirme' | 'annule';
	startsAt: Date;
	registrationOpen: boolean;
	registrationDeadline: Date | null;
}

/** Why one cannot register now (French, shown as is), or null when registering is open. */
export function registrationClosedReason(event: RegistrableEvent, now: Date): string | null {
	if (event.status === 'annule') return 'Cet événement est annulé : les inscriptions sont fermées.';
	if (event.startsAt.getTime() <= now.getTime()) {
		return 'Cet événement a déjà commencé : les inscriptions sont fermées.';
	}
	if (!event.registrationOpen) return 'Les inscriptions ne sont pas ouvertes pour cet événement.';
	if (event.registrationDeadline && event.registrationDeadline.getTime() < now.getTime()) {
		return 'La date limite d’inscription est passée.';
	}
	return null;
}

/** Places left, or null when the event has no limit. Never negative. */
export function placesLeft(capacity: number | null, confirmed: number): number | null {
	if (capacity === null) return null;
	return Math.max(0, capacity - confirmed);
}

/** A newcomer is confirmed while places are left, and waits otherwise. */
export function arrivalStatus(
	capacity: number | null,
	confirmed: number
): 'confirmee' | 'liste_attente' {
	return capacity === null || confirmed < capacity ? 'confirmee' : 'liste_attente';
}

/**
 * How many people of the waiting list can be promoted once places free up: as many as there are
 * places left, and no more than are waiting.
 */
export function promotable(capacity: number | null, confirmed: number, waiting: number): number {
	const left = placesLeft(capacity, confirmed);
	return left === null ? waiting : Math.min(left, waiting);
}

export interface ProgrammeItemLike {
	id: string;
	kind: string;
	startsAt: Date;
}

/** Workshops grouped by start time: one choice per slot, slots in time order. */
export function workshopSlots<T extends ProgrammeItemLike>(
	items: T[]
): { startsAt: Date; workshops: T[] }[] {
	const slots = new Map<number, T[]>();
	for (const item of items) {
		if (item.kind !== 'atelier') continue;
		const key = item.startsAt.getTime();
		slots.set(key, [...(slots.get(key) ?? []), item]);
	}
	return [...slots.entries()]
		.sort(([a], [b]) => a - b)
		.map(([key, workshops]) => ({ startsAt: new Date(key), workshops }));
}

/** The reminder goes out the day before: 24 hours before the start. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

export const reminderTime = (startsAt: Date) => new Date(startsAt.getTime() - REMINDER_LEAD_MS);

export interface ReminderCandidate {
	eventStatus: 'confirme' | 'annule';
	startsAt: Date;
	status: 'a_confirmer' | 'confirmee' | 'liste_attente' | 'annulee';
	/** When the person's place was confirmed (registration or promotion). */
	confirmedAt: Date | null;
	remindedAt: Date | null;
}

/**
 * A confirmed registration of a confirmed event is reminded once, from 24 hours before the start
 * until the start. Someone who got their place within those 24 hours has just received the
 * confirmation with the calendar file: no reminder on top.
 */
export function isReminderDue(c: ReminderCandidate, now: Date): boolean {
	if (c.eventStatus !== 'confirme' || c.status !== 'confirmee' || c.remindedAt) return false;
	const from = reminderTime(c.startsAt).getTime();
	if (now.getTime() < from || now.getTime() >= c.startsAt.getTime()) return false;
	return !c.confirmedAt || c.confirmedAt.getTime() < from;
}

export interface GuestInput {
	name: string;
	email: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A guest's name and email, trimmed, or French messages per field. */
export function parseGuest(input: Record<string, unknown>): {
	data?: GuestInput;
	errors: Record<string, string>;
} {
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
	const errors: Record<string, string> = {};
	if (!name) errors.name = 'Indiquez votre nom.';
	else if (name.length > 120) errors.name = 'Le nom ne doit pas dépasser 120 caractères.';
	if (!email) errors.email = 'Indiquez votre adresse email.';
	else if (email.length > 254 || !EMAIL.test(email)) {
		errors.email = 'Cette adresse email n’est pas valide.';
	}
	return Object.keys(errors).length > 0 ? { errors } : { data: { name, email }, errors };
}
