/** Pure rules of the cartography: SIRET, texts, statuses of a fiche, points, freshness. */

// ---------------------------------------------------------------------------------------------
// SIRET

export const siretMessages = {
	format: 'Le numéro SIRET doit comporter 14 chiffres.',
	checksum: "Ce numéro SIRET n'est pas valide (vérifiez les chiffres saisis)."
} as const;

/** La Poste's SIREN: its establishments do not follow the Luhn rule (see checkSiret). */
export const LA_POSTE_SIREN = '356000000';

/** Whether a string of digits passes the Luhn check (every second digit from the right doubled). */
export function luhn(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

/** A SIRET without its spaces ("356 000 000 00048" → "35600000000048"). */
export function normalizeSiret(siret: string): string {
	return siret.replace(/\s+/g, '');
}

/**
 * Null when `siret` (spaces ignored) is a valid SIRET, else a French message. A SIRET has 14
 * digits and passes the Luhn check, except La Poste's establishments (SIREN 356000000): theirs is
 * valid when the sum of the 14 digits is a multiple of 5 (the head office, 35600000000048, passes
 * the Luhn check and is accepted too).
 */
export function checkSiret(siret: string): string | null {
	const digits = normalizeSiret(siret);
	if (!/^\d{14}$/.test(digits)) return siretMessages.format;
	if (digits.startsWith(LA_POSTE_SIREN)) {
		let sum = 0;
		for (const c of digits) sum += c.charCodeAt(0) - 48;
		if (sum % 5 === 0 || luhn(digits)) return null;
		return siretMessages.checksum;
	}
	return luhn(digits) ? null : siretMessages.checksum;
}

// ---------------------------------------------------------------------------------------------
// Texts

/** Longest short description, in characters (Unicode code points, as PostgreSQL's char_length). */
export const SHORT_DESCRIPTION_MAX = 280;

/** Length in characters as PostgreSQL counts them (code points, not UTF-16 units). */
export function charLength(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}

/** Null when `text` fits as a short description, else a French message. */
export function shortDescriptionProblem(text: string): string | null {
	const length = charLength(text.trim());
	if (length === 0) return 'Indiquez une description courte.';
	if (length > SHORT_DESCRIPTION_MAX) {
		return `La description courte ne doit pas dépasser ${SHORT_DESCRIPTION_MAX} caractères (actuellement ${length}).`;
	}
	return null;
}

/**
 * At most `max` characters of `text`, whitespace collapsed; when it must be cut, it is cut at the
 * last word boundary and ends with "…" (the "…" included in `max`).
 */
export function excerpt(text: string, max = SHORT_DESCRIPTION_MAX): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	const chars = [...clean];
	if (chars.length <= max) return clean;
	const cut = chars.slice(0, Math.max(max - 1, 0)).join('');
	const space = cut.lastIndexOf(' ');
	const head = space > cut.length / 2 ? cut.slice(0, space) : cut;
	return `${head.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

export const HTML_MESSAGE = 'Le texte ne doit pas contenir de balises HTML.';

/** Whether a text contains something that looks like an HTML tag or comment (`<b>`, `</p>`, `<!--`). */
export function hasHtmlTag(text: string): boolean {
	return /<[/!?]?[a-z][^>]*>|<!--/i.test(text);
}

// ---------------------------------------------------------------------------------------------
// Statuses

export const ficheStatuses = ['brouillon', 'en_attente', 'publiee', 'refusee', 'archivee'] as const;
export type FicheStatus = (typeof ficheStatuses)[number];

export const ficheStatusLabels: Record<FicheStatus, string> = {
	brouillon: 'Brouillon',
	en_attente: 'En attente de modération',
	publiee: 'Publiée',
	refusee: 'Refusée',
	archivee: 'Archivée'
};

const transitions: Record<FicheStatus, readonly FicheStatus[]> = {
	brouillon: ['en_attente'],
	en_attente: ['publiee', 'refusee'],
	publiee: ['archivee'],
	// Resubmitted after changes.
	refusee: ['en_attente'],
	archivee: []
};

/** The statuses a fiche in status `from` may move to. */
export function nextStatuses(from: FicheStatus): readonly FicheStatus[] {
	return transitions[from] ?? [];
}

export function canTransition(from: FicheStatus, to: FicheStatus): boolean {
	return nextStatuses(from).includes(to);
}

export function isFicheStatus(value: unknown): value is FicheStatus {
	return typeof value === 'string' && (ficheStatuses as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Points

interface Box {
	name: string;
	minLat: number;
	maxLat: number;
	minLon: number;
	maxLon: number;
}

/**
 * Generous bounding boxes of metropolitan France, Corsica and the five DROM. Boxes, not outlines:
 * they refuse points far away (another country, swapped coordinates, 0/0), not every point of a
 * neighbouring country near the border (Bruxelles or Genève are inside the metropolitan box).
 */
export const franceBoxes: readonly Box[] = [
	{ name: 'France métropolitaine', minLat: 42.3, maxLat: 51.15, minLon: -5.25, maxLon: 8.3 },
	{ name: 'Corse', minLat: 41.3, maxLat: 43.1, minLon: 8.5, maxLon: 9.6 },
	{ name: 'Guadeloupe', minLat: 15.8, maxLat: 16.55, minLon: -61.85, maxLon: -60.95 },
	{ name: 'Martinique', minLat: 14.35, maxLat: 14.9, minLon: -61.25, maxLon: -60.8 },
	{ name: 'Guyane', minLat: 2.1, maxLat: 5.8, minLon: -54.65, maxLon: -51.6 },
	{ name: 'La Réunion', minLat: -21.4, maxLat: -20.85, minLon: 55.2, maxLon: 55.85 },
	{ name: 'Mayotte', minLat: -13.05, maxLat: -12.6, minLon: 44.95, maxLon: 45.35 }
];

export const OUTSIDE_FRANCE_MESSAGE =
	"Ce point est en dehors de la France (métropole, Corse ou départements d'outre-mer) : vérifiez la latitude et la longitude.";

/** Whether a point lies in metropolitan France, Corsica or one of the five DROM. */
export function isInFrance(lat: number, lon: number): boolean {
	if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
	return franceBoxes.some(
		(b) => lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon
	);
}

/** Null when the point is in France, else a French message. */
export function pointProblem(lat: number, lon: number): string | null {
	return isInFrance(lat, lon) ? null : OUTSIDE_FRANCE_MESSAGE;
}

// ---------------------------------------------------------------------------------------------
// Freshness

export const STALE_AFTER_MONTHS = 18;

/** `date` plus `months` calendar months (UTC), the day clamped to the end of a shorter month. */
export function addMonths(date: Date, months: number): Date {
	const y = date.getUTCFullYear();
	const m = date.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	return new Date(
		Date.UTC(
			y,
			m,
			Math.min(date.getUTCDate(), lastDay),
			date.getUTCHours(),
			date.getUTCMinutes(),
			date.getUTCSeconds(),
			date.getUTCMilliseconds()
		)
	);
}

/** Whether a fiche needs checking: never verified, or not verified for 18 months. */
export function stale(lastVerifiedAt: Date | null, now: Date): boolean {
	if (!lastVerifiedAt) return true;
	return now.getTime() >= addMonths(lastVerifiedAt, STALE_AFTER_MONTHS).getTime();
}

// ---------------------------------------------------------------------------------------------
// Territories

export const territoryKinds = ['commune', 'epci', 'departement', 'region'] as const;
export type TerritoryKind = (typeof territoryKinds)[number];

/** How a fiche was found to cover a commune, the closest first. */
export type CoverMatch = TerritoryKind | 'national';
