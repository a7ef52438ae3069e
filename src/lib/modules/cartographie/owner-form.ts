/** A fiche's content as the values of its form (the edit page starts from them). Pure. */
import type { FicheContent } from './content.server';

/** The form's fields with several values (checkboxes, multiple selects). */
export const listFields = [
	'cooperationKinds',
	'dimensions',
	'modalities',
	'stages',
	'departements',
	'regions',
	'territories'
] as const;
export type ListField = (typeof listFields)[number];

export interface FormState {
	/** One string per field, as the form sends them ("on" for a ticked checkbox). */
	values: Record<string, string>;
	lists: Record<ListField, string[]>;
}

const textFields = [
	'name',
	'acronym',
	'shortDescription',
	'presentation',
	'siret',
	'address',
	'cost',
	'methodologies',
	'needsSeen',
	'publics',
	'networks',
	'contactEmail',
	'contactPhone',
	'contactWebsite'
] as const;

const checkboxes = [
	'national',
	'contactEmailPublic',
	'contactPhonePublic',
	'contactWebsitePublic'
] as const;

/** The form values of a content; `commune` names its commune as the form types it. */
export function contentToForm(
	content: FicheContent,
	commune: { nom: string; departement: { code: string } } | null
): FormState {
	const values: Record<string, string> = {};
	for (const f of textFields) values[f] = content[f] ?? '';
	for (const f of checkboxes) if (content[f]) values[f] = 'on';
	values.commune = commune ? `${commune.nom} (${commune.departement.code})` : '';
	values.lat = content.lat === null ? '' : String(content.lat);
	values.lon = content.lon === null ? '' : String(content.lon);
	const codes = (kind: string) => content.territories.filter((t) => t.kind === kind);
	return {
		values,
		lists: {
			cooperationKinds: content.cooperationKinds,
			dimensions: content.dimensions,
			modalities: content.modalities,
			stages: content.stages,
			departements: codes('departement').map((t) => t.code),
			regions: codes('region').map((t) => t.code),
			territories: content.territories
				.filter((t) => t.kind === 'commune' || t.kind === 'epci')
				.map((t) => `${t.kind}:${t.code}`)
		}
	};
}

/** The lists of a posted form, kept after an error. */
export function listsOf(form: FormData): Record<ListField, string[]> {
	return Object.fromEntries(
		listFields.map((name) => [name, form.getAll(name).filter((v) => typeof v === 'string')])
	) as Record<ListField, string[]>;
}
