import { z } from 'zod';

const email = z
	.string({ error: 'Indiquez une adresse email.' })
	.trim()
	.min(1, 'Indiquez une adresse email.')
	.max(254, 'Adresse email trop longue.')
	.pipe(z.email('Adresse email invalide (exemple : prenom.nom@exemple.fr).'));

const name = z
	.string({ error: 'Indiquez votre nom.' })
	.trim()
	.min(2, 'Indiquez votre nom (au moins 2 caractères).')
	.max(120, 'Le nom ne doit pas dépasser 120 caractères.');

const optionalText = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, `${label} ne doit pas dépasser ${max} caractères.`)
		.optional()
		.transform((v) => (v ? v : null));

export const loginSchema = z.object({
	email,
	password: z
		.string({ error: 'Indiquez votre mot de passe.' })
		.min(1, 'Indiquez votre mot de passe.')
});

export const joinRequestSchema = z.object({
	name,
	email,
	structureName: optionalText(160, 'La structure'),
	message: optionalText(2000, 'Le message'),
	/** Honeypot: people leave it empty, robots fill it. */
	website_url: z.string().max(0, 'Ce champ doit rester vide.').optional()
});

export const inviteSchema = z.object({
	name,
	email,
	role: z.enum(['membre', 'copil', 'coordination', 'admin'], { error: 'Choisissez un rôle.' })
});

export const resetRequestSchema = z.object({ email });

export const newPasswordSchema = z
	.object({
		password: z
			.string({ error: 'Choisissez un mot de passe.' })
			.min(1, 'Choisissez un mot de passe.'),
		confirm: z.string({ error: 'Confirmez le mot de passe.' })
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'Les deux mots de passe ne sont pas identiques.'
	});

const visibility = z.enum(['private', 'members', 'public'], {
	error: 'Choix de visibilité invalide.'
});

export const profileSchema = z.object({
	name,
	structureId: z
		.string()
		.optional()
		.transform((v) => (v ? v : null))
		.pipe(z.uuid('Structure inconnue.').nullable()),
	roleInStructure: optionalText(160, 'Le rôle dans la structure'),
	bio: optionalText(1000, 'La présentation'),
	phone: z
		.string()
		.trim()
		.max(30, 'Numéro de téléphone trop long.')
		.regex(/^[0-9 +().-]*$/, 'Numéro de téléphone invalide (chiffres, espaces, +, points).')
		.optional()
		.transform((v) => (v ? v : null)),
	emailVisibility: visibility,
	phoneVisibility: visibility,
	timeKind: z.enum(['benevole', 'salarie'], { error: 'Choisissez bénévole ou salarié·e.' })
});

export type ProfileInput = z.infer<typeof profileSchema>;
