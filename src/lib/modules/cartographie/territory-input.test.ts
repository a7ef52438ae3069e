import { describe, expect, it } from 'vitest';
import {
	communeLabel,
	epciCore,
	epciLabel,
	epciMatch,
	parseTerritoryLine,
	territoryLineMessage,
	territoryLines
} from './territory-input';

describe('territoryLines', () => {
	it('splits on new lines and semicolons, trims, drops blanks and repeats', () => {
		expect(territoryLines(' Lyon \n\nMétropole de Lyon;lyon\r\n 69100 ')).toEqual([
			'Lyon',
			'Métropole de Lyon',
			'69100'
		]);
		expect(territoryLines(undefined)).toEqual([]);
		expect(territoryLines(['Lyon'])).toEqual([]);
	});
});

describe('parseTerritoryLine', () => {
	it('reads SIREN, postal codes, "Nom (dép.)" and names', () => {
		expect(parseTerritoryLine('200046977')).toEqual({
			kind: 'epci-code',
			code: '200046977',
			name: null
		});
		expect(parseTerritoryLine('Métropole de Lyon (EPCI 200046977)')).toEqual({
			kind: 'epci-code',
			code: '200046977',
			name: 'Métropole de Lyon'
		});
		expect(parseTerritoryLine('69100')).toEqual({ kind: 'postal-code', code: '69100' });
		expect(parseTerritoryLine('Saint-Denis (974)')).toEqual({
			kind: 'name',
			name: 'Saint-Denis',
			departement: '974'
		});
		expect(parseTerritoryLine('Ajaccio (2a)')).toMatchObject({ departement: '2A' });
		expect(parseTerritoryLine('Pays de Gex')).toEqual({
			kind: 'name',
			name: 'Pays de Gex',
			departement: null
		});
	});
});

describe('EPCI names', () => {
	it('leaves the kind aside', () => {
		expect(epciCore('CA du Pays de Gex')).toBe('pays de gex');
		expect(epciCore('Communauté de communes de la Vallée')).toBe('vallee');
		expect(epciCore('Métropole de Lyon')).toBe('lyon');
		expect(epciCore('Bordeaux Métropole')).toBe('bordeaux metropole');
	});

	it('ranks the same name, the same name but its kind, then words', () => {
		expect(epciMatch('Métropole de Lyon', 'Métropole de Lyon')).toBe(0);
		expect(epciMatch('cc du pays de gex', 'CA du Pays de Gex')).toBe(1);
		expect(epciMatch('Pays de Gex', 'CA du Pays de Gex')).toBe(1);
		expect(epciMatch('grand annec', 'CA du Grand Annecy')).toBe(2);
		expect(epciMatch('Lyon', 'CC de la Dombes')).toBeNull();
		expect(epciMatch('  ', 'CC de la Dombes')).toBeNull();
	});

	it('writes choices as the resolver reads them', () => {
		const epci = epciLabel({ code: '200046977', nom: 'Métropole de Lyon' });
		expect(parseTerritoryLine(epci)).toMatchObject({ kind: 'epci-code', code: '200046977' });
		const commune = communeLabel({ nom: 'Saint-Denis', departementCode: '93' });
		expect(parseTerritoryLine(commune)).toMatchObject({ name: 'Saint-Denis', departement: '93' });
	});
});

it('joins the problems of several lines in one message', () => {
	expect(
		territoryLineMessage([
			{ line: 'Zzz', message: 'commune ou intercommunalité inconnue.' },
			{ line: 'Saint-Denis', message: 'précisez : Saint-Denis (93), Saint-Denis (974).' }
		])
	).toBe(
		'« Zzz » : commune ou intercommunalité inconnue. « Saint-Denis » : précisez : Saint-Denis (93), Saint-Denis (974).'
	);
});
