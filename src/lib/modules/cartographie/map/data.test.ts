import { describe, expect, it } from 'vitest';
import { decodeMapData, encodeMapData } from './data';

describe('map data', () => {
	const rows = [
		{ slug: 'a', name: 'Alpha', lon: 2.3522219, lat: 48.856614 },
		{ slug: 'b', name: 'Bêta', lon: null, lat: null },
		{ slug: 'c', name: 'Gamma', lon: -1.553621, lat: 47.218371 }
	];

	it('keeps the count of every match but only the fiches with a point', () => {
		const data = encodeMapData(rows);
		expect(data.total).toBe(3);
		expect(data.slugs).toEqual(['a', 'c']);
		expect(data.names).toEqual(['Alpha', 'Gamma']);
		expect(data.coords).toEqual([2.35222, 48.85661, -1.55362, 47.21837]);
	});

	it('round-trips into GeoJSON points in [lon, lat] order', () => {
		const points = decodeMapData(encodeMapData(rows));
		expect(points).toHaveLength(2);
		expect(points[1]).toEqual({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [-1.55362, 47.21837] },
			properties: { slug: 'c', name: 'Gamma' }
		});
	});

	it('refuses data of another version', () => {
		expect(() => decodeMapData({ ...encodeMapData(rows), v: 2 as 1 })).toThrow(/version/);
	});
});
