/**
 * Pure rules of the CSV import of fiches: the fields a column can fill, guessing the mapping
 * from the header, the cells of a record by field and the downloadable report. Reading one cell
 * is in cells.ts, the file's encoding and separator in file-format.ts.
 */
import { normalizeName } from '../../geo/rules';

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
 * (opendata/csv-columns.ts; mapping.test.ts checks they still exist there).
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
