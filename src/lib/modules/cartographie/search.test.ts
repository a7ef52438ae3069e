import { describe, expect, it } from 'vitest';
import { coverageSentences, distanceLabel, mapDataHref, placeLabel, searchHref } from './search';

describe('list helpers', () => {
	it('says how a fiche covers a commune', () => {
		expect(coverageSentences.epci).toBe('Intervient sur votre EPCI');
		expect(coverageSentences.national).toBe('Intervient sur tout le territoire national');
	});

	it('rounds distances in French', () => {
		expect(distanceLabel(12.4)).toBe('à 12 km');
		expect(distanceLabel(0.3)).toBe("à moins d'1 km");
		expect(distanceLabel(1249.6).replace(/\s/g, ' ')).toBe('à 1 250 km');
	});

	it('builds the URL of a search, empty values and page 1 left out', () => {
		expect(searchHref({})).toBe('/cartographie');
		expect(searchHref({ q: 'coopé', region: '84', page: 1, cout: '' })).toBe(
			'/cartographie?q=coop%C3%A9&region=84'
		);
		expect(searchHref({ lieu: placeLabel('Lyon', '69'), commune: '69123', page: 2 })).toBe(
			'/cartographie?lieu=Lyon+%2869%29&commune=69123&page=2'
		);
	});

	it("gives the map the list's filters, without the typed place or the page", () => {
		expect(
			mapDataHref({
				q: 'tiers',
				lieu: 'Lyon (69)',
				commune: '69123',
				dimension: 'gouvernance',
				page: 3
			})
		).toBe('/cartographie/carte.json?q=tiers&commune=69123&dimension=gouvernance');
	});
});
