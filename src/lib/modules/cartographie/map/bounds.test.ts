import { describe, expect, it } from 'vitest';
import { pointsBounds } from './bounds';

describe('map bounds', () => {
	it('is null without points', () => {
		expect(pointsBounds([], [])).toBeNull();
	});

	it('frames metropolitan points and leaves overseas ones out', () => {
		// Nantes, Strasbourg, Saint-Denis (La Réunion).
		expect(pointsBounds([-1.55, 7.75, 55.45], [47.22, 48.58, -20.88])).toEqual([
			-1.55, 47.22, 7.75, 48.58
		]);
	});

	it('frames overseas points when there are only those', () => {
		// Fort-de-France, Cayenne.
		expect(pointsBounds([-61.07, -52.33], [14.6, 4.94])).toEqual([-61.07, 4.94, -52.33, 14.6]);
	});
});
