import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { referenceData } from '../reference-data';
import { openDataFields } from './fields';
import { openApiDocument } from './openapi';

const doc = openApiDocument({
	baseUrl: 'https://exemple.fr',
	lists: {
		cooperation_kind: [...referenceData.cooperation_kind],
		dimension: [...referenceData.dimension],
		modality: [...referenceData.modality],
		stage: [...referenceData.stage],
		cost: [...referenceData.cost]
	},
	regions: [{ code: '84', nom: 'Auvergne-Rhône-Alpes' }],
	departements: [{ code: '69', nom: 'Rhône' }]
});

describe('openApiDocument', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		const result = await new Validator().validate(structuredClone(doc));
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it('describes every field, with the codes of the reference lists', () => {
		const item = doc.components.schemas.Structure as {
			properties: Record<string, Record<string, unknown>>;
		};
		expect(Object.keys(item.properties)).toEqual(openDataFields.map((f) => f.name));
		expect(item.properties.dimensions!.items).toEqual({
			type: 'string',
			enum: referenceData.dimension.map((i) => i.code)
		});
		expect(item.properties.cout!.enum).toEqual([...referenceData.cost.map((i) => i.code), null]);
		const params = doc.components.parameters as Record<string, { schema: { enum?: string[] } }>;
		expect(params.region!.schema.enum).toEqual(['84']);
		expect(Object.keys(doc.paths)).toEqual([
			'/structures',
			'/structures.geojson',
			'/structures.csv'
		]);
	});
});
