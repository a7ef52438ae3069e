import { describe, expect, it } from 'vitest';
import { csvHeader } from '../opendata/csv-columns';
import { referenceData } from '../reference-data';
import { codeReader, parseBoolean, parseTerritoryToken, splitMulti } from './cells';
import { decodeWindows1252, detectDelimiter, looksBinary } from './file-format';
import {
	cellsOf,
	compactName,
	guessMapping,
	importFields,
	isBlankRecord,
	mappingFromForm,
	mappingFromJson,
	mappingProblems,
	mappingToJson,
	reportRecords
} from './mapping';

describe('guessing the mapping from the header', () => {
	it('recognises French labels, whatever the case, accents and punctuation', () => {
		const m = guessMapping([
			'Nom de la structure',
			'Description courte',
			'Code INSEE',
			'Code postal',
			'Territoire d’intervention',
			'Téléphone',
			'Site web'
		]);
		expect(m).toMatchObject({
			name: 0,
			shortDescription: 1,
			commune: 2,
			postalCode: 3,
			territories: 4,
			contactPhone: 5,
			contactWebsite: 6
		});
	});

	it('recognises the English field names', () => {
		const m = guessMapping([
			'name',
			'shortDescription',
			'communeCode',
			'cooperationKinds',
			'contactEmail'
		]);
		expect(m).toEqual({
			name: 0,
			shortDescription: 1,
			commune: 2,
			cooperationKinds: 3,
			contactEmail: 4
		});
	});

	it('maps every importable column of the open data CSV export', () => {
		const m = guessMapping(csvHeader);
		const named = Object.fromEntries(
			Object.entries(m).map(([field, index]) => [field, csvHeader[index!]])
		);
		expect(named).toMatchObject({
			name: 'nom',
			acronym: 'sigle',
			shortDescription: 'description_courte',
			presentation: 'presentation',
			siret: 'siret',
			address: 'adresse',
			commune: 'commune_code',
			lat: 'latitude',
			lon: 'longitude',
			national: 'national',
			territories: 'territoires',
			cooperationKinds: 'types_cooperation',
			dimensions: 'dimensions',
			modalities: 'modalites',
			stages: 'etapes',
			cost: 'cout',
			methodologies: 'methodologies',
			needsSeen: 'besoins_observes',
			publics: 'publics',
			networks: 'reseaux',
			contactEmail: 'email',
			contactPhone: 'telephone',
			contactWebsite: 'site_web'
		});
		// The export's own page address is not the structure's website.
		expect(Object.values(named)).not.toContain('url');
	});

	it('uses each column once and leaves unknown columns out', () => {
		expect(guessMapping(['nom', 'nom', 'divers', ''])).toEqual({ name: 0 });
	});

	it('compacts names', () => {
		expect(compactName('Description courte')).toBe(compactName('description_courte'));
		expect(compactName('Étapes')).toBe('etapes');
	});
});

describe('the mapping as stored and as chosen', () => {
	it('round-trips through JSON and drops unknown fields and columns', () => {
		expect(mappingFromJson(mappingToJson({ name: 0, siret: 3 }), 4)).toEqual({ name: 0, siret: 3 });
		expect(mappingFromJson({ name: '9', foo: '1', siret: 'x' }, 4)).toEqual({});
	});

	it('reads the form', () => {
		expect(mappingFromForm({ col_name: '1', col_siret: '', col_bogus: '0' }, 3)).toEqual({
			name: 1
		});
	});

	it('names the required fields without a column, and a column used twice', () => {
		expect(Object.keys(mappingProblems({})).sort()).toEqual(
			['col_commune', 'col_name', 'col_shortDescription', 'col_territories'].sort()
		);
		expect(mappingProblems({ name: 0, shortDescription: 1, commune: 2, national: 3 })).toEqual({});
		const twice = mappingProblems({ name: 0, shortDescription: 0, commune: 2, national: 3 });
		expect(twice.col_shortDescription).toMatch(/remplit déjà « Nom de la structure »/);
	});

	it('takes the cells of the mapped columns, trimmed, without the empty ones', () => {
		expect(cellsOf([' A ', '', 'c'], { name: 0, acronym: 1, siret: 2, address: 7 })).toEqual({
			name: 'A',
			siret: 'c'
		});
		expect(isBlankRecord(['', '  '])).toBe(true);
		expect(isBlankRecord(['', 'x'])).toBe(false);
	});
});

