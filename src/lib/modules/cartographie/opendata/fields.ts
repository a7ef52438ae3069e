/**
 * Every public field of the open data exports, in one place: the JSON items, the GeoJSON
 * properties, the CSV columns (csv-columns.ts), the OpenAPI schema and the documentation page
 * are all built from this list, so that they cannot drift apart. Pure: no database, no server
 * import.
 */
import type { ReferenceListName } from '../reference-data';
import type { TerritoryKind } from '../rules';
import type {
	ExportContext,
	ExportRow,
	ExportTerritory,
	FieldValue,
	OpenDataField
} from './field-types';
import { joinMulti } from './multi-values';

export const territoryKinds: readonly { code: TerritoryKind; label: string }[] = [
	{ code: 'region', label: 'Région (code INSEE)' },
	{ code: 'departement', label: 'Département (code INSEE)' },
	{ code: 'epci', label: 'EPCI (numéro SIREN)' },
	{ code: 'commune', label: 'Commune (code INSEE)' }
];

const kindOrder: Record<TerritoryKind, number> = { region: 0, departement: 1, epci: 2, commune: 3 };

/** ISO 8601 with the time zone (UTC), or null. */
export function isoDate(value: Date | string | null): string | null {
	if (value === null) return null;
	return (value instanceof Date ? value : new Date(value)).toISOString();
}

function territoriesOf(row: ExportRow): ExportTerritory[] {
	return (row.territories ?? [])
		.map((t) => ({ type: t.kind, code: t.code, nom: t.nom }))
		.sort((a, b) => kindOrder[a.type] - kindOrder[b.type] || a.code.localeCompare(b.code));
}

const labels = (x: ExportContext, list: ReferenceListName, codes: string[]) =>
	codes.map((c) => x.labels[list][c] ?? c);

/** A coded multi-valued field and the field of its labels. */
function coded(
	name: string,
	list: ReferenceListName,
	column: 'kinds' | 'dimensions' | 'modalities' | 'stages',
	description: string,
	example: string[],
	exampleLabels: string[]
): OpenDataField[] {
	return [
		{
			name,
			type: 'string[]',
			nullable: false,
			description: `${description} : codes de la liste de référence (voir les valeurs possibles).`,
			example,
			list,
			value: (row) => row[column]
		},
		{
			name: `${name}_libelles`,
			type: 'string[]',
			nullable: false,
			description: `${description} : libellés, dans le même ordre que les codes de « ${name} ».`,
			example: exampleLabels,
			labelsOf: name,
			value: (row, x) => labels(x, list, row[column])
		}
	];
}

const text = (
	name: string,
	description: string,
	example: string | null,
	get: (row: ExportRow) => string | null,
	extra: Partial<OpenDataField> = {}
): OpenDataField => ({
	name,
	type: 'string',
	nullable: true,
	description,
	example,
	value: get,
	...extra
});

