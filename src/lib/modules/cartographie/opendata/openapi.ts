/**
 * The OpenAPI 3.1 document of the open data API, built from the field list (fields.ts) and the
 * reference lists, so that it describes exactly what the exports write. Pure.
 */
import type { ReferenceListName } from '../reference-data';
import { csvHeader } from './csv-columns';
import type { OpenDataField } from './field-types';
import { openDataFields, territoryKinds } from './fields';
import { MULTI_SEPARATOR } from './multi-values';

export const DEFAULT_PER_PAGE = 100;
export const MAX_PER_PAGE = 500;

export interface OpenApiInput {
	baseUrl: string;
	/** Codes and labels of each reference list, in their order. */
	lists: Record<ReferenceListName, { code: string; label: string }[]>;
	regions: { code: string; nom: string }[];
	departements: { code: string; nom: string }[];
}

type Schema = Record<string, unknown>;

const enumDescription = (items: readonly { code: string; label: string }[]) =>
	items.map((i) => `\`${i.code}\` : ${i.label}`).join(' ; ');

function fieldSchema(f: OpenDataField, input: OpenApiInput): Schema {
	const codes = f.list ? input.lists[f.list] : undefined;
	const description = codes
		? `${f.description} Valeurs : ${enumDescription(codes)}.`
		: f.description;
	let schema: Schema;
	if (f.type === 'territories') {
		schema = { type: 'array', items: { $ref: '#/components/schemas/Territoire' } };
	} else if (f.type === 'string[]') {
		schema = {
			type: 'array',
			items: codes ? { type: 'string', enum: codes.map((c) => c.code) } : { type: 'string' }
		};
	} else {
		const base: Schema = { type: f.nullable ? [f.type, 'null'] : f.type };
		if (f.format && f.format !== 'markdown') base.format = f.format;
		if (f.format === 'markdown') base.contentMediaType = 'text/markdown';
		if (f.maxLength) base.maxLength = f.maxLength;
		if (f.pattern) base.pattern = f.pattern;
		if (codes) base.enum = [...codes.map((c) => c.code), ...(f.nullable ? [null] : [])];
		schema = base;
	}
	return { ...schema, description, examples: [f.example] };
}

const param = (name: string, description: string, schema: Schema) => ({
	name,
	in: 'query',
	required: false,
	description,
	schema
});

const coded = (items: { code: string; label: string }[]) => ({
	type: 'string',
	enum: items.map((i) => i.code)
});

function filterParameters(input: OpenApiInput) {
	const { lists } = input;
	return {
		q: param(
			'q',
			'Recherche en texte libre (nom, sigle, descriptions ; accents et pluriels ignorés).',
			{ type: 'string', maxLength: 200 }
		),
		type: param(
			'type',
			`Type de coopération accompagné. ${enumDescription(lists.cooperation_kind)}.`,
			coded(lists.cooperation_kind)
		),
		dimension: param(
			'dimension',
			`Dimension de l'accompagnement. ${enumDescription(lists.dimension)}.`,
			coded(lists.dimension)
		),
		modalite: param(
			'modalite',
			`Modalité d'accompagnement. ${enumDescription(lists.modality)}.`,
			coded(lists.modality)
		),
		etape: param(
			'etape',
			`Étape de projet accompagnée. ${enumDescription(lists.stage)}.`,
			coded(lists.stage)
		),
		cout: param('cout', `Coût. ${enumDescription(lists.cost)}.`, coded(lists.cost)),
		region: param(
			'region',
			"Code INSEE d'une région : les structures situées ou intervenant dans cette région.",
			{ type: 'string', enum: input.regions.map((r) => r.code) }
		),
		departement: param(
			'departement',
			"Code INSEE d'un département : les structures situées ou intervenant dans ce département.",
			{ type: 'string', enum: input.departements.map((d) => d.code) }
		),
		commune: param(
			'commune',
			"Code INSEE d'une commune (« Ma commune ») : d'abord les structures dont le territoire la couvre, puis les plus proches.",
			{ type: 'string', pattern: '^[0-9][0-9AB][0-9]{3}$' }
		)
	};
}

const filterRefs = (input: OpenApiInput) =>
	Object.keys(filterParameters(input)).map((k) => ({ $ref: `#/components/parameters/${k}` }));

const errorResponse = {
	description: 'Paramètre invalide (message en français).',
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Erreur' } } }
};

const commonHeaders = {
	'Access-Control-Allow-Origin': { schema: { type: 'string', const: '*' } },
	'Cache-Control': { schema: { type: 'string' } }
};

