/**
 * Pure rules of the CSV import of fiches: the fields a column can fill, guessing the mapping
 * from the header, and reading cells (booleans, multi-values, codes or labels, territories).
 * No database: names of communes and territories are resolved in import.server.ts.
 */
import { normalizeName } from '../../geo/rules';
import type { TerritoryKind } from '../rules';

export interface ImportFieldSpec {
	key: string;
	label: string;
	/** Header names recognised for this field, best first (compared without case, accents, spaces). */
	aliases: readonly string[];
	required?: boolean;
}

/**
 * The fields of a fiche a column can fill, in the order of the mapping form. Aliases: French
 * labels, the English field names, then the column names of the open data CSV export
 * (opendata/fields.ts; mapping.test.ts checks they still exist there).
 */
export const importFields = [
	{
		key: 'name',
		label: 'Nom de la structure',
		aliases: ['nom', 'name', 'nom de la structure', 'structure', 'raison sociale'],
		required: true
	},
	{ key: 'acronym', label: 'Sigle', aliases: ['sigle', 'acronym', 'acronyme'] },
	{
		key: 'shortDescription',
		label: 'Description courte',
		aliases: [
			'description_courte',
			'shortDescription',
			'description courte',
			'description',
			'résumé'
		],
		required: true
	},
	{
		key: 'presentation',
		label: 'Présentation',
		aliases: ['presentation', 'présentation détaillée']
	},
	{ key: 'siret', label: 'Numéro SIRET', aliases: ['siret', 'numéro siret', 'n° siret'] },
	{ key: 'address', label: 'Adresse', aliases: ['adresse', 'address', 'adresse postale'] },
	{
		key: 'commune',
		label: 'Commune (code INSEE ou nom)',
		aliases: [
			'commune_code',
			'communeCode',
			'code insee',
			'code commune',
			'insee',
			'commune',
			'commune_nom',
			'ville',
			'city'
		],
		required: true
	},
	{ key: 'postalCode', label: 'Code postal', aliases: ['code postal', 'cp', 'postalCode', 'zip'] },
	{ key: 'lat', label: 'Latitude', aliases: ['latitude', 'lat'] },
	{ key: 'lon', label: 'Longitude', aliases: ['longitude', 'lon', 'lng'] },
	{
		key: 'national',
		label: 'Intervient sur tout le territoire national',
		aliases: ['national', 'nationale', 'territoire national']
	},
	{
		key: 'territories',
		label: "Territoire d'intervention",
		aliases: [
			'territoires',
			'territories',
			'territoire',
			"territoire d'intervention",
			"zone d'intervention"
		]
	},
	{
		key: 'cooperationKinds',
		label: 'Types de coopération accompagnés',
		aliases: [
			'types_cooperation',
			'cooperationKinds',
			'types de coopération',
			'type de coopération',
			'types de coopération accompagnés',
			'types_cooperation_libelles'
		]
	},
	{
		key: 'dimensions',
		label: "Dimensions de l'accompagnement",
		aliases: ['dimensions', 'dimensions accompagnées', 'dimensions_libelles']
	},
	{
		key: 'modalities',
		label: "Modalités d'accompagnement",
		aliases: ['modalites', 'modalities', "modalités d'accompagnement", 'modalites_libelles']
	},
	{
		key: 'stages',
		label: 'Étapes des projets accompagnés',
		aliases: ['etapes', 'stages', 'stades', 'étapes de projet', 'etapes_libelles']
	},
	{
		key: 'cost',
		label: "Coût de l'accompagnement",
		aliases: ['cout', 'cost', "coût de l'accompagnement", 'cout_libelle']
	},
	{
		key: 'methodologies',
		label: 'Méthodologies et outils',
		aliases: ['methodologies', 'méthodologies et outils', 'outils']
	},
	{
		key: 'needsSeen',
		label: 'Besoins observés',
		aliases: ['besoins_observes', 'needsSeen', 'besoins']
	},
	{ key: 'publics', label: 'Publics accompagnés', aliases: ['publics', 'publics accompagnés'] },
	{
		key: 'networks',
		label: 'Réseaux et partenaires',
		aliases: ['reseaux', 'networks', 'réseaux et partenaires']
	},
	{
		key: 'contactEmail',
		label: 'Adresse email de contact',
		aliases: ['email', 'contactEmail', 'courriel', 'adresse email', 'mail', 'e-mail']
	},
	{
		key: 'contactEmailPublic',
		label: 'Adresse email publique (oui / non)',
		aliases: ['email public', 'contactEmailPublic', 'email_public']
	},
	{
		key: 'contactPhone',
		label: 'Téléphone de contact',
		aliases: ['telephone', 'contactPhone', 'tel', 'phone']
	},
	{
		key: 'contactPhonePublic',
		label: 'Téléphone public (oui / non)',
		aliases: ['téléphone public', 'contactPhonePublic', 'telephone_public']
	},
	{
		key: 'contactWebsite',
		label: 'Site web',
		aliases: ['site_web', 'contactWebsite', 'site web', 'site internet', 'website', 'site']
	},
	{
		key: 'contactWebsitePublic',
		label: 'Site web public (oui / non)',
		aliases: ['site web public', 'contactWebsitePublic', 'site_web_public']
	}
] as const satisfies readonly ImportFieldSpec[];

