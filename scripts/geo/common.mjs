// Geometry and output helpers shared by the geography build (see build.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Decimals of the outlines (~100 m). */
export const OUTLINE_DECIMALS = 3;

// ---------------------------------------------------------------------------------------------
// Helpers

/** Fixed decimals, never `-0.000`. */
export function fixed(value, decimals) {
	const text = value.toFixed(decimals);
	return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

export const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Twice the signed planar area of a closed ring (positive = counter-clockwise). */
export function signedArea(ring) {
	let area = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return area;
}

export function pointInRing([x, y], ring) {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

export function pointInGeometry(point, geometry) {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.some(
		([outer, ...holes]) => pointInRing(point, outer) && !holes.some((h) => pointInRing(point, h))
	);
}

/**
 * Rounds the coordinates, drops repeated positions and rings that collapsed, and winds the rings
 * the RFC 7946 way: exterior rings counter-clockwise, holes clockwise.
 */
export function cleanGeometry(geometry, what) {
	const factor = 10 ** OUTLINE_DECIMALS;
	const round = (v) => Math.round(v * factor) / factor + 0; // `+ 0` turns -0 into 0
	const cleanRing = (ring) => {
		const out = [];
		for (const [x, y] of ring) {
			const p = [round(x), round(y)];
			const last = out[out.length - 1];
			if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
		}
		const [first, last] = [out[0], out[out.length - 1]];
		if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
		return out.length >= 4 && signedArea(out) !== 0 ? out : null;
	};
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const cleaned = [];
	for (const [outer, ...holes] of polygons) {
		const exterior = cleanRing(outer);
		if (!exterior) continue;
		if (signedArea(exterior) < 0) exterior.reverse();
		const interiors = holes.map(cleanRing).filter(Boolean);
		for (const hole of interiors) if (signedArea(hole) > 0) hole.reverse();
		cleaned.push([exterior, ...interiors]);
	}
	if (!cleaned.length) throw new Error(`${what}: no polygon left after simplification`);
	return cleaned.length === 1
		? { type: 'Polygon', coordinates: cleaned[0] }
		: { type: 'MultiPolygon', coordinates: cleaned };
}

/** One feature per line: small diffs when a yearly update moves a few borders. */
export function featureCollection(features) {
	return (
		'{"type":"FeatureCollection","features":[\n' +
		features.map((f) => JSON.stringify(f)).join(',\n') +
		'\n]}\n'
	);
}

export function write(path, text) {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
}
