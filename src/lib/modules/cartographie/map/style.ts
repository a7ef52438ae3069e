// The map's style: France's régions and départements outlines shipped with the app (works
// offline), under an optional raster tile layer from the configuration.
import type { StyleSpecification } from 'maplibre-gl';

export interface BasemapOptions {
	/** Raster tiles URL template with {z}/{x}/{y}; none: the offline outlines alone. */
	tileUrl?: string | null;
	tileAttribution?: string | null;
}

const colours = {
	sea: '#dce9ef',
	land: '#fbf8f1',
	departement: '#b7ad99',
	region: '#6f6c62'
};

/** Metropolitan France and Corsica, [west, south, east, north]. */
export const METROPOLE_BOUNDS: [number, number, number, number] = [-5.3, 41.3, 9.7, 51.2];

export function basemapStyle({ tileUrl, tileAttribution }: BasemapOptions): StyleSpecification {
	const outlinesOnly = !tileUrl;
	return {
		version: 8,
		sources: {
			regions: {
				type: 'geojson',
				data: '/geo/regions.geojson',
				attribution: 'Contours : Natural Earth (domaine public)'
			},
			departements: { type: 'geojson', data: '/geo/departements.geojson' },
			...(tileUrl
				? {
						tiles: {
							type: 'raster' as const,
							tiles: [tileUrl],
							tileSize: 256,
							attribution: tileAttribution ?? undefined
						}
					}
				: {})
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': colours.sea } },
			...(tileUrl ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles' }] : []),
			...(outlinesOnly
				? [
						{
							id: 'land',
							type: 'fill' as const,
							source: 'regions',
							paint: { 'fill-color': colours.land }
						}
					]
				: []),
			{
				id: 'departements',
				type: 'line',
				source: 'departements',
				minzoom: 4.5,
				paint: { 'line-color': colours.departement, 'line-width': 0.6 }
			},
			{
				id: 'regions',
				type: 'line',
				source: 'regions',
				paint: { 'line-color': colours.region, 'line-width': 1.2 }
			}
		]
	};
}
