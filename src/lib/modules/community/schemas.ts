import { z } from 'zod';
import { structureKindLabels } from './rules';

const kinds = Object.keys(structureKindLabels) as [
	keyof typeof structureKindLabels,
	...(keyof typeof structureKindLabels)[]
];

const optional = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, `${label} ne doit pas dépasser ${max} caractères.`)
		.optional()
		.transform((v) => (v ? v : null));

export const structureSchema = z.object({
	name: z
		.string({ error: 'Indiquez le nom.' })
		.trim()
		.min(2, 'Indiquez le nom (au moins 2 caractères).')
		.max(160, 'Nom trop long (160 caractères au plus).'),
	acronym: optional(30, 'Le sigle'),
	kind: z.enum(kinds, { error: 'Choisissez un type de structure.' }),
	description: optional(2000, 'La description'),
	website: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v : null))
		.pipe(
			z
				.url({
					protocol: /^https?$/,
					error: 'Adresse web invalide (exemple : https://exemple.fr).'
				})
				.nullable()
		),
	region: optional(80, 'La région')
});

export type StructureInput = z.infer<typeof structureSchema>;

export const searchSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	type: z.enum(kinds).optional().catch(undefined),
	region: z.string().trim().max(80).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export type StructureSearch = z.infer<typeof searchSchema>;
