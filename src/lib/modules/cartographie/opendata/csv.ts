/**
 * CSV of the exports: UTF-8, RFC 4180 (comma, CRLF, fields quoted when needed with quotes
 * doubled), one header row of the columns documented on /cartographie/donnees.
 */
import { stringify } from 'csv-stringify/sync';
import { csvHeader, toCsvRecord } from './csv-columns';
import type { ExportContext, ExportRow } from './field-types';

export { CSV_FILENAME } from './csv-columns';

const options = { delimiter: ',', record_delimiter: '\r\n', quote: '"', escape: '"' } as const;

/** The header row, CRLF-terminated. */
export const csvHead = stringify([[...csvHeader]], options);

/** The records of a batch, each CRLF-terminated. */
export function csvBatch(rows: ExportRow[], x: ExportContext): string {
	return stringify(
		rows.map((r) => toCsvRecord(r, x)),
		options
	);
}
