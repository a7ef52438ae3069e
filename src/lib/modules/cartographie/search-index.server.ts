// The list's index: for each published fiche, in name order, its reference lists, cost,
// régions and départements as bit sets, its point and whether it is national. The list page
// filters, counts its facets and cuts its page of results in memory (a few milliseconds at
// 10,000 fiches instead of three scans of carto_fiches), then reads the 24 fiches of the page.
// The database keeps a version number (carto_search_state, raised at the commit of any change
// the index reads); every search reads it and the index is rebuilt when it differs, so the
// results are always those of the committed data.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { Db } from '../../server/db';

/** The facets of the list, and the columns of the index. */
export const indexColumns = [
	'type',
	'dimension',
	'modalite',
	'etape',
	'cout',
	'region',
	'departement'
] as const;
export type IndexColumn = (typeof indexColumns)[number];

/** The codes of one column and, for each fiche, the bits of those it has. */
interface BitColumn {
	codes: string[];
	/** Bit set words per fiche. */
	words: number;
	bits: Uint32Array;
}

export interface SearchIndex {
	version: number;
	size: number;
	/** Fiche ids in the list's order without a search: name, then id. */
	ids: string[];
	position: Map<string, number>;
	national: Uint8Array;
	/** NaN where the fiche has no point. */
	lat: Float64Array;
	lon: Float64Array;
	columns: Record<IndexColumn, BitColumn>;
}

type IndexRow = {
	id: string;
	name: string;
	national: boolean;
	lat: number | null;
	lon: number | null;
} & Record<IndexColumn, string[]>;

const BATCH = 2000;

/** The version of the data the index reads (carto_search_state). */
export async function searchVersion(ctx: Ctx): Promise<number> {
	const { rows } = await ctx.db.execute<{ version: string | number }>(
		sql`select version from carto_search_state where id = 1`
	);
	return Number(rows[0]?.version ?? 0);
}

