/** Pure rules of the community directory. */
import type { Actor } from '../../server/auth/policy';

export const structureKindLabels = {
	reseau: 'Réseau',
	fondation: 'Fondation',
	financeur: 'Financeur',
	collectivite: 'Collectivité',
	association: 'Association',
	entreprise: 'Entreprise',
	cooperative: 'Coopérative',
	recherche: 'Recherche et formation',
	personne_ressource: 'Personne ressource',
	autre: 'Autre'
} as const;

export type StructureKind = keyof typeof structureKindLabels;
export type Visibility = 'private' | 'members' | 'public';

/** Whether a contact detail chosen with `visibility` by `ownerId` may be shown to `viewer`. */
export function contactVisible(
	visibility: Visibility,
	viewer: Actor | null,
	ownerId: string
): boolean {
	if (
		viewer &&
		(viewer.userId === ownerId || viewer.role === 'admin' || viewer.role === 'coordination')
	) {
		return true;
	}
	if (visibility === 'public') return true;
	if (visibility === 'members') return !!viewer;
	return false;
}

/** A URL-safe slug from a French name ("Le Labo de l'ESS" → "le-labo-de-l-ess"). */
export function slugify(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
}

export const PAGE_SIZE = 24;

export function pageCount(total: number, size = PAGE_SIZE) {
	return Math.max(1, Math.ceil(total / size));
}

/** Logo formats accepted, by MIME type detected from the content, with their file extension. */
export const logoFormats = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp'
} as const;

export type LogoMime = keyof typeof logoFormats;

/** Largest logo accepted: 1 Mo. */
export const LOGO_MAX_BYTES = 1024 * 1024;

export const logoMessages = {
	format: 'Format non accepté : envoyez une image PNG, JPEG ou WebP.',
	size: 'Le logo ne doit pas dépasser 1 Mo.'
} as const;

export type LogoVerdict =
	{ ok: true; mime: LogoMime; ext: (typeof logoFormats)[LogoMime] } | { ok: false; error: string };

/**
 * Accepts or refuses an uploaded logo from its size and the MIME type detected from its bytes
 * (never the name or the type the browser sent). SVG is refused: it can carry scripts.
 */
export function checkLogo(size: number, detectedMime: string | undefined): LogoVerdict {
	if (size > LOGO_MAX_BYTES) return { ok: false, error: logoMessages.size };
	if (size === 0 || !detectedMime || !Object.hasOwn(logoFormats, detectedMime)) {
		return { ok: false, error: logoMessages.format };
	}
	const mime = detectedMime as LogoMime;
	return { ok: true, mime, ext: logoFormats[mime] };
}

/** The MIME type of a stored logo from its key (`logos/<uuid>.png`); null when not a logo format. */
export function logoMimeOfKey(key: string): LogoMime | null {
	const ext = key.slice(key.lastIndexOf('.') + 1);
	const found = Object.entries(logoFormats).find(([, e]) => e === ext);
	return found ? (found[0] as LogoMime) : null;
}

/** A short version of a stored logo, for its address: a replaced logo gets a new address. */
export function logoVersion(logoPath: string | null): string {
	return (logoPath ?? '').split('/').pop()?.split('.')[0]?.slice(0, 12) ?? '';
}
