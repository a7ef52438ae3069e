import { describe, expect, it } from 'vitest';
import { basemapStyle } from './style';

describe('basemap style', () => {
	it('draws the offline outlines on land when no tile URL is configured', () => {
		const style = basemapStyle({});
		expect(Object.keys(style.sources)).toEqual(['regions', 'departements']);
		expect(style.layers.map((l) => l.id)).toEqual(['sea', 'land', 'departements', 'regions']);
	});

	it('puts configured raster tiles under the outlines, with their attribution', () => {
		const style = basemapStyle({
			tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png',
			tileAttribution: '© Exemple'
		});
		expect(style.sources.tiles).toMatchObject({
			type: 'raster',
			tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'],
			attribution: '© Exemple'
		});
		expect(style.layers.map((l) => l.id)).toEqual(['sea', 'tiles', 'departements', 'regions']);
	});
});
