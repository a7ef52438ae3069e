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
		expect(data.lons).toEqual([2.35222, -1.55362]);
		expect(data.lats).toEqual([48.85661, 47.21837]);
	});

	it('decodes into GeoJSON points in [lon, lat] order that point back to their fiche', () => {
		const data = encodeMapData(rows);
		const points = decodeMapData(data);
		expect(points).toHaveLength(2);
		expect(points[1]).toEqual({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [-1.55362, 47.21837] },
			properties: { i: 1 }
		});
		expect(data.slugs[points[1]!.properties.i]).toBe('c');
	});

	it('refuses data of another version', () => {
		expect(() => decodeMapData({ ...encodeMapData(rows), v: 1 as 2 })).toThrow(/version/);
	});
});
