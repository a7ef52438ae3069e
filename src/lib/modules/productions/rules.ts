/**
 * Pure rules of productions and decisions: kinds and statuses in French, partial dates, links,
 * accepted files, and the forms' checks.
 */
import { z } from 'zod';
import { formatPartialDate } from '../../i18n/fr';

export const PRODUCTION_KINDS = [
	'referentiel',
	'webinaire',
	'cartographie',
	'note',
	'fiche',
	'rapport',
	'panorama',
	'outil',
	'autre'
] as const;
export type ProductionKind = (typeof PRODUCTION_KINDS)[number];

export const kindLabels: Record<ProductionKind, string> = {
	referentiel: 'Référentiel',
	webinaire: 'Webinaire',
	cartographie: 'Cartographie',
	note: 'Note',
	fiche: 'Fiche',
	rapport: 'Rapport',
	panorama: 'Panorama',
	outil: 'Outil',
	autre: 'Autre'
};

export const DECISION_STATUSES = [
	'adoptee',
	'en_cours',
	'realisee',
	'ajournee',
	'abandonnee'
] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const decisionStatusLabels: Record<DecisionStatus, string> = {
	adoptee: 'Adoptée',
	en_cours: 'En cours de mise en œuvre',
	realisee: 'Réalisée',
	ajournee: 'Ajournée',
	abandonnee: 'Abandonnée'
};

export const visibilityLabels = {
	public: 'Tout le monde',
	members: 'Les membres connecté·e·s',
	space: "Les membres de l'espace"
} as const;

export type DatePrecision = 'day' | 'month' | 'year';
export const precisionLabels: Record<DatePrecision, string> = {
	day: 'Jour précis',
	month: 'Mois',
	year: 'Année'
};

/** A production's date as known: « 10 avril 2025 », « avril 2025 », « 2025 », or « Date à préciser ». */
export function formatProductionDate(date: string | null, precision: DatePrecision): string {
	return date ? formatPartialDate(date, precision) : 'Date à préciser';
}

/**
 * The stored date from the form's parts: a day needs yyyy-mm-dd, a month yyyy-mm, a year yyyy;
 * less precise dates are stored on the first day. Null when nothing was typed; an error message
 * when something was typed that does not fit.
 */
export function parsePartialDate(
	raw: string | null | undefined,
	precision: DatePrecision
): { date: string | null } | { error: string } {
	const v = (raw ?? '').trim();
	if (!v) return { date: null };
	const patterns: Record<DatePrecision, RegExp> = {
		day: /^(\d{4})-(\d{2})-(\d{2})$/,
		month: /^(\d{4})-(\d{2})(?:-\d{2})?$/,
		year: /^(\d{4})(?:-\d{2}(?:-\d{2})?)?$/
	};
	const m = v.match(patterns[precision]);
	const messages: Record<DatePrecision, string> = {
		day: 'Indiquez une date valide, par exemple 2025-04-10.',
		month: 'Indiquez un mois valide, par exemple 2025-04.',
		year: 'Indiquez une année valide, par exemple 2025.'
	};
	if (!m) return { error: messages[precision] };
	const year = m[1]!;
	const month = precision === 'year' ? '01' : m[2]!;
	const day = precision === 'day' ? m[3]! : '01';
	const iso = `${year}-${month}-${day}`;
	const d = new Date(`${iso}T12:00:00Z`);
	if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso || +year < 1900) {
		return { error: messages[precision] };
	}
	return { date: iso };
}

/** Whether a link may be shown: absolute http or https only (no javascript:, data:, …). */
export function isWebLink(raw: string): boolean {
	try {
		const u = new URL(raw);
		return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
	} catch {
		return false;
	}
}

export const PRODUCTION_MAX_BYTES = 50 * 1024 * 1024;
/** Accepted files, by the MIME type found in their bytes. */
export const PRODUCTION_TYPES: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.oasis.opendocument.text': 'ODT',
	'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
	'application/vnd.oasis.opendocument.presentation': 'ODP',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG',
	'image/webp': 'WebP'
};

/** Null when bytes of this size and detected type are accepted, a French message otherwise. */
export function checkProductionFile(size: number, mime: string | undefined): string | null {
	if (size === 0) return 'Le fichier est vide.';
	if (size > PRODUCTION_MAX_BYTES) return 'Le fichier dépasse 50 Mo.';
	if (!mime || !PRODUCTION_TYPES[mime]) {
		return 'Formats acceptés : PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, PNG, JPEG ou WebP.';
	}
	return null;
}

/** A file name safe to store and to send back in Content-Disposition. */
export const safeFileName = (name: string) =>
	name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'fichier';

/** Human size in French: « 1,2 Mo ». */
export function formatSize(bytes: number): string {
	const fmt = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
	if (bytes < 1024) return `${bytes} o`;
	if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} Ko`;
	return `${fmt(bytes / 1024 / 1024)} Mo`;
}

export const productionInput = z
	.object({
		title: z
			.string({ error: 'Indiquez le titre de la production.' })
			.trim()
			.min(1, 'Indiquez le titre de la production.')
			.max(300, 'Le titre ne doit pas dépasser 300 caractères.'),
		kind: z.enum(PRODUCTION_KINDS, { error: 'Choisissez le type de production.' }),
		datePrecision: z.enum(['day', 'month', 'year'], {
			error: 'Choisissez la précision de la date.'
		}),
		date: z.string().optional(),
		description: z
			.string()
			.trim()
			.max(20000, 'La description ne doit pas dépasser 20 000 caractères.')
			.optional()
			.transform((v) => v || null),
		url: z
			.string()
			.trim()
			.max(2000, 'Le lien ne doit pas dépasser 2 000 caractères.')
			.optional()
			.transform((v) => v || null)
			.refine((v) => !v || isWebLink(v), {
				message: 'Indiquez une adresse web complète, commençant par https:// ou http://.'
			}),
		visibility: z.enum(['public', 'members', 'space'], { error: 'Choisissez qui peut la voir.' })
	})
	.transform((v, ctx) => {
		const parsed = parsePartialDate(v.date, v.datePrecision);
		if ('error' in parsed) {
			ctx.addIssue({ code: 'custom', path: ['date'], message: parsed.error });
			return z.NEVER;
		}
		return { ...v, date: parsed.date };
	});
export type ProductionInput = z.infer<typeof productionInput>;

export const decisionInput = z.object({
	date: z
		.string({ error: 'Indiquez la date de la décision.' })
		.trim()
		.refine((v) => 'date' in parsePartialDate(v, 'day') && !!v, {
			message: 'Indiquez la date de la décision, par exemple 2025-03-27.'
		}),
	decision: z
		.string({ error: 'Indiquez la décision.' })
		.trim()
		.min(1, 'Indiquez la décision.')
		.max(1000, 'La décision ne doit pas dépasser 1 000 caractères.'),
	details: z
		.string()
		.trim()
		.max(10000, 'Les précisions ne doivent pas dépasser 10 000 caractères.')
		.optional()
		.transform((v) => v || null),
	status: z.enum(DECISION_STATUSES, { error: 'Choisissez un statut.' })
});
export type DecisionInput = z.infer<typeof decisionInput>;

export interface DecisionFilters {
	status: DecisionStatus | null;
	year: number | null;
}

export function parseDecisionFilters(params: URLSearchParams): DecisionFilters {
	const status = params.get('statut');
	const year = Number(params.get('annee'));
	return {
		status: (DECISION_STATUSES as readonly string[]).includes(status ?? '')
			? (status as DecisionStatus)
			: null,
		year: Number.isInteger(year) && year >= 1900 && year <= 2999 ? year : null
	};
}