export type ImportField = (typeof importFields)[number]['key'];

export const importFieldKeys: readonly ImportField[] = importFields.map((f) => f.key);

export const importFieldLabels = Object.fromEntries(
	importFields.map((f) => [f.key, f.label])
) as Record<ImportField, string>;

export function isImportField(key: string): key is ImportField {
	return (importFieldKeys as readonly string[]).includes(key);
}

/** Field → index of the file's column that fills it (absent: not imported). */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** A header or an alias reduced to letters and digits: "Description courte" = "description_courte". */
export function compactName(name: string): string {
	return normalizeName(name).replace(/ /g, '');
}

/**
 * The mapping guessed from the header: for each field, the first of its aliases that names a
 * column not already taken. Fields are taken in order, so "commune_code" wins over
 * "commune_nom" and a codes column over its labels column.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
	const compact = headers.map(compactName);
	const used = new Set<number>();
	const mapping: ColumnMapping = {};
	for (const field of importFields) {
		for (const alias of [...field.aliases, field.label]) {
			const index = compact.findIndex(
				(h, i) => h !== '' && h === compactName(alias) && !used.has(i)
			);
			if (index >= 0) {
				mapping[field.key] = index;
				used.add(index);
				break;
			}
		}
	}
	return mapping;
}

/** The mapping as stored (jsonb of strings) and back; unknown fields and bad indexes dropped. */
export function mappingToJson(mapping: ColumnMapping): Record<string, string> {
	return Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, String(v)]));
}

export function mappingFromJson(
	json: Record<string, unknown> | null | undefined,
	columnCount: number
): ColumnMapping {
	const mapping: ColumnMapping = {};
	for (const [key, value] of Object.entries(json ?? {})) {
		const index = Number(value);
		if (isImportField(key) && Number.isInteger(index) && index >= 0 && index < columnCount) {
			mapping[key] = index;
		}
	}
	return mapping;
}

/** The mapping chosen in the form: fields `col_<field>` holding a column index or "". */
export function mappingFromForm(form: Record<string, unknown>, columnCount: number): ColumnMapping {
	const json: Record<string, unknown> = {};
	for (const key of importFieldKeys) {
		const value = form[`col_${key}`];
		if (typeof value === 'string' && value !== '') json[key] = value;
	}
	return mappingFromJson(json, columnCount);
}

/** Messages for a mapping that cannot give any valid fiche (required fields without column). */
export function mappingProblems(mapping: ColumnMapping): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const f of importFields) {
		if ('required' in f && f.required && mapping[f.key] === undefined) {
			problems[`col_${f.key}`] = `Choisissez la colonne de « ${f.label} ».`;
		}
	}
	if (mapping.territories === undefined && mapping.national === undefined) {
		problems.col_territories =
			"Choisissez la colonne du territoire d'intervention (ou celle qui indique « national »).";
	}
	const seen = new Map<number, ImportField>();
	for (const [key, index] of Object.entries(mapping) as [ImportField, number][]) {
		const other = seen.get(index);
		if (other) {
			problems[`col_${key}`] =
				`Cette colonne remplit déjà « ${importFieldLabels[other]} » : une colonne ne remplit qu'un champ.`;
		} else seen.set(index, key);
	}
	return problems;
}

