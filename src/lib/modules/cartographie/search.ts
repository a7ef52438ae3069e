/** Pure helpers of the cartography's list: coverage sentences, distances, URLs of a search. */
import type { CoverMatch } from './rules';

/** The French sentence saying how a fiche's territory covers "Ma commune". */
export const coverageSentences: Record<CoverMatch, string> = {
	commune: 'Intervient sur votre commune',
	epci: 'Intervient sur votre EPCI',
	departement: 'Intervient sur votre département',
	region: 'Intervient sur votre région',
	national: 'Intervient sur tout le territoire national'
};

/** "à 12 km", "à 1 250 km", "à moins d'1 km". */
export function distanceLabel(km: number): string {
	if (km < 1) return "à moins d'1 km";
	return `à ${new Intl.NumberFormat('fr-FR').format(Math.round(km))} km`;
}

/** "Lyon (69)": how a commune shows in the "Ma commune" field and in the choices. */
export const placeLabel = (nom: string, departementCode: string) => `${nom} (${departementCode})`;

/** The URL parameters of /cartographie, in the order they appear in links. */
export const searchParamNames = [
	'q',
	'lieu',
	'commune',
	'type',
	'dimension',
	'modalite',
	'etape',
	'cout',
	'region',
	'departement',
	'page'
] as const;

export type SearchParamName = (typeof searchParamNames)[number];

/** `/cartographie?…` with the parameters that have a value (page 1 left out). */
export function searchHref(
	params: Partial<Record<SearchParamName, string | number | null | undefined>>,
	path = '/cartographie'
): string {
	const query = new URLSearchParams();
	for (const name of searchParamNames) {
		const value = params[name];
		if (value === undefined || value === null || value === '') continue;
		if (name === 'page' && Number(value) <= 1) continue;
		query.set(name, String(value));
	}
	const s = query.toString();
	return `${path}${s ? `?${s}` : ''}`;
}

/** The map's data for a search: the same filters, without what only the list uses. */
export const mapDataHref = (
	params: Partial<Record<SearchParamName, string | number | null | undefined>>
) => searchHref({ ...params, lieu: undefined, page: undefined }, '/cartographie/carte.json');
