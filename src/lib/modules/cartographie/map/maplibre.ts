// MapLibre GL for the cartography's map: its module imported once (1.1 MB, only on the pages
// with a map), and the map created with the basemap of France, French labels and its controls.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { basemapStyle, METROPOLE_BOUNDS, type BasemapOptions } from './style';
import { mapLocale } from './locale';

export type MapLibre = typeof import('maplibre-gl');

let maplibre: Promise<MapLibre> | undefined;

/** MapLibre's module, imported at the first call (again after a failed import). */
export const loadMapLibre = () => (maplibre ??= import('maplibre-gl'));

/** In the browser, starts importing MapLibre now (e.g. while the page hydrates). */
export function preloadMapLibre() {
	if (typeof window !== 'undefined') loadMapLibre().catch(() => (maplibre = undefined));
}

/** The map of metropolitan France in `container`, with zoom buttons and no rotation. */
export function createFranceMap(
	lib: MapLibre,
	container: HTMLElement,
	tiles: BasemapOptions
): MapLibreMap {
	lib.setWorkerUrl(workerUrl);
	const [w, s, e, n] = METROPOLE_BOUNDS;
	const map = new lib.Map({
		container,
		style: basemapStyle(tiles),
		bounds: [
			[w, s],
			[e, n]
		],
		locale: mapLocale,
		dragRotate: false,
		pitchWithRotate: false,
		touchPitch: false,
		attributionControl: { compact: true }
	});
	map.addControl(new lib.NavigationControl({ showCompass: false }), 'top-right');
	return map;
}
