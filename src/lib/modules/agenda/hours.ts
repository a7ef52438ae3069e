/**
 * Hours given: the time each attendee spent at a meeting, read from the recorded duration or the
 * planned one, and the form's checks on durations (no database).
 */

/** A day-long event counts as a working day, not as 24 hours. */
export const ALL_DAY_MINUTES = 7 * 60;
export const MAX_DURATION_MINUTES = 24 * 60;

/** The planned duration in minutes: end minus start, or 7 h per day for all-day events. */
export function plannedMinutes(startsAt: Date, endsAt: Date, allDay: boolean): number {
	const span = Math.max(0, Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000));
	if (!allDay) return span;
	return Math.max(1, Math.round(span / (24 * 60))) * ALL_DAY_MINUTES;
}

/** One attendee's minutes: their own override, else the recorded duration, else the planned one. */
export function attendeeMinutes(
	override: number | null | undefined,
	recorded: number | null | undefined,
	planned: number
): number {
	return override ?? recorded ?? planned;
}

/** Splits minutes into whole hours and the rest (for the form's two fields). */
export function splitMinutes(total: number): { hours: number; minutes: number } {
	return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** « 2 h », « 2 h 30 », « 45 min ». */
export function formatDuration(total: number): string {
	const { hours, minutes } = splitMinutes(total);
	if (hours === 0) return `${minutes} min`;
	return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')}`;
}

/** Hours, rounded to the unit, from minutes (figures are shown in whole hours). */
export const minutesToHours = (m: number) => Math.round(m / 60);

const INTEGER = /^\d{1,4}$/;

/**
 * The meeting's duration from the form's hours and minutes fields: more than zero, 24 hours at
 * most. Empty fields count as zero.
 */
export function parseDuration(
	hoursRaw: string | null | undefined,
	minutesRaw: string | null | undefined
): { minutes: number } | { error: string } {
	const h = (hoursRaw ?? '').trim() || '0';
	const m = (minutesRaw ?? '').trim() || '0';
	if (!INTEGER.test(h) || !INTEGER.test(m)) {
		return { error: 'Indiquez la durée en heures et minutes (nombres entiers).' };
	}
	if (Number(m) > 59) return { error: 'Les minutes vont de 0 à 59.' };
	const total = Number(h) * 60 + Number(m);
	if (total <= 0) return { error: 'La durée doit être supérieure à zéro.' };
	if (total > MAX_DURATION_MINUTES) return { error: 'La durée ne peut pas dépasser 24 heures.' };
	return { minutes: total };
}

/** A person's own time in minutes, optional: empty means the meeting's duration. */
export function parseOverride(
	raw: string | null | undefined
): { minutes: number | null } | { error: string } {
	const v = (raw ?? '').trim();
	if (!v) return { minutes: null };
	if (!INTEGER.test(v)) return { error: 'Indiquez un temps en minutes (nombre entier).' };
	const n = Number(v);
	if (n <= 0) return { error: 'Le temps de présence doit être supérieur à zéro.' };
	if (n > MAX_DURATION_MINUTES) {
		return { error: 'Le temps de présence ne peut pas dépasser 24 heures.' };
	}
	return { minutes: n };
}
