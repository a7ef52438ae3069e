// The markers of the cartography's map, as HTML over the canvas so that the keyboard reaches
// them: the clusters and points of a search (buttons), a fiche's summary in a popup, and the
// single marks (a fiche's point, "Ma commune").
import type { Map as MapLibreMap, Marker, Popup } from 'maplibre-gl';
import type Supercluster from 'supercluster';
import { formatNumber } from '../../../i18n/fr';
import type { FicheSummary, MapData } from './data';
import type { MapLibre } from './maplibre';

function button(className: string, text: string, ariaLabel: string) {
	const el = document.createElement('button');
	el.type = 'button';
	el.className = className;
	el.textContent = text;
	el.setAttribute('aria-label', ariaLabel);
	return el;
}

/** What a click on a point opens: the fiche's slug, name and position. */
export type PointHandler = (slug: string, name: string, lon: number, lat: number) => void;

/** The clusters and points of the current view, kept from one view to the next. */
export class ClusterMarkers {
	private readonly markers = new Map<string, Marker>();

	constructor(
		private readonly lib: MapLibre,
		private readonly map: MapLibreMap,
		private readonly onPoint: PointHandler
	) {}

	/** Adds the markers of the current view that are missing, removes those out of it. */
	render(index: Supercluster<{ i: number }>, data: MapData) {
		const { lib, map } = this;
		const b = map.getBounds();
		const z = Math.round(map.getZoom());
		const items = index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], z);
		const keep = new Set<string>();
		for (const item of items) {
			const [lon, lat] = item.geometry.coordinates as [number, number];
			const p = item.properties as { cluster?: boolean; cluster_id?: number; point_count?: number };
			const key = p.cluster ? `c${p.cluster_id}:${z}` : `p${item.properties.i}`;
			keep.add(key);
			if (this.markers.has(key)) continue;
			let el: HTMLButtonElement;
			if (p.cluster) {
				const count = p.point_count ?? 0;
				el = button(
					`map-cluster${count >= 100 ? ' map-cluster--large' : ''}`,
					formatNumber(count),
					`${formatNumber(count)} structures : zoomer sur ce groupe`
				);
				const id = p.cluster_id!;
				el.addEventListener('click', (ev) => {
					// The map would take the click as its own (and close a popup).
					ev.stopPropagation();
					const next = Math.min(index.getClusterExpansionZoom(id), 16);
					map.easeTo({ center: [lon, lat], zoom: next });
				});
			} else {
				const i = item.properties.i;
				const slug = data.slugs[i]!;
				const name = data.names[i] ?? slug;
				el = button('map-point', '', name);
				el.dataset.slug = slug;
				el.addEventListener('click', (ev) => {
					ev.stopPropagation();
					this.onPoint(slug, name, lon, lat);
				});
			}
			this.markers.set(key, new lib.Marker({ element: el }).setLngLat([lon, lat]).addTo(map));
		}
		for (const [key, marker] of this.markers) {
			if (!keep.has(key)) {
				marker.remove();
				this.markers.delete(key);
			}
		}
	}

	/** Removes every marker (new data). */
	clear() {
		for (const marker of this.markers.values()) marker.remove();
		this.markers.clear();
	}
}

/**
 * The popup of a fiche: its name and its link at once (focused), its summary
 * (`/cartographie/<slug>/resume.json`) when it arrives.
 */
export function openSummary(
	lib: MapLibre,
	map: MapLibreMap,
	fiche: { slug: string; name: string; lon: number; lat: number },
	links: { base: string; target: '_top' | null }
): Popup {
	const { slug, name } = fiche;
	const box = document.createElement('div');
	box.className = 'map-summary';
	const heading = document.createElement('p');
	heading.className = 'map-summary__name';
	heading.textContent = name;
	const details = document.createElement('div');
	const link = document.createElement('a');
	link.href = `${links.base}/cartographie/${encodeURIComponent(slug)}`;
	link.textContent = 'Voir la fiche';
	link.setAttribute('aria-label', `Voir la fiche : ${name}`);
	if (links.target) link.target = links.target;
	box.append(heading, details, link);
	const popup = new lib.Popup({ offset: 12, maxWidth: '20rem', focusAfterOpen: false })
		.setLngLat([fiche.lon, fiche.lat])
		.setDOMContent(box)
		.addTo(map);
	link.focus();
	void fillSummary(details, slug);
	return popup;
}

async function fillSummary(details: HTMLElement, slug: string) {
	try {
		const response = await fetch(`/cartographie/${encodeURIComponent(slug)}/resume.json`);
		if (!response.ok) return;
		const summary = (await response.json()) as FicheSummary;
		const lines = [summary.place, summary.cooperationKinds.join(' · '), summary.shortDescription];
		for (const line of lines) {
			if (!line) continue;
			const p = document.createElement('p');
			p.textContent = line;
			details.append(p);
		}
	} catch {
		// The name and the link are enough.
	}
}

/** A mark that is not a button (a fiche's point, "Ma commune"), described for screen readers. */
export function placeMark(
	lib: MapLibre,
	map: MapLibreMap,
	className: string,
	point: { lon: number; lat: number; label: string }
): Marker {
	const el = document.createElement('span');
	el.className = className;
	el.setAttribute('role', 'img');
	el.setAttribute('aria-label', point.label);
	return new lib.Marker({ element: el }).setLngLat([point.lon, point.lat]).addTo(map);
}
