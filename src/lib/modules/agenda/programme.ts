/**
 * The programme of an event: the item form (French messages, times within the event) and the
 * grouping the event page and the carnet de bord show (parallel workshops side by side). Pure.
 */
import { z } from 'zod';
import { localToInstant } from './time';

export const PROGRAMME_KINDS = [
	'accueil',
	'pleniere',
	'atelier',
	'pause',
	'repas',
	'restitution',
	'autre'
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

const optionalText = (max: number, message: string) =>
	z
		.string()
		.trim()
		.max(max, message)
		.optional()
		.transform((v) => v || null);

export const programmeFields = z.object({
	kind: z.enum(PROGRAMME_KINDS, { error: 'Choisissez le type de moment.' }),
	title: z
		.string({ message: 'Indiquez le titre.' })
		.trim()
		.min(1, 'Indiquez le titre.')
		.max(200, 'Le titre ne doit pas dépasser 200 caractères.'),
	description: optionalText(5000, 'La description ne doit pas dépasser 5 000 caractères.'),
	start: z.string({ message: 'Indiquez le début.' }).trim().min(1, 'Indiquez le début.'),
	end: z.string({ message: 'Indiquez la fin.' }).trim().min(1, 'Indiquez la fin.'),
	room: optionalText(200, 'La salle ne doit pas dépasser 200 caractères.'),
	onlineUrl: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine(
			(v) => v === null || /^https?:\/\/[^\s]+$/i.test(v),
			'Le lien doit commencer par https:// ou http://.'
		),
	capacity: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || /^\d{1,6}$/.test(v), 'Le nombre de places doit être un entier.')
		.transform((v) => (v === null ? null : Number(v)))
		.refine((v) => v === null || v >= 1, 'Le nombre de places doit être d’au moins 1.')
});

export interface ProgrammeInput {
	kind: ProgrammeKind;
	title: string;
	description: string | null;
	startsAt: Date;
	endsAt: Date;
	room: string | null;
	onlineUrl: string | null;
	capacity: number | null;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Checks a programme item against its event's times; local times in the event's zone. */
export function parseProgrammeItem(
	raw: unknown,
	event: { startsAt: Date; endsAt: Date; timeZone: string }
): { ok: true; value: ProgrammeInput } | { ok: false; errors: Record<string, string> } {
	const parsed = programmeFields.safeParse(raw);
	const errors: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			errors[String(issue.path[0] ?? 'form')] ??= issue.message;
		}
		return { ok: false, errors };
	}
	const f = parsed.data;
	const start = DATETIME.test(f.start) ? localToInstant(f.start, event.timeZone) : null;
	const end = DATETIME.test(f.end) ? localToInstant(f.end, event.timeZone) : null;
	if (!start) errors.start = 'Le début n’est pas valide (jj/mm/aaaa hh:mm).';
	else if (start < event.startsAt || start >= event.endsAt) {
		errors.start = 'Le début doit être pendant l’événement.';
	}
	if (!end) errors.end = 'La fin n’est pas valide (jj/mm/aaaa hh:mm).';
	else if (start && end <= start) errors.end = 'La fin doit être après le début.';
	else if (end > event.endsAt) errors.end = 'La fin doit être pendant l’événement.';
	if (f.capacity !== null && f.kind !== 'atelier') {
		errors.capacity = 'Seul un atelier a un nombre de places.';
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			kind: f.kind,
			title: f.title,
			description: f.description,
			startsAt: start!,
			endsAt: end!,
			room: f.room,
			onlineUrl: f.onlineUrl,
			capacity: f.capacity
		}
	};
}

export interface TimedItem {
	kind: string;
	startsAt: Date;
	endsAt: Date;
	position: number;
}

/**
 * The programme in time order, one row per moment: workshops starting together form one row
 * (they run in parallel), every other item is a row of its own.
 */
export function groupProgramme<T extends TimedItem>(
	items: T[]
): { startsAt: Date; parallel: boolean; items: T[] }[] {
	const sorted = [...items].sort(
		(a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position
	);
	const rows: { startsAt: Date; parallel: boolean; items: T[] }[] = [];
	for (const item of sorted) {
		const last = rows.at(-1);
		if (
			item.kind === 'atelier' &&
			last?.items[0]?.kind === 'atelier' &&
			last.startsAt.getTime() === item.startsAt.getTime()
		) {
			last.items.push(item);
			last.parallel = true;
			continue;
		}
		rows.push({ startsAt: item.startsAt, parallel: false, items: [item] });
	}
	return rows;
}
