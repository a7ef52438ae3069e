import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	indexColumns,
	indexOf,
	queryIndex,
	type IndexColumn,
	type IndexRow
} from './search-index.server';

// Few codes per column, so that filters often match; « zz » is a code no fiche has.
const codes = ['a', 'b', 'c', 'd', 'e'];
const rowArb = fc.record({
	national: fc.boolean(),
	...(Object.fromEntries(
		indexColumns.map((c) => [c, fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 4 })])
	) as Record<IndexColumn, fc.Arbitrary<string[]>>)
});
const filtersArb = fc.record(
	Object.fromEntries(indexColumns.map((c) => [c, fc.constantFrom(...codes, 'zz')])) as Record<
		IndexColumn,
		fc.Arbitrary<string>
	>,
	{ requiredKeys: [] }
);

describe('queryIndex', () => {
	it('gives the fiches that pass every filter, and each facet counted with the other filters', () => {
		fc.assert(
			fc.property(
				fc.array(rowArb, { maxLength: 140 }),
				filtersArb,
				fc.option(fc.array(fc.nat({ max: 139 })), { nil: null }),
				fc.integer({ min: 1, max: 3 }),
				(raw, filters, ranked, batchSize) => {
					const rows: IndexRow[] = raw.map((r, i) => ({
						id: `f${i}`,
						name: `Fiche ${i}`,
						lat: null,
						lon: null,
						...r
					}));
					const batches: IndexRow[][] = [];
					for (let i = 0; i < rows.length; i += batchSize * 20) {
						batches.push(rows.slice(i, i + batchSize * 20));
					}
					const index = indexOf(1, batches);
					const textRanks = ranked ? new Map(ranked.map((i) => [i, 1])) : null;
					const { matches, counts } = queryIndex(index, { filters, textRanks });

					const inRanks = (i: number) => !textRanks || textRanks.has(i);
					const passes = (row: IndexRow, except?: IndexColumn) =>
						indexColumns.every(
							(c) => c === except || filters[c] === undefined || row[c].includes(filters[c]!)
						);
					expect(matches).toEqual(rows.flatMap((row, i) => (inRanks(i) && passes(row) ? [i] : [])));
					for (const c of indexColumns) {
						index.columns[c].codes.forEach((code, bit) => {
							const expected = rows.filter(
								(row, i) => inRanks(i) && passes(row, c) && row[c].includes(code)
							).length;
							expect(counts[c][bit]).toBe(expected);
						});
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
