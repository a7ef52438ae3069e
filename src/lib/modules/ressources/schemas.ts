/**
 * The resource form: fields and French messages. Pure, no database. The file itself is checked
 * while it streams (server/uploads), not here.
 */
import { z } from 'zod';
import { LANGUAGES, LICENCES, RESOURCE_KINDS, THEMES, DEFAULT_LICENCE } from './labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const list = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean));

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/**
 * Tags typed as one text, separated by commas or semicolons: trimmed, inner spaces collapsed,
 * duplicates dropped without regard to case or accents (the first spelling wins).
 */
export function parseTags(input: string): string[] {
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const raw of input.split(/[,;\n]/)) {
		const tag = raw.trim().replace(/\s+/g, ' ');
		if (!tag) continue;
		const key = tag.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
		if (seen.has(key)) continue;
		seen.add(key);
		tags.push(tag);
	}
	return tags;
}

/** Authors typed one per line; a line may name a member or a structure (matched by the service). */
export function parseAuthors(input: string): string[] {
	return [
		...new Set(
			input
				.split('\n')
				.map((l) => l.trim().replace(/\s+/g, ' '))
				.filter(Boolean)
		)
	];
}

export const resourceFields = z.object({
	title: z
		.string({ message: 'Indiquez le titre de la ressource.' })
		.trim()
		.min(3, 'Le titre doit compter au moins 3 caractères.')
		.max(200, 'Le titre ne doit pas dépasser 200 caractères.'),
	kind: z.enum(RESOURCE_KINDS, { error: 'Choisissez le type de ressource.' }),
	description: z
		.string()
		.trim()
		.max(20000, 'La description ne doit pas dépasser 20 000 caractères.')
		.optional()
		.transform((v) => v ?? ''),
	authors: z
		.string()
		.optional()
		.transform((v) => parseAuthors(v ?? ''))
		.refine((a) => a.length <= 30, 'Indiquez au plus 30 auteur·rice·s.')
		.refine((a) => a.every((n) => n.length <= 200), 'Un nom ne doit pas dépasser 200 caractères.'),
	publishedOn: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine(
			(v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(`${v}T00:00:00Z`))),
			'Indiquez une date valide (jj/mm/aaaa).'
		),
	themes: list.pipe(z.array(z.enum(THEMES, { error: 'Choisissez des thèmes de la liste.' }))),
	tags: z
		.string()
		.optional()
		.transform((v) => parseTags(v ?? ''))
		.refine((t) => t.length <= MAX_TAGS, `Indiquez au plus ${MAX_TAGS} mots-clés.`)
		.refine(
			(t) => t.every((tag) => tag.length <= MAX_TAG_LENGTH),
			`Un mot-clé ne doit pas dépasser ${MAX_TAG_LENGTH} caractères.`
		),
	spaceIds: list.refine((ids) => ids.every((id) => UUID.test(id)), 'Espace inconnu.'),
	productionIds: list.refine((ids) => ids.every((id) => UUID.test(id)), 'Production inconnue.'),
	externalUrl: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine(
			(v) => v === null || (/^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v)),
			'Indiquez une adresse web complète, commençant par https://'
		)
		.refine((v) => v === null || v.length <= 2000, 'L’adresse est trop longue.'),
	licence: z
		.enum(LICENCES, { error: 'Choisissez une licence de la liste.' })
		.optional()
		.transform((v) => v ?? DEFAULT_LICENCE),
	language: z
		.enum(LANGUAGES, { error: 'Choisissez une langue de la liste.' })
		.optional()
		.transform((v) => v ?? 'fr'),
	visibility: z.enum(['public', 'members', 'space'], {
		error: 'Choisissez qui peut voir la ressource.'
	})
});

export type ResourceInput = z.infer<typeof resourceFields>;

/** Rules across fields: "space" visibility needs a linked space. */
export const resourceSchema = resourceFields.superRefine((v, ctx) => {
	if (v.visibility === 'space' && v.spaceIds.length === 0) {
		ctx.addIssue({
			code: 'custom',
			path: ['spaceIds'],
			message: 'Choisissez au moins un espace pour une ressource réservée à ses membres.'
		});
	}
});
