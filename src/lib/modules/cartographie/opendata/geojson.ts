/**
 * GeoJSON (RFC 7946) of the exports: one Feature per fiche, WGS 84 [longitude, latitude] in
 * numbers (no `crs` member), the public fields as properties, `geometry: null` without a point.
 * Written piece by piece so that a large collection streams.
 */
import type { ExportContext, ExportRow, FieldValue } from './field-types';
import { toItem } from './fields';

export interface StructureFeature {
	type: 'Feature';
	id: string;
	geometry: { type: 'Point'; coordinates: [number, number] } | null;
	properties: Record<string, FieldValue>;
}

export function toFeature(row: ExportRow, x: ExportContext): StructureFeature {
	const hasPoint =
		typeof row.lat === 'number' &&
		typeof row.lon === 'number' &&
		Number.isFinite(row.lat) &&
		Number.isFinite(row.lon);
	return {
		type: 'Feature',
		id: row.id,
		geometry: hasPoint ? { type: 'Point', coordinates: [row.lon!, row.lat!] } : null,
		properties: toItem(row, x)
	};
}

export const geojsonHead = '{"type":"FeatureCollection","features":[\n';
export const geojsonTail = '\n]}\n';

/** Features of a batch, comma-separated; `first` says whether a feature was written before. */
export function geojsonBatch(rows: ExportRow[], x: ExportContext, first: boolean): string {
	const body = rows.map((r) => JSON.stringify(toFeature(r, x))).join(',\n');
	return first ? body : `,\n${body}`;
}
