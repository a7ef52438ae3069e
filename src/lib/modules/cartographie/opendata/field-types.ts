/**
 * The types of the open data fields (fields.ts) and of the rows they are read from. Pure.
 */
import type { ReferenceListName } from '../reference-data';
import type { TerritoryKind } from '../rules';

/** One row of the export query (rows.server.ts): public columns only, contacts already masked. */
export interface ExportRow {
	id: string;
	slug: string;
	name: string;
	acronym: string | null;
	short_description: string;
	presentation: string | null;
	siret: string | null;
	address: string | null;
	commune_code: string | null;
	commune_nom: string | null;
	departement_code: string | null;
	region_code: string | null;
	lat: number | null;
	lon: number | null;
	national: boolean;
	territories: { kind: TerritoryKind; code: string; nom: string | null }[] | null;
	kinds: string[];
	dimensions: string[];
	modalities: string[];
	stages: string[];
	cost: string | null;
	methodologies: string | null;
	needs_seen: string | null;
	publics: string | null;
	networks: string | null;
	/** Null unless the contact chose to make it public (masked in SQL). */
	email: string | null;
	phone: string | null;
	website: string | null;
	last_verified_at: Date | string | null;
	updated_at: Date | string;
}

/** A territory of intervention as exported. */
export interface ExportTerritory {
	type: TerritoryKind;
	code: string;
	nom: string | null;
}

/** What the values need besides the row: labels of the reference lists, the site's address. */
export interface ExportContext {
	labels: Record<ReferenceListName, Record<string, string>>;
	baseUrl: string;
}

export type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'territories';
export type FieldFormat = 'uuid' | 'uri' | 'email' | 'date-time' | 'markdown';
export type FieldValue = string | number | boolean | null | string[] | ExportTerritory[];

export interface CsvColumn {
	name: string;
	description: string;
	example: string;
	value: (row: ExportRow, x: ExportContext) => string;
}

export interface OpenDataField {
	/** Name of the JSON property, of the GeoJSON property and (unless `csv`) of the CSV column. */
	name: string;
	type: FieldType;
	format?: FieldFormat;
	nullable: boolean;
	/** French meaning, shown on /cartographie/donnees and in the OpenAPI document. */
	description: string;
	example: FieldValue;
	/** Coded field: its values are the codes of this reference list. */
	list?: ReferenceListName;
	/** This field gives the labels of the codes of another field. */
	labelsOf?: string;
	/** Fixed allowed values (not from a reference list), with their French meaning. */
	values?: readonly { code: string; label: string }[];
	maxLength?: number;
	pattern?: string;
	value: (row: ExportRow, x: ExportContext) => FieldValue;
	/** CSV columns when the field does not fit one plain column. */
	csv?: CsvColumn[];
}

/** "Texte", "Liste de textes"…: the type of a field in words, for the documentation page. */
export function typeLabel(f: OpenDataField): string {
	if (f.type === 'territories') return 'Liste de territoires (type, code, nom)';
	if (f.type === 'string[]') return 'Liste de textes';
	if (f.type === 'number') return 'Nombre décimal';
	if (f.type === 'boolean') return 'Booléen';
	const formats: Record<FieldFormat, string> = {
		uuid: 'Texte (UUID)',
		uri: 'Texte (URL)',
		email: 'Texte (adresse email)',
		'date-time': 'Date et heure (ISO 8601)',
		markdown: 'Texte (Markdown)'
	};
	return f.format ? formats[f.format] : 'Texte';
}
