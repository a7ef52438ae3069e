/** What the fiche form (proposal and private edit) is given, and its field labels. */
import type { ListField } from '../owner-form';

export type Item = { code: string; label: string };

export interface FicheFormLists {
	lists: {
		cooperation_kind: Item[];
		dimension: Item[];
		modality: Item[];
		stage: Item[];
		cost: Item[];
	};
	departements: { code: string; nom: string }[];
	regions: { code: string; nom: string }[];
}

export interface FicheFormState {
	values: Record<string, string | undefined>;
	lists: Partial<Record<ListField, string[]>>;
	/** Communes and EPCI already chosen, with their names. */
	territoryItems: { value: string; label: string }[];
}

export const ficheLabels: Record<string, string> = {
	name: 'Nom de la structure',
	acronym: 'Sigle',
	shortDescription: 'Description courte',
	presentation: 'Présentation',
	siret: 'Numéro SIRET',
	address: 'Adresse',
	commune: 'Commune',
	lat: 'Latitude',
	lon: 'Longitude',
	territories: "Territoire d'intervention",
	territoriesText: 'Ajouter des communes ou des intercommunalités',
	cooperationKinds: 'Types de coopération accompagnés',
	dimensions: 'Dimensions accompagnées',
	modalities: "Modalités d'accompagnement",
	stages: 'Stades des projets accompagnés',
	cost: "Coût de l'accompagnement",
	methodologies: 'Méthodologies et outils',
	needsSeen: 'Besoins observés',
	publics: 'Publics accompagnés',
	networks: 'Réseaux et partenaires',
	contactEmail: 'Adresse email de contact',
	contactPhone: 'Téléphone de contact',
	contactWebsite: 'Site web',
	logo: 'Logo'
};

export type Suggestion = { label: string; detail: string; lat: number | null; lon: number | null };

/** Suggestions of the commune (and territory) fields; an empty list when offline or slow. */
export async function fetchSuggestions(
	q: string,
	withEpci: boolean,
	signal: AbortSignal
): Promise<Suggestion[]> {
	if (q.trim().length < 2) return [];
	const url = `/cartographie/communes.json?q=${encodeURIComponent(q.trim())}${withEpci ? '&epci=1' : ''}`;
	try {
		const response = await fetch(url, { signal });
		if (!response.ok) return [];
		return ((await response.json()) as { results: Suggestion[] }).results;
	} catch {
		return [];
	}
}
