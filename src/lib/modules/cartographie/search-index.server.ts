// The list's index: the published fiches in name order and, for each code of their reference
// lists, cost, régions and départements, the bitmap of the fiches that have it; their points and
// whether they are national. Filtering is an AND of bitmaps, a facet count a popcount. The list page
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

/** The codes of one column and, for each code, the bitmap (by position) of the fiches with it. */
interface BitColumn {
	codes: string[];
	sets: Uint32Array[];
}

export interface SearchIndex {
	version: number;
	size: number;
	/** 32-bit words of a bitmap over the fiches. */
	words: number;
	/** Fiche ids in the list's order without a search: name, then id. */
	ids: string[];
	position: Map<string, number>;
	national: Uint8Array;
	/** NaN where the fiche has no point. */
	lat: Float64Array;
	lon: Float64Array;
	columns: Record<IndexColumn, BitColumn>;
}

export type IndexRow = {
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

/** The index of rows in list order (exported for its property test). */
export function indexOf(version: number, batches: IndexRow[][]): SearchIndex {
	const size = batches.reduce((n, b) => n + b.length, 0);
	const words = Math.max(1, Math.ceil(size / 32));
	const codes = Object.fromEntries(
		indexColumns.map((c) => [c, new Map<string, Uint32Array>()])
	) as Record<IndexColumn, Map<string, Uint32Array>>;
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
				for (const code of row[c]) {
					let set = codes[c].get(code);
					if (!set) codes[c].set(code, (set = new Uint32Array(words)));
					set[i >>> 5]! |= 1 << (i & 31);
				}
			}
			i++;
		}
	}
	const columns = Object.fromEntries(
		indexColumns.map((c) => [c, { codes: [...codes[c].keys()], sets: [...codes[c].values()] }])
	) as Record<IndexColumn, BitColumn>;
	return { version, size, words, ids, position, national, lat, lon, columns };
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

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** a AND b, into a new bitmap. */
function and(a: Uint32Array, b: Uint32Array): Uint32Array {
	const out = new Uint32Array(a.length);
	for (let w = 0; w < a.length; w++) out[w] = a[w]! & b[w]!;
	return out;
}

/**
 * The positions of the fiches that pass every filter, in name order, and the counts of each
 * facet with every other filter applied (`counts[column][bit]`, bits as in `columns[c].codes`).
 */
export function queryIndex(index: SearchIndex, query: IndexQuery) {
	const { words, size } = index;
	// Every fiche, or those the text search found.
	const base: Uint32Array = new Uint32Array(words);
	if (query.textRanks) {
		for (const i of query.textRanks.keys()) base[i >>> 5]! |= 1 << (i & 31);
	} else {
		for (let i = 0; i < size; i += 32) {
			base[i >>> 5] = size - i >= 32 ? 0xffffffff : (2 ** (size - i) - 1) >>> 0;
		}
	}
	const filters: { column: IndexColumn; set: Uint32Array }[] = [];
	for (const c of indexColumns) {
		const value = query.filters[c];
		if (value === undefined) continue;
		const col = index.columns[c];
		const bit = col.codes.indexOf(value);
		// A value no fiche has: nothing passes.
		filters.push({ column: c, set: bit < 0 ? new Uint32Array(words) : col.sets[bit]! });
	}
	let matched: Uint32Array = base;
	for (const f of filters) matched = and(matched, f.set);
	// A facet counts the fiches that pass every filter but its own.
	const countIn = (c: IndexColumn) => {
		let within: Uint32Array = matched;
		if (filters.some((f) => f.column === c)) {
			within = base;
			for (const f of filters) if (f.column !== c) within = and(within, f.set);
		}
		return Int32Array.from(index.columns[c].sets, (set) => {
			let n = 0;
			for (let w = 0; w < words; w++) n += popcount(set[w]! & within[w]!);
			return n;
		});
	};
	const counts = Object.fromEntries(indexColumns.map((c) => [c, countIn(c)])) as Record<
		IndexColumn,
		Int32Array
	>;
	const matches: number[] = [];
	for (let w = 0; w < words; w++) {
		let x = matched[w]!;
		while (x !== 0) {
			const low = x & -x;
			matches.push(w * 32 + 31 - Math.clz32(low));
			x ^= low;
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
