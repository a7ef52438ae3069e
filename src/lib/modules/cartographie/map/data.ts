// The map's data in a compact form: parallel arrays instead of GeoJSON objects, so 10,000
// published fiches weigh a few hundred kilobytes before compression. Built by PostgreSQL as one
// JSON text (map.server.ts, same shape as encodeMapData), decoded in the browser into points for
// clustering.

export const MAP_DATA_VERSION = 2;

export interface MapData {
	v: typeof MAP_DATA_VERSION;
	/** Fiches that match, with or without a point. */
	total: number;
	/** Slugs, names, longitudes and latitudes of the fiches that have a point (same order). */
	slugs: string[];
	names: string[];
	lons: number[];
	lats: number[];
}

export type MapRow = {
	slug: string;
	name: string;
	lon: number | null;
	lat: number | null;
};

/** Five decimals: about one metre, enough for an address. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** The reference encoding (the SQL of map.server.ts gives the same JSON). */
export function encodeMapData(rows: readonly MapRow[]): MapData {
	const data: MapData = {
		v: MAP_DATA_VERSION,
		total: rows.length,
		slugs: [],
		names: [],
		lons: [],
		lats: []
	};
	for (const r of rows) {
		if (r.lon === null || r.lat === null) continue;
		data.slugs.push(r.slug);
		data.names.push(r.name);
		data.lons.push(round(r.lon));
		data.lats.push(round(r.lat));
	}
	return data;
}

export interface MapPoint {
	type: 'Feature';
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: { i: number };
}

/**
 * The points as GeoJSON features (what the clustering index takes). A point only carries its
 * index in `data`: its slug and name are read from there when its marker is drawn.
 */
export function decodeMapData(data: MapData): MapPoint[] {
	if (data.v !== MAP_DATA_VERSION) throw new Error(`Unknown map data version ${data.v}`);
	const points: MapPoint[] = new Array(data.slugs.length);
	for (let i = 0; i < points.length; i++) {
		points[i] = {
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [data.lons[i] ?? 0, data.lats[i] ?? 0] },
			properties: { i }
		};
	}
	return points;
}

/** What a point's popup shows (GET /cartographie/[slug]/resume.json). */
export type FicheSummary = {
	slug: string;
	name: string;
	acronym: string | null;
	shortDescription: string;
	place: string | null;
	cooperationKinds: string[];
};
