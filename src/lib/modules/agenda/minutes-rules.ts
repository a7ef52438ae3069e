/** Checks of the minutes' forms (no database). */
import { z } from 'zod';

export const MINUTES_MAX = 50_000;

export const minutesInput = z.object({
	minutes: z
		.string()
		.max(MINUTES_MAX, 'Le compte-rendu ne doit pas dépasser 50 000 caractères.')
		.optional()
		.transform((v) => v?.trim() || null)
});

export const minutesItemInput = z.object({
	kind: z.enum(['decision', 'action'], { error: 'Choisissez décision ou action.' }),
	text: z
		.string({ error: 'Indiquez le texte.' })
		.trim()
		.min(1, 'Indiquez le texte.')
		.max(300, 'Le texte ne doit pas dépasser 300 caractères.'),
	owner: z
		.string()
		.trim()
		.max(200, 'Le nom ne doit pas dépasser 200 caractères.')
		.optional()
		.transform((v) => v || null),
	dueDate: z
		.string()
		.trim()
		.optional()
		.refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
			message: 'Indiquez une date valide (jj/mm/aaaa).'
		})
		.transform((v) => v || null)
});
export type MinutesItemInput = z.infer<typeof minutesItemInput>;

export const minutesItemKindLabels = { decision: 'Décision', action: 'Action' } as const;
