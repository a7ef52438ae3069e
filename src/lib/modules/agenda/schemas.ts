/**
 * The event form: fields, French messages and the rules across fields (end after start,
 * deadline before the start, known time zone, valid recurrence). Pure, no database.
 */
import { z } from 'zod';
import { EVENT_KINDS, type EventKind } from './labels';
import { DEFAULT_TIME_ZONE, isKnownTimeZone, localToInstant } from './time';
import { parseRrule } from './recurrence';
import { inclusiveUntil, presetRule, REPEAT_CHOICES } from './repeat';

const optionalText = (max: number, message: string) =>
	z
		.string()
		.trim()
		.max(max, message)
		.optional()
		.transform((v) => v || null);

const checkbox = z
	.unknown()
	.optional()
	.transform((v) => v === 'on' || v === 'true' || v === true);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const list = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean));

/** Raw form fields; local times are « YYYY-MM-DDTHH:mm » (all day: « YYYY-MM-DD »). */
export const eventFields = z.object({
	kind: z.enum(EVENT_KINDS, { error: 'Choisissez le type d’événement.' }),
	title: z
		.string({ message: 'Indiquez le titre de l’événement.' })
		.trim()
		.min(1, 'Indiquez le titre de l’événement.')
		.max(200, 'Le titre ne doit pas dépasser 200 caractères.'),
	description: optionalText(20000, 'La description ne doit pas dépasser 20 000 caractères.'),
	allDay: checkbox,
	start: z.string({ message: 'Indiquez le début.' }).trim().min(1, 'Indiquez le début.'),
	end: z.string({ message: 'Indiquez la fin.' }).trim().min(1, 'Indiquez la fin.'),
	timeZone: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || DEFAULT_TIME_ZONE),
	placeName: optionalText(200, 'Le lieu ne doit pas dépasser 200 caractères.'),
	address: optionalText(300, 'L’adresse ne doit pas dépasser 300 caractères.'),
	communeInsee: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine(
			(v) => v === null || /^(\d{5}|2[AB]\d{3})$/.test(v),
			'Choisissez une commune de la liste.'
		),
	onlineUrl: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine(
			(v) => v === null || /^https?:\/\/[^\s]+$/i.test(v),
			'Le lien de visio doit commencer par https:// ou http://.'
		),
	visibility: z.enum(['public', 'members', 'space'], {
		error: 'Choisissez qui peut voir l’événement.'
	}),
	spaceIds: list.refine(
		(ids) => ids.every((id) => UUID.test(id)),
		'Choisissez un espace de la liste.'
	),
	registrationOpen: checkbox,
	capacity: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine(
			(v) => v === null || /^\d{1,6}$/.test(v),
			'Le nombre de places doit être un nombre entier.'
		)
		.transform((v) => (v === null ? null : Number(v)))
		.refine((v) => v === null || v >= 1, 'Le nombre de places doit être d’au moins 1.'),
	registrationDeadline: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null),
	rrule: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null),
	/** A choice of the form's list (repeat.ts); absent, the typed `rrule` is used. */
	repeat: z.enum(REPEAT_CHOICES, { error: 'Choisissez une répétition de la liste.' }).optional(),
	repeatUntil: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
});

