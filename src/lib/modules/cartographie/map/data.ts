// The map's data in a compact form: parallel arrays instead of GeoJSON objects, so 10,000
// published fiches weigh a few hundred kilobytes before compression. Shared by the server
// (encode) and the browser (decode into points for clustering).

export const MAP_DATA_VERSION = 1;

export interface MapData {
	v: typeof MAP_DATA_VERSION;
	/** Fiches that match, with or without a point. */
	total: number;
	/** Slugs, names and [lon, lat] pairs (flattened) of the fiches that have a point. */
	slugs: string[];
	names: string[];
	coords: number[];
}

export type MapRow = {
	slug: string;
	name: string;
	lon: number | null;
	lat: number | null;
};

/** Five decimals: about one metre, enough for an address. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

export function encodeMapData(rows: readonly MapRow[]): MapData {
	const data: MapData = {
		v: MAP_DATA_VERSION,
		total: rows.length,
		slugs: [],
		names: [],
		coords: []
	};
	for (const r of rows) {
		if (r.lon === null || r.lat === null) continue;
		data.slugs.push(r.slug);
		data.names.push(r.name);
		data.coords.push(round(r.lon), round(r.lat));
	}
	return data;
}

export interface MapPoint {
	type: 'Feature';
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: { slug: string; name: string };
}

/** The points as GeoJSON features (what the clustering index takes). */
export function decodeMapData(data: MapData): MapPoint[] {
	if (data.v !== MAP_DATA_VERSION) throw new Error(`Unknown map data version ${data.v}`);
	return data.slugs.map((slug, i) => ({
		type: 'Feature',
		geometry: {
			type: 'Point',
			coordinates: [data.coords[2 * i] ?? 0, data.coords[2 * i + 1] ?? 0]
		},
		properties: { slug, name: data.names[i] ?? slug }
	}));
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
