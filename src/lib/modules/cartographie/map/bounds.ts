// Where the map looks: the points that matter, without one overseas fiche zooming the map out
// to the whole world.
import { METROPOLE_BOUNDS } from './style';

export type Bounds = [number, number, number, number];

const inBox = (lon: number, lat: number, [w, s, e, n]: Bounds) =>
	lon >= w && lon <= e && lat >= s && lat <= n;

/**
 * The bounds of the points (longitudes and latitudes, same order): those in metropolitan France
 * when there are any, else all of them; null without points.
 */
export function pointsBounds(lons: readonly number[], lats: readonly number[]): Bounds | null {
	let box: Bounds | null = null;
	const n = Math.min(lons.length, lats.length);
	let metropoleOnly = false;
	for (let i = 0; i < n; i++) {
		if (inBox(lons[i]!, lats[i]!, METROPOLE_BOUNDS)) {
			metropoleOnly = true;
			break;
		}
	}
	for (let i = 0; i < n; i++) {
		const lon = lons[i]!;
		const lat = lats[i]!;
		if (metropoleOnly && !inBox(lon, lat, METROPOLE_BOUNDS)) continue;
		box = box
			? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
			: [lon, lat, lon, lat];
	}
	return box;
}