export function openApiDocument(input: OpenApiInput) {
	const required = openDataFields.map((f) => f.name);
	const structure: Schema = {
		type: 'object',
		description: "Une structure d'accompagnement publiée sur la cartographie.",
		required,
		additionalProperties: false,
		properties: Object.fromEntries(openDataFields.map((f) => [f.name, fieldSchema(f, input)]))
	};
	return {
		openapi: '3.1.0',
		info: {
			title: "Cartographie de l'accompagnement des coopérations territoriales",
			version: '1.0.0',
			summary: "Les fiches publiées des structures d'accompagnement, en données ouvertes.",
			description:
				"Données publiées sous la Licence Ouverte / Open Licence version 2.0 (Etalab). Seules les fiches publiées sont exportées ; les coordonnées de contact n'apparaissent que lorsque la structure a choisi de les rendre publiques. Les filtres sont ceux de la carte et de la liste de /cartographie ; une valeur inconnue est ignorée.",
			license: { name: 'Licence Ouverte / Open Licence version 2.0', identifier: 'etalab-2.0' }
		},
		externalDocs: {
			description: 'Documentation des champs et de la licence',
			url: `${input.baseUrl}/cartographie/donnees`
		},
		servers: [{ url: `${input.baseUrl}/api/v1` }],
		paths: {
			'/structures': {
				get: {
					operationId: 'listerStructures',
					summary: 'Structures publiées, en JSON, page par page',
					parameters: [
						...filterRefs(input),
						{ $ref: '#/components/parameters/page' },
						{ $ref: '#/components/parameters/par_page' }
					],
					responses: {
						'200': {
							description:
								'Une page de structures. Les liens vers les pages voisines sont aussi dans l’en-tête Link.',
							headers: { ...commonHeaders, Link: { schema: { type: 'string' } } },
							content: {
								'application/json': { schema: { $ref: '#/components/schemas/PageStructures' } }
							}
						},
						'400': errorResponse
					}
				}
			},
			'/structures.geojson': {
				get: {
					operationId: 'exporterStructuresGeoJSON',
					summary: 'Toutes les structures publiées, en GeoJSON (RFC 7946)',
					parameters: filterRefs(input),
					responses: {
						'200': {
							description:
								'Une FeatureCollection ; les structures sans point ont une géométrie nulle.',
							headers: commonHeaders,
							content: {
								'application/geo+json': {
									schema: { $ref: '#/components/schemas/CollectionStructures' }
								}
							}
						}
					}
				}
			},
			'/structures.csv': {
				get: {
					operationId: 'exporterStructuresCSV',
					summary: 'Toutes les structures publiées, en CSV (UTF-8, RFC 4180)',
					description: `Séparateur virgule, fin de ligne CRLF, une ligne d'en-tête : ${csvHeader.join(', ')}. Les valeurs multiples sont séparées par « ${MULTI_SEPARATOR} » ; un « ${MULTI_SEPARATOR} » ou un « \\ » qui fait partie d'une valeur est précédé d'un « \\ ».`,
					parameters: filterRefs(input),
					responses: {
						'200': {
							description: 'Le fichier CSV (téléchargement).',
							headers: {
								...commonHeaders,
								'Content-Disposition': { schema: { type: 'string' } }
							},
							content: { 'text/csv': { schema: { type: 'string' } } }
						}
					}
				}
			}
		},
		components: {
			parameters: {
				...filterParameters(input),
				page: param('page', 'Numéro de la page, à partir de 1.', {
					type: 'integer',
					minimum: 1,
					default: 1
				}),
				par_page: param('par_page', 'Nombre de structures par page.', {
					type: 'integer',
					minimum: 1,
					maximum: MAX_PER_PAGE,
					default: DEFAULT_PER_PAGE
				})
			},
			schemas: {
				Territoire: {
					type: 'object',
					required: ['type', 'code', 'nom'],
					additionalProperties: false,
					properties: {
						type: {
							type: 'string',
							enum: territoryKinds.map((k) => k.code),
							description: enumDescription(territoryKinds)
						},
						code: { type: 'string' },
						nom: { type: ['string', 'null'] }
					}
				},
				Structure: structure,
				PageStructures: {
					type: 'object',
					required: ['total', 'page', 'pages', 'par_page', 'liens', 'structures'],
					properties: {
						total: { type: 'integer', minimum: 0 },
						page: { type: 'integer', minimum: 1 },
						pages: { type: 'integer', minimum: 1 },
						par_page: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE },
						liens: {
							type: 'object',
							required: ['self', 'next', 'prev', 'first', 'last'],
							properties: {
								self: { type: 'string', format: 'uri' },
								first: { type: 'string', format: 'uri' },
								last: { type: 'string', format: 'uri' },
								next: { type: ['string', 'null'], format: 'uri' },
								prev: { type: ['string', 'null'], format: 'uri' }
							}
						},
						structures: { type: 'array', items: { $ref: '#/components/schemas/Structure' } }
					}
				},
				Point: {
					type: 'object',
					required: ['type', 'coordinates'],
					properties: {
						type: { type: 'string', const: 'Point' },
						coordinates: {
							type: 'array',
							description: 'Longitude puis latitude, en degrés décimaux (WGS 84).',
							prefixItems: [
								{ type: 'number', minimum: -180, maximum: 180 },
								{ type: 'number', minimum: -90, maximum: 90 }
							],
							minItems: 2,
							maxItems: 2
						}
					}
				},
				StructureFeature: {
					type: 'object',
					required: ['type', 'id', 'geometry', 'properties'],
					properties: {
						type: { type: 'string', const: 'Feature' },
						id: { type: 'string', format: 'uuid' },
						geometry: {
							oneOf: [{ $ref: '#/components/schemas/Point' }, { type: 'null' }]
						},
						properties: { $ref: '#/components/schemas/Structure' }
					}
				},
				CollectionStructures: {
					type: 'object',
					required: ['type', 'features'],
					properties: {
						type: { type: 'string', const: 'FeatureCollection' },
						features: {
							type: 'array',
							items: { $ref: '#/components/schemas/StructureFeature' }
						}
					}
				},
				Erreur: {
					type: 'object',
					required: ['message'],
					properties: { message: { type: 'string' } }
				}
			}
		}
	};
}