/** The public fields, in the order of the CSV columns. */
export const openDataFields: readonly OpenDataField[] = [
	{
		name: 'id',
		type: 'string',
		format: 'uuid',
		nullable: false,
		description: 'Identifiant stable de la fiche (UUID) ; il ne change jamais.',
		example: '3f1c2b9e-8d4a-4c1e-9b7a-2a6f0e5d4c3b',
		value: (row) => row.id
	},
	{
		name: 'slug',
		type: 'string',
		nullable: false,
		description: "Identifiant lisible de la fiche, utilisé dans l'adresse de sa page.",
		example: 'cooperatives-du-rhone',
		value: (row) => row.slug
	},
	{
		name: 'url',
		type: 'string',
		format: 'uri',
		nullable: false,
		description: 'Adresse de la fiche sur la cartographie.',
		example: 'https://exemple.fr/cartographie/cooperatives-du-rhone',
		value: (row, x) => `${x.baseUrl}/cartographie/${encodeURIComponent(row.slug)}`
	},
	{
		name: 'nom',
		type: 'string',
		nullable: false,
		description: 'Nom de la structure.',
		example: 'Coopératives du Rhône',
		value: (row) => row.name
	},
	text('sigle', 'Sigle ou acronyme de la structure.', 'CDR', (row) => row.acronym),
	{
		name: 'description_courte',
		type: 'string',
		nullable: false,
		maxLength: 280,
		description: 'Description courte de la structure (280 caractères au plus).',
		example: 'Accompagne les coopératives et les pôles territoriaux du Rhône.',
		value: (row) => row.short_description
	},
	text(
		'presentation',
		'Présentation détaillée, au format Markdown.',
		'## Nos missions\n\nNous accompagnons…',
		(row) => row.presentation,
		{ format: 'markdown' }
	),
	text(
		'siret',
		"Numéro SIRET de l'établissement (14 chiffres, sans espace) ; information publique.",
		'35600000000048',
		(row) => row.siret,
		{ pattern: '^[0-9]{14}$' }
	),
	text(
		'adresse',
		'Adresse postale (sans la commune).',
		'12 rue de la République',
		(row) => row.address
	),
	text(
		'commune_code',
		"Code INSEE de la commune de l'adresse (code officiel géographique).",
		'69381',
		(row) => row.commune_code
	),
	text(
		'commune_nom',
		"Nom de la commune de l'adresse.",
		'Lyon 1er Arrondissement',
		(row) => row.commune_nom
	),
	text(
		'departement_code',
		"Code INSEE du département de l'adresse.",
		'69',
		(row) => row.departement_code
	),
	text('region_code', "Code INSEE de la région de l'adresse.", '84', (row) => row.region_code),
	{
		name: 'latitude',
		type: 'number',
		nullable: true,
		description: 'Latitude du point sur la carte, en degrés décimaux (WGS 84).',
		example: 45.7676,
		value: (row) => row.lat
	},
	{
		name: 'longitude',
		type: 'number',
		nullable: true,
		description: 'Longitude du point sur la carte, en degrés décimaux (WGS 84).',
		example: 4.8345,
		value: (row) => row.lon
	},
	{
		name: 'national',
		type: 'boolean',
		nullable: false,
		description: 'La structure intervient sur tout le territoire national (« true » ou « false »).',
		example: false,
		value: (row) => row.national
	},
	{
		name: 'territoires',
		type: 'territories',
		nullable: false,
		description:
			"Territoire d'intervention : liste de territoires, chacun avec son type, son code et son nom.",
		example: [
			{ type: 'region', code: '84', nom: 'Auvergne-Rhône-Alpes' },
			{ type: 'departement', code: '69', nom: 'Rhône' }
		],
		values: territoryKinds,
		value: (row) => territoriesOf(row),
		csv: [
			{
				name: 'territoires',
				description:
					"Territoire d'intervention : « type:code » de chaque territoire, séparés par « | » (type : region, departement, epci ou commune).",
				example: 'region:84|departement:69',
				value: (row) => joinMulti(territoriesOf(row).map((t) => `${t.type}:${t.code}`))
			},
			{
				name: 'territoires_noms',
				description: 'Noms des territoires d’intervention, dans le même ordre, séparés par « | ».',
				example: 'Auvergne-Rhône-Alpes|Rhône',
				value: (row) => joinMulti(territoriesOf(row).map((t) => t.nom ?? ''))
			}
		]
	},
	...coded(
		'types_cooperation',
		'cooperation_kind',
		'kinds',
		'Types de coopération accompagnés',
		['ptce', 'scic'],
		['PTCE (pôle territorial de coopération économique)', 'SCIC / coopérative']
	),
	...coded(
		'dimensions',
		'dimension',
		'dimensions',
		"Dimensions de l'accompagnement",
		['gouvernance', 'juridique'],
		['Gouvernance et organisation', 'Juridique']
	),
	...coded(
		'modalites',
		'modality',
		'modalities',
		"Modalités d'accompagnement",
		['collectif', 'formation'],
		['Accompagnement collectif', 'Formation']
	),
	...coded(
		'etapes',
		'stage',
		'stages',
		'Étapes de projet accompagnées',
		['emergence'],
		['Émergence']
	),
	text(
		'cout',
		"Coût de l'accompagnement : code de la liste de référence (voir les valeurs possibles).",
		'gratuit',
		(row) => row.cost,
		{ list: 'cost' }
	),
	{
		name: 'cout_libelle',
		type: 'string',
		nullable: true,
		description: "Coût de l'accompagnement : libellé du code de « cout ».",
		example: 'Gratuit',
		labelsOf: 'cout',
		value: (row, x) => (row.cost ? (x.labels.cost[row.cost] ?? row.cost) : null)
	},
	text(
		'methodologies',
		'Méthodologies et outils utilisés.',
		'Diagnostic partagé, ateliers de gouvernance.',
		(row) => row.methodologies
	),
	text(
		'besoins_observes',
		'Besoins observés chez les coopérations accompagnées.',
		'Modèle économique, partage de la gouvernance.',
		(row) => row.needs_seen
	),
	text(
		'publics',
		'Publics accompagnés.',
		'Collectifs citoyens, collectivités.',
		(row) => row.publics
	),
	text(
		'reseaux',
		'Réseaux dont la structure fait partie.',
		'Réseau des PTCE',
		(row) => row.networks
	),
	text(
		'email',
		'Adresse email de contact, seulement si la structure a choisi de la rendre publique (sinon vide).',
		'contact@exemple.fr',
		(row) => row.email,
		{ format: 'email' }
	),
	text(
		'telephone',
		'Téléphone de contact, seulement si la structure a choisi de le rendre public (sinon vide).',
		'04 72 00 00 00',
		(row) => row.phone
	),
	text(
		'site_web',
		'Site web, seulement si la structure a choisi de le rendre public (sinon vide).',
		'https://exemple.fr',
		(row) => row.website,
		{ format: 'uri' }
	),
	{
		name: 'derniere_verification',
		type: 'string',
		format: 'date-time',
		nullable: true,
		description:
			'Date et heure de la dernière vérification de la fiche par la structure ou la modération (ISO 8601, UTC).',
		example: '2026-03-14T09:30:00.000Z',
		value: (row) => isoDate(row.last_verified_at)
	},
	{
		name: 'date_modification',
		type: 'string',
		format: 'date-time',
		nullable: false,
		description: 'Date et heure de la dernière modification de la fiche (ISO 8601, UTC).',
		example: '2026-03-14T09:30:00.000Z',
		value: (row) => isoDate(row.updated_at)
	}
];

/** The public item of a row: every field, by name (JSON item, GeoJSON properties). */
export function toItem(row: ExportRow, x: ExportContext): Record<string, FieldValue> {
	const item: Record<string, FieldValue> = {};
	for (const f of openDataFields) item[f.name] = f.value(row, x);
	return item;
}
