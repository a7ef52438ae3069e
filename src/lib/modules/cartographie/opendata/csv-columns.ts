/**
 * The columns of the CSV export, from the field list (fields.ts): one column a field, or the
 * columns a field names itself (`csv`). Pure: also read by the documentation page.
 */
import type { CsvColumn, ExportContext, ExportRow, FieldValue } from './field-types';
import { openDataFields } from './fields';
import { joinMulti } from './multi-values';

/** Name of the downloaded CSV file. */
export const CSV_FILENAME = 'structures-cartographie.csv';

/** A plain value as one CSV cell: empty for null, "true"/"false", lists as in multi-values.ts. */
export function csvCell(value: FieldValue): string {
	if (value === null) return '';
	if (Array.isArray(value)) {
		return joinMulti(value.map((v) => (typeof v === 'string' ? v : `${v.type}:${v.code}`)));
	}
	return String(value);
}

/** Every CSV column, in order, with its meaning and how to get it. */
export const csvColumns: readonly CsvColumn[] = openDataFields.flatMap(
	(f): CsvColumn[] =>
		f.csv ?? [
			{
				name: f.name,
				description: f.description,
				example: csvCell(f.example),
				value: (row, x) => csvCell(f.value(row, x))
			}
		]
);

/** The header row of the CSV export. */
export const csvHeader: readonly string[] = csvColumns.map((c) => c.name);

/** One CSV record of a row, in the order of `csvHeader`. */
export function toCsvRecord(row: ExportRow, x: ExportContext): string[] {
	return csvColumns.map((c) => c.value(row, x));
}