describe('cell values', () => {
	it('reads booleans', () => {
		for (const v of ['oui', 'OUI', 'true', '1', 'Vrai', 'yes']) expect(parseBoolean(v)).toBe(true);
		for (const v of ['non', 'Non', 'false', '0', 'faux', 'no']) expect(parseBoolean(v)).toBe(false);
		expect(parseBoolean('')).toBeNull();
		expect(parseBoolean(undefined)).toBeNull();
		expect(parseBoolean('peut-être')).toBe('invalid');
	});

	it('splits multi-values on "|"', () => {
		expect(splitMulti('a | b|| c |a')).toEqual(['a', 'b', 'c']);
		expect(splitMulti(undefined)).toEqual([]);
	});

	it('reads codes or labels of a reference list, case and accents ignored', () => {
		const read = codeReader(referenceData.cooperation_kind);
		expect(read('tiers_lieu')).toBe('tiers_lieu');
		expect(read('Tiers-lieu')).toBe('tiers_lieu');
		expect(read('TIERS LIEU')).toBe('tiers_lieu');
		expect(read('PTCE')).toBe('ptce');
		expect(read('Projet alimentaire territorial')).toBe('pat');
		expect(read('Coopération non modélisée')).toBe('non_modelisee');
		expect(read('cooperation non modelisee')).toBe('non_modelisee');
		expect(read('inconnu')).toBe('inconnu');
		const stage = codeReader(referenceData.stage);
		expect(stage('émergence')).toBe('emergence');
	});

	it('reads territories', () => {
		expect(parseTerritoryToken('departement:69')).toEqual({
			type: 'code',
			kind: 'departement',
			code: '69'
		});
		expect(parseTerritoryToken('Département : 2a')).toEqual({
			type: 'code',
			kind: 'departement',
			code: '2A'
		});
		expect(parseTerritoryToken('region:84')).toMatchObject({ kind: 'region', code: '84' });
		expect(parseTerritoryToken('commune:69123')).toMatchObject({ kind: 'commune', code: '69123' });
		expect(parseTerritoryToken('epci:200046977')).toMatchObject({
			kind: 'epci',
			code: '200046977'
		});
		expect(parseTerritoryToken('national')).toEqual({ type: 'national' });
		expect(parseTerritoryToken('France entière')).toEqual({ type: 'national' });
		expect(parseTerritoryToken('200046977')).toMatchObject({ kind: 'epci' });
		expect(parseTerritoryToken('69123')).toMatchObject({ kind: 'commune' });
		expect(parseTerritoryToken('Rhône')).toEqual({ type: 'name', kind: null, name: 'Rhône' });
		expect(parseTerritoryToken('departement:Rhône')).toEqual({
			type: 'name',
			kind: 'departement',
			name: 'Rhône'
		});
		expect(parseTerritoryToken('84')).toMatchObject({ type: 'invalid' });
		expect(parseTerritoryToken('pays:FR')).toMatchObject({ type: 'invalid' });
		expect(parseTerritoryToken('region:123')).toMatchObject({ type: 'invalid' });
		expect(parseTerritoryToken('region:')).toMatchObject({ type: 'invalid' });
	});
});

describe('file format', () => {
	it('detects the separator from the header line, outside quotes', () => {
		expect(detectDelimiter('nom,description,commune')).toBe(',');
		expect(detectDelimiter('nom;description;commune')).toBe(';');
		expect(detectDelimiter('nom\tdescription\tcommune')).toBe('\t');
		expect(detectDelimiter('"nom, sigle";description;commune')).toBe(';');
		expect(detectDelimiter('nom')).toBe(',');
	});

	it('decodes Windows-1252, including its characters outside Latin-1', () => {
		const bytes = Uint8Array.from([0x43, 0x6f, 0x6f, 0x70, 0xe9, 0x72, 0x80, 0x9c, 0x92, 0xc9]);
		expect(decodeWindows1252(bytes)).toBe('Coopér€œ’É');
	});

	it('tells binary from text', () => {
		expect(looksBinary(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
		expect(looksBinary(new TextEncoder().encode('nom;description\n'))).toBe(false);
	});
});

describe('the report', () => {
	it('lists each problem with its line, field, column and reason', () => {
		const rows = reportRecords(
			[
				[3, 'siret', 'Numéro invalide.'],
				[4, 'ligne', 'Ligne illisible.']
			],
			{ siret: 1 },
			['nom', 'numero_siret']
		);
		expect(rows).toEqual([
			['ligne', 'champ', 'colonne', 'raison'],
			['3', 'Numéro SIRET', 'numero_siret', 'Numéro invalide.'],
			['4', '', '', 'Ligne illisible.']
		]);
	});

	it('has a label for every field', () => {
		for (const f of importFields) expect(f.label).toBeTruthy();
	});
});
