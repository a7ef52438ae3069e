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