/** The cells of a record by field, trimmed; fields without column or empty cells are absent. */
export function cellsOf(
	record: readonly string[],
	mapping: ColumnMapping
): Partial<Record<ImportField, string>> {
	const out: Partial<Record<ImportField, string>> = {};
	for (const [key, index] of Object.entries(mapping) as [ImportField, number][]) {
		const value = (record[index] ?? '').trim();
		if (value !== '') out[key] = value;
	}
	return out;
}

/** Whether every cell of a record is blank (a blank line of a spreadsheet). */
export function isBlankRecord(record: readonly string[]): boolean {
	return record.every((c) => c.trim() === '');
}

// ---------------------------------------------------------------------------------------------
// Cell values

const yes = new Set(['oui', 'o', 'true', 'vrai', '1', 'yes', 'y', 'x']);
const no = new Set(['non', 'n', 'false', 'faux', '0', 'no']);

export const BOOLEAN_MESSAGE = 'Valeur attendue : oui ou non (ou true / false, 1 / 0).';

/** oui / non, true / false, 1 / 0 (and vrai / faux, yes / no); empty is null; else 'invalid'. */
export function parseBoolean(value: string | undefined): boolean | null | 'invalid' {
	if (value === undefined || value.trim() === '') return null;
	const v = normalizeName(value);
	if (yes.has(v)) return true;
	if (no.has(v)) return false;
	return 'invalid';
}

/** Separator of the values of a multi-valued cell, as in the open data export. */
export const MULTI_SEPARATOR = '|';

/** The values of a multi-valued cell ("a | b|c"): trimmed, without blanks or repeats. */
export function splitMulti(value: string | undefined): string[] {
	if (!value) return [];
	const seen = new Set<string>();
	const out: string[] = [];
	for (const part of value.split(MULTI_SEPARATOR)) {
		const v = part.replace(/\s+/g, ' ').trim();
		if (v && !seen.has(v)) {
			seen.add(v);
			out.push(v);
		}
	}
	return out;
}

/**
 * Reads the codes of a reference list from codes or labels, case, accents and punctuation
 * ignored ("Tiers-lieu", "tiers_lieu", "TIERS LIEU" → tiers_lieu). A value matching nothing is
 * kept as it is, so that the fiche's validation names it ("Choix inconnu : …").
 */
export function codeReader(items: readonly { code: string; label: string }[]) {
	const byName = new Map<string, string>();
	for (const item of items) byName.set(normalizeName(item.label), item.code);
	// Codes win over labels when both could match.
	for (const item of items) byName.set(normalizeName(item.code), item.code);
	return (value: string): string => byName.get(normalizeName(value)) ?? value;
}

/** What one value of a territories cell asks for. */
export type TerritoryToken =
	| { type: 'national' }
	| { type: 'code'; kind: TerritoryKind; code: string }
	/** A name to resolve, of one kind when written "departement:Rhône", else of any kind. */
	| { type: 'name'; kind: TerritoryKind | null; name: string }
	| { type: 'invalid'; message: string };

const kindNames: Record<string, TerritoryKind> = {
	commune: 'commune',
	epci: 'epci',
	interco: 'epci',
	intercommunalite: 'epci',
	departement: 'departement',
	dep: 'departement',
	dept: 'departement',
	region: 'region',
	reg: 'region'
};

const nationalNames = new Set([
	'national',
	'nationale',
	'france',
	'france entiere',
	'toute la france'
]);

const codePatterns: Record<TerritoryKind, RegExp> = {
	commune: /^[0-9][0-9AB][0-9]{3}$/,
	epci: /^[0-9]{9}$/,
	departement: /^(?:[0-9]{2}|2[AB]|97[0-9])$/,
	region: /^[0-9]{2}$/
};

/**
 * One value of a territories cell: "national", "departement:69", "region:84", "commune:69123",
 * "epci:200046977", a kind and a name ("departement:Rhône"), a bare EPCI SIREN (9 digits) or
 * INSEE commune code (5 characters), or a name. Bare 2-digit codes are refused: "84" is both a
 * département and a région.
 */
