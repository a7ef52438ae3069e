/**
 * The attendance form read into plain input (no database): the duration, the people ticked with
 * their bénévole / salarié·e choice and own time, and the guests typed by name. Field names:
 * `present:<key>` (a ticked person), `kind:<key>`, `minutes:<key>`, `guestName:<n>`,
 * `guestKind:<n>`, `guestMinutes:<n>`.
 */
import { ValidationError } from '../../server/errors';
import { parseDuration, parseOverride } from './hours';

export type TimeKind = 'benevole' | 'salarie';

export interface AttendeeInput {
	key: string;
	timeKind: TimeKind;
	minutes: number | null;
}
export interface GuestInput {
	name: string;
	timeKind: TimeKind;
	minutes: number | null;
}
export interface AttendanceInput {
	durationMinutes: number;
	attendees: AttendeeInput[];
	guests: GuestInput[];
}

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const kindOf = (v: string): TimeKind | null => (v === 'benevole' || v === 'salarie' ? v : null);

/** Checks every field at once; a French message per wrong field. */
export function readAttendanceForm(raw: Raw): AttendanceInput {
	const errors: Record<string, string> = {};
	const duration = parseDuration(one(raw.durationHours), one(raw.durationMinutes));
	if ('error' in duration) errors.duration = duration.error;
	const total = 'minutes' in duration ? duration.minutes : Infinity;
	const own = (field: string, value: string) => {
		const parsed = parseOverride(value);
		if ('error' in parsed) errors[field] = parsed.error;
		else if (parsed.minutes !== null && parsed.minutes > total) {
			errors[field] = 'Le temps de présence ne peut pas dépasser la durée de la réunion.';
		} else return parsed.minutes;
		return null;
	};
	const present = Object.keys(raw)
		.filter((k) => k.startsWith('present:') && one(raw[k]))
		.map((k) => k.slice('present:'.length));
	const attendees = present.map((key) => {
		const timeKind = kindOf(one(raw[`kind:${key}`]));
		if (!timeKind) errors[`kind:${key}`] = 'Choisissez bénévole ou salarié·e.';
		return {
			key,
			timeKind: timeKind ?? 'salarie',
			minutes: own(`minutes:${key}`, one(raw[`minutes:${key}`]))
		};
	});
	const guests: GuestInput[] = [];
	const indexes = Object.keys(raw)
		.map((k) => /^guestName:(\d{1,3})$/.exec(k)?.[1])
		.filter((n): n is string => !!n)
		.sort((a, b) => Number(a) - Number(b));
	for (const n of indexes) {
		const name = one(raw[`guestName:${n}`]).trim();
		if (!name) continue;
		if (name.length > 200) errors[`guestName:${n}`] = 'Le nom ne doit pas dépasser 200 caractères.';
		const timeKind = kindOf(one(raw[`guestKind:${n}`]));
		if (!timeKind) errors[`guestKind:${n}`] = 'Choisissez bénévole ou salarié·e.';
		const minutes = own(`guestMinutes:${n}`, one(raw[`guestMinutes:${n}`]));
		guests.push({ name, timeKind: timeKind ?? 'salarie', minutes });
	}
	if (!attendees.length && !guests.length && !errors.duration) {
		errors.present = 'Cochez au moins une personne présente ou ajoutez un·e invité·e.';
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
	return { durationMinutes: total, attendees, guests };
}
