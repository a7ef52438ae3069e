// Where the map looks: the points that matter, without one overseas fiche zooming the map out
// to the whole world.
import { METROPOLE_BOUNDS } from './style';

export type Bounds = [number, number, number, number];

const inBox = (lon: number, lat: number, [w, s, e, n]: Bounds) =>
	lon >= w && lon <= e && lat >= s && lat <= n;

/**
 * The bounds of the points (flattened [lon, lat] pairs): those in metropolitan France when
 * there are any, else all of them; null without points.
 */
export function pointsBounds(coords: readonly number[]): Bounds | null {
	let box: Bounds | null = null;
	let metropoleOnly = false;
	const at = (i: number) => coords[i] ?? 0;
	for (let i = 0; i + 1 < coords.length; i += 2) {
		if (inBox(at(i), at(i + 1), METROPOLE_BOUNDS)) {
			metropoleOnly = true;
			break;
		}
	}
	for (let i = 0; i + 1 < coords.length; i += 2) {
		const lon = at(i);
		const lat = at(i + 1);
		if (metropoleOnly && !inBox(lon, lat, METROPOLE_BOUNDS)) continue;
		box = box
			? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
			: [lon, lat, lon, lat];
	}
	return box;
}
