/** The groups of the results page: their order, headings and links to each module's search. Pure. */
import type { MoreLink, SearchKind, SourceResult } from './types';

export interface SearchGroup extends SourceResult {
	kind: SearchKind;
	label: string;
	/** Links to the module's own search with the same words (none when it has no search). */
	more: MoreLink[];
}

export const groupLabels: Record<SearchKind, string> = {
	pages: 'Pages',
	spaces: 'Espaces',
	resources: 'Ressources',
	structures: 'Structures accompagnatrices',
	events: 'Événements',
	community: 'Communauté'
};

const withQ = (path: string, q: string) => `${path}?${new URLSearchParams({ q })}`;

/** The modules' own searches: the agenda, the wiki and the spaces have none taking words. */
export function moreLinks(kind: SearchKind, q: string): MoreLink[] {
	switch (kind) {
		case 'resources':
			return [
				{ href: withQ('/ressources', q), label: 'Voir tous les résultats dans les ressources' }
			];
		case 'structures':
			return [
				{ href: withQ('/cartographie', q), label: 'Voir tous les résultats dans la cartographie' }
			];
		case 'community':
			return [
				{
					href: withQ('/communaute', q),
					label: 'Voir tous les résultats parmi les structures membres'
				},
				{
					href: withQ('/communaute/membres', q),
					label: 'Voir tous les résultats parmi les personnes'
				}
			];
		default:
			return [];
	}
}

/**
 * The results in the page's order, each with its heading and links; a group whose source
 * found nothing is left out.
 */
export function groupResults(
	q: string,
	results: Partial<Record<SearchKind, SourceResult>>,
	order: readonly SearchKind[]
): SearchGroup[] {
	const groups: SearchGroup[] = [];
	for (const kind of order) {
		const r = results[kind];
		if (!r || r.total === 0) continue;
		groups.push({
			kind,
			label: groupLabels[kind],
			total: r.total,
			items: r.items,
			more: moreLinks(kind, q)
		});
	}
	return groups;
}

/** « 1 résultat », « 12 résultats ». */
export const resultCount = (n: number) => `${n} résultat${n > 1 ? 's' : ''}`;
