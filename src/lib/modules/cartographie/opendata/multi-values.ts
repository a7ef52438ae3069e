/**
 * The values of a multi-valued CSV cell, as the export writes them and the import reads them:
 * joined with "|"; a "|" or a "\" inside a value is written "\|" or "\\", so that a label holding
 * a "|" stays one value. Any other "\" is kept as it is (files written by hand). Pure.
 */

/** Separator of the values of a multi-valued CSV column. */
export const MULTI_SEPARATOR = '|';

/** Joins values with "|", escaping the "|" and "\" they hold. */
export function joinMulti(values: readonly string[]): string {
	return values.map((v) => v.replace(/[\\|]/g, (c) => `\\${c}`)).join(MULTI_SEPARATOR);
}

/** The values of a cell written by joinMulti (or by hand), unescaped, untrimmed. */
export function splitMultiValues(cell: string): string[] {
	const values: string[] = [];
	let current = '';
	for (let i = 0; i < cell.length; i++) {
		const c = cell[i]!;
		const next = cell[i + 1];
		if (c === '\\' && (next === '\\' || next === MULTI_SEPARATOR)) {
			current += next;
			i++;
		} else if (c === MULTI_SEPARATOR) {
			values.push(current);
			current = '';
		} else current += c;
	}
	values.push(current);
	return values;
}
