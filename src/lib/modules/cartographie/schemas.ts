import { z } from 'zod';
import {
	checkSiret,
	charLength,
	hasHtmlTag,
	HTML_MESSAGE,
	normalizeSiret,
	OUTSIDE_FRANCE_MESSAGE,
	isInFrance,
	SHORT_DESCRIPTION_MAX,
	territoryKinds,
	type TerritoryKind
} from './rules';

/** An empty or missing form value as null, other strings trimmed. */
const blankToNull = (v: unknown) => {
	if (v === undefined || v === null) return null;
	if (typeof v === 'string') {
		const s = v.trim();
		return s === '' ? null : s;
	}
	return v;
};

/** A plain text (no HTML), at most `max` characters; `required` gives the message when empty. */
function plainText(max: number, tooLong: string, required?: string) {
	const base = z
		.string({ error: required ?? 'Texte invalide.' })
		.refine((s) => charLength(s) <= max, tooLong)
		.refine((s) => !hasHtmlTag(s), HTML_MESSAGE);
	return required
		? z.preprocess(
				blankToNull,
				base.nullable().refine((s) => s !== null, required)
			)
		: z.preprocess(blankToNull, base.nullable());
}

/** A checkbox: "on", "true", "1" or true are yes; anything else (or absent) is no. */
const checkbox = z.preprocess(
	(v) => v === true || v === 'on' || v === 'true' || v === '1',
	z.boolean()
);

/** A list of codes from repeated form fields (one value arrives as a string). */
const codes = z.preprocess(
	(v) =>
		(v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]).map((c) =>
			typeof c === 'string' ? c.trim() : c
		),
	z
		.array(z.string({ error: 'Choix invalide.' }).max(60, 'Choix invalide.'), {
			error: 'Choix invalide.'
		})
		.max(30, 'Trop de choix.')
		.transform((list) => [...new Set(list.filter((c) => c !== ''))])
);

/** A coordinate from a form: empty is null, otherwise a number. */
const coordinate = (label: string) =>
	z.preprocess(
		(v) => {
			const s = blankToNull(v);
			return typeof s === 'string' ? Number(s.replace(',', '.')) : s;
		},
		z
			.number({ error: `${label} invalide.` })
			.finite(`${label} invalide.`)
			.nullable()
	);

const PHONE =
	/^(?:(?:\+|00)(?:33|262|269|590|594|596)[\s.-]?(?:\(0\))?[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}$/;

/**
 * Territories of intervention: objects `{ kind, code }`, or strings "kind:code" from a form
 * ("departement:69", "epci:200046977").
 */
const territories = z.preprocess(
	(v) =>
		(v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]).map((t) => {
			if (typeof t !== 'string') return t;
			const i = t.indexOf(':');
			return i < 0 ? { kind: t, code: '' } : { kind: t.slice(0, i), code: t.slice(i + 1).trim() };
		}),
	z
		.array(
			z.object({
				kind: z.enum(territoryKinds as unknown as [TerritoryKind, ...TerritoryKind[]], {
					error: 'Type de territoire inconnu.'
				}),
				code: z
					.string({ error: 'Code de territoire invalide.' })
					.trim()
					.regex(/^[0-9A-Za-z]{2,9}$/, 'Code de territoire invalide.')
			}),
			{ error: 'Territoire invalide.' }
		)
		.max(500, 'Trop de territoires (500 au plus).')
);

export const ficheSchema = z
	.object({
		name: plainText(
			160,
			'Nom trop long (160 caractères au plus).',
			'Indiquez le nom de la structure.'
		),
		acronym: plainText(30, 'Le sigle ne doit pas dépasser 30 caractères.'),
		shortDescription: plainText(
			SHORT_DESCRIPTION_MAX,
			`La description courte ne doit pas dépasser ${SHORT_DESCRIPTION_MAX} caractères.`,
			'Indiquez une description courte.'
		),
		presentation: plainText(10_000, 'La présentation ne doit pas dépasser 10 000 caractères.'),
		siret: z.preprocess(
			blankToNull,
			z
				.string({ error: 'Numéro SIRET invalide.' })
				.nullable()
				.superRefine((s, issue) => {
					const problem = s === null ? null : checkSiret(s);
					if (problem) issue.addIssue({ code: 'custom', message: problem });
				})
				.transform((s) => (s === null ? null : normalizeSiret(s)))
		),
		address: plainText(300, "L'adresse ne doit pas dépasser 300 caractères."),
		communeCode: z.preprocess(
			blankToNull,
			z
				.string({ error: 'Indiquez la commune.' })
				.regex(/^[0-9][0-9AB][0-9]{3}$/, 'Commune inconnue.')
		),
		lat: coordinate('Latitude'),
		lon: coordinate('Longitude'),
		national: checkbox,
		territories,
		cooperationKinds: codes,
		dimensions: codes,
		modalities: codes,
		stages: codes,
		cost: z.preprocess(blankToNull, z.string({ error: 'Choix invalide.' }).max(60).nullable()),
		methodologies: plainText(5_000, 'Ce texte ne doit pas dépasser 5 000 caractères.'),
		needsSeen: plainText(5_000, 'Ce texte ne doit pas dépasser 5 000 caractères.'),
		publics: plainText(2_000, 'Ce texte ne doit pas dépasser 2 000 caractères.'),
		networks: plainText(2_000, 'Ce texte ne doit pas dépasser 2 000 caractères.'),
		contactEmail: z.preprocess(
			blankToNull,
			z
				.email({ error: 'Adresse e-mail invalide (exemple : contact@exemple.fr).' })
				.max(254, 'Adresse e-mail invalide (exemple : contact@exemple.fr).')
				.nullable()
		),
		contactEmailPublic: checkbox,
		contactPhone: z.preprocess(
			blankToNull,
			z
				.string({ error: 'Numéro de téléphone invalide (exemple : 01 23 45 67 89).' })
				.regex(PHONE, 'Numéro de téléphone invalide (exemple : 01 23 45 67 89).')
				.nullable()
		),
		contactPhonePublic: checkbox,
		contactWebsite: z.preprocess(
			blankToNull,
			z
				.url({
					protocol: /^https?$/,
					hostname: z.regexes.domain,
					error: 'Adresse web invalide (exemple : https://exemple.fr).'
				})
				.max(500, 'Adresse web trop longue (500 caractères au plus).')
				.nullable()
		),
		contactWebsitePublic: checkbox
	})
	.superRefine((f, issue) => {
		if ((f.lat === null) !== (f.lon === null)) {
			const path = f.lat === null ? 'lat' : 'lon';
			issue.addIssue({
				code: 'custom',
				path: [path],
				message: 'Indiquez la latitude et la longitude, ou aucune des deux.'
			});
		} else if (f.lat !== null && f.lon !== null && !isInFrance(f.lat, f.lon)) {
			issue.addIssue({ code: 'custom', path: ['lat'], message: OUTSIDE_FRANCE_MESSAGE });
		}
	});

export type FicheInput = z.infer<typeof ficheSchema>;

/** The fields holding codes of a reference list, with the list they take their codes from. */
export const referenceFields = {
	cooperationKinds: 'cooperation_kind',
	dimensions: 'dimension',
	modalities: 'modality',
	stages: 'stage',
	cost: 'cost'
} as const;
