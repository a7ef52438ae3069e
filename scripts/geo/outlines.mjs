// Outlines of départements (Natural Earth) and régions dissolved by their COG code.
import { readFileSync } from 'node:fs';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { byString, cleanGeometry, pointInGeometry } from './common.mjs';

/** Share of the outline vertices kept by the simplification (by spherical triangle area). */
const KEEP_VERTICES = 0.3;
/** Quantization of the topology: snaps shared borders together before the dissolve. */
const QUANTIZATION = 1e6;

// ---------------------------------------------------------------------------------------------
// Outlines: départements from Natural Earth, régions dissolved by their COG code

/** COG code of a Natural Earth admin-1 feature: `gn_a1_code` 'FR.07' → '07'; Mayotte by name. */
export function cogCode(properties) {
	if (properties.name === 'Mayotte') return '976';
	const match = /^FR\.(\d{2,3}|2[AB])$/.exec(properties.gn_a1_code ?? '');
	if (!match) throw new Error(`No COG code for the outline of ${properties.name}`);
	return match[1];
}

export function buildOutlines(fraPath, cog) {
	const source = JSON.parse(readFileSync(fraPath, 'utf8'));
	const departementsByCode = new Map(cog.departements.map((d) => [d.code, d]));
	const seen = new Set();
	const centres = [];
	const features = [];
	for (const f of source.features) {
		const code = cogCode(f.properties);
		const dep = departementsByCode.get(code);
		if (!dep) throw new Error(`Outline ${f.properties.name} (${code}) is not a COG département`);
		if (seen.has(code)) throw new Error(`Two outlines for département ${code}`);
		seen.add(code);
		centres.push({ code, lat: f.properties.latitude, lon: f.properties.longitude });
		features.push({
			type: 'Feature',
			properties: { code, nom: dep.nom, region: dep.region },
			geometry: f.geometry
		});
	}
	features.sort((a, b) => byString(a.properties.code, b.properties.code));
	centres.sort((a, b) => byString(a.code, b.code));

	const inputVertices = features.reduce((n, f) => n + countVertices(f.geometry), 0);
	const topo = topology({ departements: { type: 'FeatureCollection', features } }, QUANTIZATION);
	const weighted = presimplify(topo, sphericalTriangleArea);
	const minWeight = quantile(weighted, KEEP_VERTICES);
	// Keep the small islands (Les Saintes, Chausey…): a ring drawn by a single arc keeps its
	// three most significant points, otherwise it would collapse and its communes float at sea.
	for (const arc of weighted.arcs) {
		const [first, last] = [arc[0], arc[arc.length - 1]];
		if (arc.length < 4 || first[0] !== last[0] || first[1] !== last[1]) continue;
		const interior = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
		for (const point of interior.slice(0, 3)) point[2] = Infinity;
	}
	const simplified = simplify(weighted, minWeight);
	const geometries = simplified.objects.departements.geometries;

	const departements = geometries.map((g) => {
		const f = feature(simplified, g);
		return {
			type: 'Feature',
			properties: f.properties,
			geometry: cleanGeometry(f.geometry, `département ${f.properties.code}`)
		};
	});

	const regionCodes = [...new Set(features.map((f) => f.properties.region))].sort(byString);
	const regionsByCode = new Map(cog.regions.map((r) => [r.code, r]));
	const regions = regionCodes.map((code) => {
		const region = regionsByCode.get(code);
		if (!region) throw new Error(`Région ${code} is not in the COG`);
		const members = geometries.filter((g) => g.properties.region === code);
		return {
			type: 'Feature',
			properties: { code, nom: region.nom },
			geometry: cleanGeometry(merge(simplified, members), `région ${code}`)
		};
	});

	// A label point outside its own outline would put fallback communes in the wrong place.
	const centresOutside = centres
		.filter((c) => {
			const dep = departements.find((d) => d.properties.code === c.code);
			return !pointInGeometry([c.lon, c.lat], dep.geometry);
		})
		.map((c) => c.code);

	return { departements, regions, centres, inputVertices, centresOutside };
}

export function countVertices(geometry) {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.flat().reduce((n, ring) => n + ring.length, 0);
}