/** Reads the published fiches (in batches, to keep the memory low) and builds the index. */
async function build(ctx: Ctx): Promise<SearchIndex> {
	return ctx.db.transaction(
		async (tx) => {
			const { rows: v } = await tx.execute<{ version: string | number }>(
				sql`select version from carto_search_state where id = 1`
			);
			const batches: IndexRow[][] = [];
			let last: IndexRow | undefined;
			for (;;) {
				const after = last ? sql`and (f.name, f.id) > (${last.name}, ${last.id}::uuid)` : sql``;
				const { rows } = await tx.execute<IndexRow>(sql`
					select f.id, f.name, f.national, f.lat, f.lon,
						f.cooperation_kinds as type, f.dimensions as dimension, f.modalities as modalite,
						f.stages as etape,
						case when f.cost is null then '{}'::text[] else array[f.cost] end as cout,
						a.regions as region, a.departements as departement
					from carto_fiches f join carto_fiche_areas a on a.fiche_id = f.id
					where f.status = 'publiee' ${after}
					order by f.name, f.id
					limit ${BATCH}`);
				if (rows.length) batches.push(rows);
				if (rows.length < BATCH) break;
				last = rows[rows.length - 1];
			}
			return indexOf(Number(v[0]?.version ?? 0), batches);
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

function indexOf(version: number, batches: IndexRow[][]): SearchIndex {
	const size = batches.reduce((n, b) => n + b.length, 0);
	const codes = Object.fromEntries(
		indexColumns.map((c) => [c, new Map<string, number>()])
	) as Record<IndexColumn, Map<string, number>>;
	for (const rows of batches) {
		for (const row of rows) {
			for (const c of indexColumns) {
				for (const code of row[c]) if (!codes[c].has(code)) codes[c].set(code, codes[c].size);
			}
		}
	}
	const columns = Object.fromEntries(
		indexColumns.map((c) => {
			const words = Math.max(1, Math.ceil(codes[c].size / 32));
			return [c, { codes: [...codes[c].keys()], words, bits: new Uint32Array(words * size) }];
		})
	) as Record<IndexColumn, BitColumn>;
	const ids: string[] = new Array(size);
	const position = new Map<string, number>();
	const national = new Uint8Array(size);
	const lat = new Float64Array(size);
	const lon = new Float64Array(size);
	let i = 0;
	for (const rows of batches) {
		for (const row of rows) {
			ids[i] = row.id;
			position.set(row.id, i);
			national[i] = row.national ? 1 : 0;
			lat[i] = row.lat ?? NaN;
			lon[i] = row.lon ?? NaN;
			for (const c of indexColumns) {
				const col = columns[c];
				for (const code of row[c]) {
					const bit = codes[c].get(code)!;
					col.bits[i * col.words + (bit >>> 5)]! |= 1 << (bit & 31);
				}
			}
			i++;
		}
	}
	return { version, size, ids, position, national, lat, lon, columns };
}

// One index per database (the app has one; each test file its own).
const states = new WeakMap<Db, { index?: SearchIndex; building?: Promise<SearchIndex> }>();

/** The index of the data at `version` or later, rebuilt (once for concurrent calls) if older. */
export async function searchIndex(ctx: Ctx, version: number): Promise<SearchIndex> {
	let state = states.get(ctx.db);
	if (!state) states.set(ctx.db, (state = {}));
	// A build that started before `version` was committed may read older data: then once more.
	for (let attempt = 0; ; attempt++) {
		if (state.index && (state.index.version >= version || attempt > 2)) return state.index;
		const s = state;
		s.building ??= build(ctx).finally(() => (s.building = undefined));
		const built = await s.building;
		if (!s.index || built.version > s.index.version) s.index = built;
	}
}

export interface IndexQuery {
	/** The value of each filter that is set (a code of its column). */
	filters: Partial<Record<IndexColumn, string>>;
	/** With a text search: the rank of each fiche that matches (others are left out). */
	textRanks?: Map<number, number> | null;
}

/**
 * The positions of the fiches that pass every filter, in name order, and the counts of each
 * facet with every other filter applied (`counts[column][bit]`, bits as in `columns[c].codes`).
 */
export function queryIndex(index: SearchIndex, query: IndexQuery) {
	const tests: {
		column: IndexColumn;
		bits: Uint32Array;
		words: number;
		word: number;
		mask: number;
	}[] = [];
	for (const c of indexColumns) {
		const value = query.filters[c];
		if (value === undefined) continue;
		const col = index.columns[c];
		const bit = col.codes.indexOf(value);
		// A value no fiche has: nothing passes.
		tests.push({
			column: c,
			bits: col.bits,
			words: col.words,
			word: bit < 0 ? 0 : bit >>> 5,
			mask: bit < 0 ? 0 : 1 << (bit & 31)
		});
	}
	const counts = Object.fromEntries(
		indexColumns.map((c) => [c, new Int32Array(index.columns[c].codes.length)])
	) as Record<IndexColumn, Int32Array>;
	const add = (c: IndexColumn, i: number) => {
		const { bits, words } = index.columns[c];
		const into = counts[c];
		for (let w = 0; w < words; w++) {
			let x = bits[i * words + w]!;
			while (x !== 0) {
				const low = x & -x;
				into[w * 32 + 31 - Math.clz32(low)]!++;
				x ^= low;
			}
		}
	};
	const matches: number[] = [];
	const ranks = query.textRanks;
	for (let i = 0; i < index.size; i++) {
		if (ranks && !ranks.has(i)) continue;
		let failed = -1;
		let fails = 0;
		for (let t = 0; t < tests.length; t++) {
			const test = tests[t]!;
			if ((test.bits[i * test.words + test.word]! & test.mask) === 0) {
				failed = t;
				if (++fails > 1) break;
			}
		}
		if (fails === 0) {
			matches.push(i);
			for (const c of indexColumns) add(c, i);
		} else if (fails === 1) {
			add(tests[failed]!.column, i);
		}
	}
	return { matches, counts };
}

/** Great-circle distance in km, as the SQL of the exports computes it. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const r = Math.PI / 180;
	const a =
		Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
		Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