export function parseTerritoryToken(value: string): TerritoryToken {
	const text = value.trim();
	if (nationalNames.has(normalizeName(text))) return { type: 'national' };
	const colon = text.indexOf(':');
	if (colon > 0) {
		const kind = kindNames[compactName(text.slice(0, colon))];
		const rest = text.slice(colon + 1).trim();
		if (!kind) {
			return {
				type: 'invalid',
				message: `« ${text} » : type de territoire inconnu (commune, epci, departement ou region).`
			};
		}
		if (!rest) return { type: 'invalid', message: `« ${text} » : code manquant.` };
		const code = rest.toUpperCase();
		if (codePatterns[kind].test(code)) return { type: 'code', kind, code };
		if (/^[0-9]+$/.test(rest)) {
			return { type: 'invalid', message: `« ${text} » : code de territoire invalide.` };
		}
		return { type: 'name', kind, name: rest };
	}
	if (codePatterns.epci.test(text)) return { type: 'code', kind: 'epci', code: text };
	if (codePatterns.commune.test(text.toUpperCase())) {
		return { type: 'code', kind: 'commune', code: text.toUpperCase() };
	}
	if (/^[0-9][0-9AB]?[0-9]?$/i.test(text)) {
		return {
			type: 'invalid',
			message: `« ${text} » : précisez departement:${text} ou region:${text}.`
		};
	}
	return { type: 'name', kind: null, name: text };
}

// ---------------------------------------------------------------------------------------------
// File format

export type Delimiter = ',' | ';' | '\t';

export const delimiterLabels: Record<Delimiter, string> = {
	',': 'virgule (,)',
	';': 'point-virgule (;)',
	'\t': 'tabulation'
};

/**
 * The separator of a file from its header line: the most frequent of ",", ";" and tab outside
 * double quotes (a comma wins a tie; a single column gives a comma).
 */
export function detectDelimiter(headerLine: string): Delimiter {
	const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
	let quoted = false;
	for (const c of headerLine) {
		if (c === '"') quoted = !quoted;
		else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
	}
	let best: Delimiter = ',';
	for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
	return best;
}

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export const encodingLabels: Record<FileEncoding, string> = {
	'utf-8': 'UTF-8',
	'utf-8-bom': 'UTF-8 (avec BOM)',
	'windows-1252': 'Windows-1252, converti en UTF-8 (le fichier n’était pas en UTF-8 valide)'
};

// Windows-1252 differs from Latin-1 on 0x80–0x9F (€, œ, ’, …). Node's TextDecoder decodes
// "windows-1252" as plain Latin-1, so the table is ours. Undefined bytes stay as they are.
const cp1252: Record<number, string> = {
	0x80: '€',
	0x82: '‚',
	0x83: 'ƒ',
	0x84: '„',
	0x85: '…',
	0x86: '†',
	0x87: '‡',
	0x88: 'ˆ',
	0x89: '‰',
	0x8a: 'Š',
	0x8b: '‹',
	0x8c: 'Œ',
	0x8e: 'Ž',
	0x91: '‘',
	0x92: '’',
	0x93: '“',
	0x94: '”',
	0x95: '•',
	0x96: '–',
	0x97: '—',
	0x98: '˜',
	0x99: '™',
	0x9a: 'š',
	0x9b: '›',
	0x9c: 'œ',
	0x9e: 'ž',
	0x9f: 'Ÿ'
};

/** Decodes Windows-1252 bytes (one byte, one character: chunks can be decoded one by one). */
export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	const size = 8192;
	for (let i = 0; i < bytes.length; i += size) {
		const part = bytes.subarray(i, i + size);
		out += String.fromCharCode(...part);
	}
	return out.replace(/[\x80-\x9f]/g, (c) => cp1252[c.charCodeAt(0)] ?? c);
}

/** Whether bytes look like a binary file rather than text: a NUL byte in the first 64 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
	return bytes.subarray(0, 65_536).includes(0);
}

// ---------------------------------------------------------------------------------------------
// Report

/** One problem of one row: its number in the file (the header is line 1), field, message. */
export type RowError = [row: number, field: ImportField | 'ligne', message: string];

/** The rows of the downloadable report: line, field, column of the file, reason. */
export function reportRecords(
	errors: readonly RowError[],
	mapping: ColumnMapping,
	headers: readonly string[]
): string[][] {
	return [
		['ligne', 'champ', 'colonne', 'raison'],
		...errors.map(([row, field, message]) => {
			const index = field === 'ligne' ? undefined : mapping[field];
			return [
				String(row),
				field === 'ligne' ? '' : importFieldLabels[field],
				index === undefined ? '' : (headers[index] ?? ''),
				message
			];
		})
	];
}
