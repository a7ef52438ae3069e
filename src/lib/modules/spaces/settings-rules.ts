/**
 * Pure rules of a space's settings: its address (slug) and the fields of the creation and
 * settings forms, with French messages.
 */
import { z } from 'zod';

export const SLUG_MAX = 60;

/** Addresses taken by the routes under /chantiers, never a space's. */
export const RESERVED_SLUGS = ['nouveau', 'nouvelle', 'parametres', 'rejoindre', 'membres'];

export const visibilityLabels = {
	public: 'Tout le monde (public)',
	members: 'Les membres de la plateforme',
	space: "Les membres de l'espace seulement"
} as const;
export type DetailsVisibility = keyof typeof visibilityLabels;

/** A space's address from its title: « Chantier n°6 : l'été » → « chantier-n-6-l-ete ». */
export function slugFromTitle(title: string): string {
	return title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+/, '')
		.slice(0, SLUG_MAX)
		.replace(/-+$/, '');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why an address cannot be used, or null when it can (uniqueness is checked by the service). */
export function slugProblem(slug: string): string | null {
	if (!slug) return 'Indiquez l’adresse de l’espace.';
	if (slug.length > SLUG_MAX) return `L’adresse ne doit pas dépasser ${SLUG_MAX} caractères.`;
	if (!SLUG.test(slug)) {
		return 'L’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets.';
	}
	if (RESERVED_SLUGS.includes(slug)) return 'Cette adresse est réservée : choisissez-en une autre.';
	return null;
}

const optionalText = (max: number, message: string) =>
	z
		.string()
		.trim()
		.max(max, message)
		.optional()
		.transform((v) => v || null);

/** A checkbox: present (« on ») means yes. */
const checkbox = z
	.unknown()
	.optional()
	.transform((v) => v === 'on' || v === 'true' || v === true);

/** The fields of a space that its référent·e·s and coordination may change. */
export const spaceSettingsInput = z.object({
	title: z
		.string({ message: 'Indiquez le titre de l’espace.' })
		.trim()
		.min(1, 'Indiquez le titre de l’espace.')
		.max(200, 'Le titre ne doit pas dépasser 200 caractères.'),
	shortTitle: optionalText(80, 'Le titre court ne doit pas dépasser 80 caractères.'),
	defi: optionalText(2000, 'Le défi ne doit pas dépasser 2 000 caractères.'),
	summary: optionalText(3000, 'Le résumé ne doit pas dépasser 3 000 caractères.'),
	detailsVisibility: z.enum(['public', 'members', 'space'], {
		error: 'Choisissez qui peut voir les travaux de l’espace.'
	}),
	openToRequests: checkbox
});
export type SpaceSettingsInput = z.infer<typeof spaceSettingsInput>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new space: the settings, its address (generated from the title when left empty), a first référent·e. */
export const newSpaceInput = spaceSettingsInput
	.extend({
		slug: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ?? '').toLowerCase()),
		referentId: z
			.string()
			.trim()
			.optional()
			.refine((v) => !v || UUID.test(v), { message: 'Choisissez une personne de la liste.' })
			.transform((v) => v || null)
	})
	.transform((v, ctx) => {
		const slug = v.slug || slugFromTitle(v.title);
		const problem = slugProblem(slug);
		if (problem) ctx.addIssue({ code: 'custom', path: ['slug'], message: problem });
		return { ...v, slug };
	});
export type NewSpaceInput = z.infer<typeof newSpaceInput>;

export const SLUG_TAKEN =
	'Cette adresse est déjà prise par un autre espace : choisissez-en une autre.';

/** The French sentence of the feed for a settings change; null when nothing changed. */
export function settingsChangeTitle(
	before: SpaceSettingsInput,
	after: SpaceSettingsInput
): string | null {
	const changed: string[] = [];
	if (before.title !== after.title) changed.push('titre');
	if ((before.shortTitle ?? null) !== (after.shortTitle ?? null)) changed.push('titre court');
	if ((before.defi ?? null) !== (after.defi ?? null)) changed.push('défi');
	if ((before.summary ?? null) !== (after.summary ?? null)) changed.push('résumé');
	if (before.detailsVisibility !== after.detailsVisibility) changed.push('visibilité des travaux');
	if (before.openToRequests !== after.openToRequests) changed.push('demandes d’adhésion');
	if (!changed.length) return null;
	return `Paramètres de l’espace modifiés : ${changed.join(', ')}`;
}