export interface EventInput {
	kind: EventKind;
	title: string;
	description: string | null;
	allDay: boolean;
	startsAt: Date;
	/** Exclusive: an all-day event of one day ends at the next midnight. */
	endsAt: Date;
	/** Local start as typed, the series' DTSTART. */
	startLocal: string;
	timeZone: string;
	placeName: string | null;
	address: string | null;
	communeInsee: string | null;
	onlineUrl: string | null;
	visibility: 'public' | 'members' | 'space';
	spaceIds: string[];
	registrationOpen: boolean;
	capacity: number | null;
	registrationDeadline: Date | null;
	rrule: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** Adds one day to a local date « YYYY-MM-DD ». */
function nextDay(day: string): string {
	const d = new Date(`${day}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/**
 * Checks an event form. Returns the input with instants, or one French message per field
 * (keys are the form's field names).
 */
export function parseEventInput(
	raw: unknown
): { ok: true; value: EventInput } | { ok: false; errors: Record<string, string> } {
	const parsed = eventFields.safeParse(raw);
	const errors: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			errors[String(issue.path[0] ?? 'form')] ??= issue.message;
		}
		return { ok: false, errors };
	}
	const f = parsed.data;
	if (!isKnownTimeZone(f.timeZone)) {
		return {
			ok: false,
			errors: { timeZone: 'Ce fuseau horaire est inconnu (exemple : Europe/Paris).' }
		};
	}
	const shape = f.allDay ? DAY : DATETIME;
	const fmt = f.allDay ? 'jj/mm/aaaa' : 'jj/mm/aaaa hh:mm';
	const start = shape.test(f.start) ? localToInstant(f.start, f.timeZone) : null;
	if (!start) errors.start = `La date de début n’est pas valide (${fmt}).`;
	// All day, the form's end is the last day (inclusive); stored exclusive.
	const endLocal = f.allDay && DAY.test(f.end) ? nextDay(f.end) : f.end;
	const end = shape.test(f.end) ? localToInstant(endLocal, f.timeZone) : null;
	if (!end) errors.end = `La date de fin n’est pas valide (${fmt}).`;
	if (start && end && end <= start) {
		errors.end = f.allDay
			? 'Le dernier jour ne peut pas précéder le premier.'
			: 'La fin doit être après le début.';
	}
	let deadline: Date | null = null;
	if (f.registrationDeadline) {
		deadline = DATETIME.test(f.registrationDeadline)
			? localToInstant(f.registrationDeadline, f.timeZone)
			: null;
		if (!deadline) errors.registrationDeadline = 'La date limite d’inscription n’est pas valide.';
		else if (start && deadline > start) {
			errors.registrationDeadline = 'La date limite d’inscription doit précéder le début.';
		}
	}
	const ruleText = repeatRule(f, errors);
	let rrule: string | null = null;
	if (ruleText !== null) {
		const r = parseRrule(inclusiveUntil(ruleText, f.allDay, f.timeZone));
		if ('error' in r) errors.rrule = r.error;
		else rrule = r.rule;
	}
	if (f.visibility === 'space' && f.spaceIds.length === 0) {
		errors.visibility =
			'Un événement réservé aux membres d’un espace doit avoir un espace organisateur.';
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			kind: f.kind,
			title: f.title,
			description: f.description,
			allDay: f.allDay,
			startsAt: start!,
			endsAt: end!,
			startLocal: f.start,
			timeZone: f.timeZone,
			placeName: f.placeName,
			address: f.address,
			communeInsee: f.communeInsee,
			onlineUrl: f.onlineUrl,
			visibility: f.visibility,
			spaceIds: [...new Set(f.spaceIds)],
			registrationOpen: f.registrationOpen,
			capacity: f.capacity,
			registrationDeadline: deadline,
			rrule
		}
	};
}

/**
 * The rule the form asks for: a preset built from the start day (with its optional end day),
 * the typed rule for "custom" or when the form has no choice list, none for "Ne se répète pas".
 */
function repeatRule(
	f: Pick<z.infer<typeof eventFields>, 'repeat' | 'repeatUntil' | 'rrule' | 'start' | 'timeZone'>,
	errors: Record<string, string>
): string | null {
	if (f.repeat === undefined) return f.rrule;
	if (f.repeat === 'custom') return f.rrule ?? '';
	if (f.repeat === '') return null;
	const startDay = f.start.slice(0, 10);
	if (f.repeatUntil && (!DAY.test(f.repeatUntil) || f.repeatUntil < startDay)) {
		errors.repeatUntil = DAY.test(f.repeatUntil)
			? 'La fin de la répétition ne peut pas précéder le début.'
			: 'La date de fin de la répétition n’est pas valide (jj/mm/aaaa).';
		return null;
	}
	return presetRule(f.repeat, f.start, f.repeatUntil, f.timeZone);
}
