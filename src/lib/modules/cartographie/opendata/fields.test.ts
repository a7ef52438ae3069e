import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { referenceData, referenceListNames } from '../reference-data';
import { codeReader, splitMulti } from '../import/cells';
import { csvBatch, csvHead } from './csv';
import { csvHeader, toCsvRecord } from './csv-columns';
import type { ExportContext, ExportRow } from './field-types';
import { isoDate, openDataFields, toItem } from './fields';
import { geojsonBatch, geojsonHead, geojsonTail, toFeature } from './geojson';

const x: ExportContext = {
	baseUrl: 'https://exemple.fr',
	labels: Object.fromEntries(
		referenceListNames.map((n) => [
			n,
			Object.fromEntries(referenceData[n].map((i) => [i.code, i.label]))
		])
	) as ExportContext['labels']
};

const sampleRow = (over: Partial<ExportRow> = {}): ExportRow => ({
	id: '3f1c2b9e-8d4a-4c1e-9b7a-2a6f0e5d4c3b',
	slug: 'cooperatives-du-rhone',
	name: 'Coopératives, "du" Rhône',
	acronym: null,
	short_description: 'Accompagne\nles coopératives.',
	presentation: null,
	siret: '35600000000048',
	address: null,
	commune_code: '69381',
	commune_nom: 'Lyon 1er Arrondissement',
	departement_code: '69',
	region_code: '84',
	lat: 45.76,
	lon: 4.83,
	national: false,
	territories: [
		{ kind: 'departement', code: '69', nom: 'Rhône' },
		{ kind: 'region', code: '84', nom: 'Auvergne-Rhône-Alpes' }
	],
	kinds: ['ptce', 'scic'],
	dimensions: ['gouvernance'],
	modalities: [],
	stages: ['emergence'],
	cost: 'gratuit',
	methodologies: null,
	needs_seen: null,
	publics: null,
	networks: null,
	email: null,
	phone: null,
	website: 'https://exemple.fr',
	last_verified_at: new Date('2026-03-14T09:30:00Z'),
	updated_at: '2026-03-15T10:00:00+01:00',
	...over
});

describe('open data fields', () => {
	it('have unique names, and their examples fit their types', () => {
		const names = openDataFields.map((f) => f.name);
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(csvHeader).size).toBe(csvHeader.length);
		for (const f of openDataFields) {
			if (f.type === 'string[]' || f.type === 'territories') {
				expect(Array.isArray(f.example)).toBe(true);
			} else expect(typeof f.example, f.name).toBe(f.type);
			if (f.labelsOf) expect(names).toContain(f.labelsOf);
			if (f.list) {
				expect(referenceData[f.list].map((i) => i.code)).toEqual(
					expect.arrayContaining(
						Array.isArray(f.example) ? (f.example as string[]) : [f.example as string]
					)
				);
			}
		}
	});

	it('build an item with codes, labels, territories ordered and ISO dates', () => {
		const item = toItem(sampleRow(), x);
		expect(Object.keys(item)).toEqual(openDataFields.map((f) => f.name));
		expect(item.url).toBe('https://exemple.fr/cartographie/cooperatives-du-rhone');
		expect(item.types_cooperation).toEqual(['ptce', 'scic']);
		expect(item.types_cooperation_libelles).toEqual([
			'PTCE (pôle territorial de coopération économique)',
			'SCIC / coopérative'
		]);
		expect(item.cout_libelle).toBe('Gratuit');
		expect(item.territoires).toEqual([
			{ type: 'region', code: '84', nom: 'Auvergne-Rhône-Alpes' },
			{ type: 'departement', code: '69', nom: 'Rhône' }
		]);
		expect(item.derniere_verification).toBe('2026-03-14T09:30:00.000Z');
		expect(item.date_modification).toBe('2026-03-15T09:00:00.000Z');
		expect(isoDate(null)).toBeNull();
	});

	it('write CSV records that parse back: quotes, commas, new lines, multi-values', () => {
		const text =
			csvHead + csvBatch([sampleRow(), sampleRow({ id: 'b', cost: null, territories: null })], x);
		expect(text.split('\r\n')[0]).toBe(csvHeader.join(','));
		expect(text.endsWith('\r\n')).toBe(true);
		const [header, first, second] = parse(text, { record_delimiter: '\r\n' }) as string[][];
		expect(header).toEqual(csvHeader);
		const col = (r: string[], name: string) => r[csvHeader.indexOf(name)];
		expect(col(first!, 'nom')).toBe('Coopératives, "du" Rhône');
		expect(col(first!, 'description_courte')).toBe('Accompagne\nles coopératives.');
		expect(col(first!, 'types_cooperation')).toBe('ptce|scic');
		expect(col(first!, 'territoires')).toBe('region:84|departement:69');
		expect(col(first!, 'territoires_noms')).toBe('Auvergne-Rhône-Alpes|Rhône');
		expect(col(first!, 'national')).toBe('false');
		expect(col(first!, 'latitude')).toBe('45.76');
		expect(col(first!, 'sigle')).toBe('');
		expect(col(second!, 'cout_libelle')).toBe('');
		expect(col(second!, 'territoires')).toBe('');
		expect(toCsvRecord(sampleRow(), x)).toHaveLength(csvHeader.length);
	});

	it('escape a "|" inside a label so that the import reads the same values back', () => {
		const labels = structuredClone(x.labels);
		labels.dimension.gouvernance = 'Gouvernance | organisation';
		labels.dimension.juridique = 'Juridique \\ fiscal';
		const row = sampleRow({ dimensions: ['gouvernance', 'juridique'] });
		const [, record] = parse(csvHead + csvBatch([row], { ...x, labels })) as string[][];
		const cell = record![csvHeader.indexOf('dimensions_libelles')]!;
		expect(cell).toBe('Gouvernance \\| organisation|Juridique \\\\ fiscal');
		expect(splitMulti(cell)).toEqual(['Gouvernance | organisation', 'Juridique \\ fiscal']);
		const read = codeReader(
			Object.entries(labels.dimension).map(([code, label]) => ({ code, label }))
		);
		expect(splitMulti(cell).map(read)).toEqual(['gouvernance', 'juridique']);
		expect(splitMulti(record![csvHeader.indexOf('dimensions')])).toEqual(row.dimensions);
	});

	it('write GeoJSON features with [lon, lat] numbers, or a null geometry', () => {
		expect(toFeature(sampleRow(), x).geometry).toEqual({
			type: 'Point',
			coordinates: [4.83, 45.76]
		});
		expect(toFeature(sampleRow({ lat: null, lon: null }), x).geometry).toBeNull();
		const doc = JSON.parse(
			geojsonHead +
				geojsonBatch([sampleRow()], x, true) +
				geojsonBatch([sampleRow({ id: 'b' })], x, false) +
				geojsonTail
		);
		expect(doc.type).toBe('FeatureCollection');
		expect(doc.features.map((f: { id: string }) => f.id)).toEqual([sampleRow().id, 'b']);
		expect(doc.crs).toBeUndefined();
	});
});
