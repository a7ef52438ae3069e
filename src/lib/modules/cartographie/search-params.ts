// What the cartography's list is asked and answers: the URL parameters, the filters that have a
// facet, and the shapes of a facet and of a result.
import { z } from 'zod';
import type { ReferenceListName } from './reference-data';
import type { CoverMatch } from './rules';

export const SEARCH_PAGE_SIZE = 24;

const text = (max: number) =>
	z.preprocess(
		(v) => (Array.isArray(v) ? v[0] : v),
		z
			.string()
			.trim()
			.max(max)
			.transform((s) => s || undefined)
			.optional()
			.catch(undefined)
	);

/** URL parameters of /cartographie; anything malformed becomes undefined. */
export const ficheSearchSchema = z.object({
	q: text(200),
	type: text(60),
	dimension: text(60),
	modalite: text(60),
	etape: text(60),
	cout: text(60),
	region: text(10),
	departement: text(10),
	/** INSEE code of "Ma commune". */
	commune: text(10),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export type FicheSearchParams = z.infer<typeof ficheSearchSchema>;

/** The filters that have a facet, with the reference list that gives their values. */
export const listFilters = {
	type: { list: 'cooperation_kind', column: 'kinds', many: true },
	dimension: { list: 'dimension', column: 'dimensions', many: true },
	modalite: { list: 'modality', column: 'modalities', many: true },
	etape: { list: 'stage', column: 'stages', many: true },
	cout: { list: 'cost', column: 'cost', many: false }
} as const satisfies Record<string, { list: ReferenceListName; column: string; many: boolean }>;

export type ListFilter = keyof typeof listFilters;
export type FacetName = ListFilter | 'region' | 'departement';
export const facetNames: FacetName[] = [
	...(Object.keys(listFilters) as ListFilter[]),
	'region',
	'departement'
];

export interface Facet {
	value: string;
	label: string;
	count: number;
}

export type FicheHit = {
	id: string;
	slug: string;
	name: string;
	acronym: string | null;
	shortDescription: string;
	cooperationKinds: string[];
	communeCode: string | null;
	communeNom: string | null;
	departementCode: string | null;
	departementNom: string | null;
	/** With "Ma commune": how the fiche's territory covers it (null when it does not). */
	matchedBy: CoverMatch | null;
	/** With "Ma commune", for the fiches that do not cover it: distance in km (null: no point). */
	distanceKm: number | null;
	/** The fiche has a point on the map. */
	hasPoint: boolean;
};
