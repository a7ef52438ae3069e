import { describe, expect, it } from 'vitest';
import { buildDataset, parseCentres, parsePoints, type Sources } from './dataset';

const sources = (): Sources => ({
	regions: [
		{ code: '84', nom: 'Auvergne-Rhône-Alpes', zone: 'metro' },
		{ code: '94', nom: 'Corse', zone: 'metro' }
	],
	departements: [
		{ code: '69', nom: 'Rhône', region: '84', zone: 'metro' },
		{ code: '74', nom: 'Haute-Savoie', region: '84', zone: 'metro' },
		{ code: '2A', nom: 'Corse-du-Sud', region: '94', zone: 'metro' }
	],
	epcis: [
		{
			code: '200046977',
			nom: 'Métropole de Lyon',
			type: 'MET69',
			populationTotale: 1_400_000,
			membres: [{ code: '69123' }]
		},
		{ code: '200066793', nom: 'CA du Grand Annecy', type: 'CA', membres: [{ code: '74010' }] }
	],
	communes: [
		{
			code: '69123',
			nom: 'Lyon',
			type: 'commune-actuelle',
			departement: '69',
			region: '84',
			codesPostaux: ['69001', '69002', '69001'],
			population: 519_127,
			anciensCodes: ['69232']
		},
		{
			code: '69381',
			nom: 'Lyon 1er Arrondissement',
			type: 'arrondissement-municipal',
			commune: '69123',
			departement: '69',
			region: '84',
			codesPostaux: ['69001']
		},
		{
			code: '74010',
			nom: 'Annecy',
			type: 'commune-actuelle',
			departement: '74',
			region: '84',
			anciensCodes: ['74011', '74028']
		},
		{ code: '74010', nom: 'Annecy', type: 'commune-deleguee', chefLieu: '74010' },
		{ code: '74011', nom: 'Annecy-le-Vieux', type: 'commune-deleguee', chefLieu: '74010' },
		{ code: '2A004', nom: 'Ajaccio', type: 'commune-actuelle', departement: '2A', region: '94' },
		{ code: '98411', nom: 'Archipel', type: 'commune-actuelle', departement: '984', region: '984' }
	],
	points: new Map([['69123', { lat: 45.76, lon: 4.84, source: 'geonames' as const }]]),
	centres: new Map([['74', { lat: 46.03, lon: 6.43 }]])
});

describe('geography dataset', () => {
	const data = buildDataset(sources());
	const commune = (code: string) => data.communes.find((c) => c.code === code)!;

	it('keeps current communes and municipal arrondissements, skips unknown départements', () => {
		expect(data.communes.map((c) => [c.code, c.type])).toEqual([
			['69123', 'commune'],
			['69381', 'arrondissement'],
			['74010', 'commune'],
			['2A004', 'commune']
		]);
		expect(data.skipped).toEqual(['98411']);
		expect(commune('69123').codes_postaux).toEqual(['69001', '69002']);
		expect(commune('74010').codes_postaux).toEqual([]);
		expect(commune('74010').population).toBeNull();
	});

	it('gives each commune its EPCI, and an arrondissement the EPCI of its commune', () => {
		expect(commune('69123').epci_code).toBe('200046977');
		expect(commune('69381')).toMatchObject({ parent_code: '69123', epci_code: '200046977' });
		expect(commune('2A004').epci_code).toBeNull();
		expect(data.epcis.find((e) => e.code === '200066793')!.population).toBeNull();
	});

	it('takes the CSV point, else the centre of the département, else none', () => {
		expect(commune('69123')).toMatchObject({ lat: 45.76, lon: 4.84, point_source: 'geonames' });
		expect(commune('74010')).toMatchObject({ lat: 46.03, lon: 6.43, point_source: 'departement' });
		expect(commune('2A004')).toMatchObject({ lat: null, lon: null, point_source: null });
		expect(data.departements.find((d) => d.code === '74')).toMatchObject({ lat: 46.03 });
	});

	it('leads former codes and names to the current commune, names first', () => {
		expect(data.aliases).toEqual([
			{ old_code: '74010', code: '74010', nom: 'Annecy' },
			{ old_code: '74011', code: '74010', nom: 'Annecy-le-Vieux' },
			{ old_code: '69232', code: '69123', nom: null },
			{ old_code: '74028', code: '74010', nom: null }
		]);
	});
});

describe('CSV files', () => {
	it('reads points and centres, whatever the line endings', () => {
		const points = parsePoints('code,lat,lon,source\r\n42218,45.43,4.39,geonames\r\n\r\n');
		expect(points.get('42218')).toEqual({ lat: 45.43, lon: 4.39, source: 'geonames' });
		const centres = parseCentres('\uFEFFcode,lat,lon\n2A,41.86,8.98\n');
		expect(centres.get('2A')).toEqual({ lat: 41.86, lon: 8.98 });
	});

	it('refuses malformed files with the line at fault', () => {
		expect(() => parsePoints('code,lat,lon\n')).toThrow(/colonnes manquantes.*source/);
		expect(() => parsePoints('code,lat,lon,source\n1,2,3\n')).toThrow(/ligne 2 : 3 champs/);
		expect(() => parsePoints('code,lat,lon,source\n1,2,3,gps\n')).toThrow(/source inconnue/);
		expect(() => parseCentres('code,lat,lon\n01,,5\n')).toThrow(/ligne 2 : coordonnées/);
		expect(() => parseCentres('code,lat,lon\n01,95,5\n')).toThrow(/coordonnées invalides/);
	});
});
