import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import { cartoFiches, cartoFicheTerritories } from '../../src/lib/server/db/schema';
import { setStatus, submitFiche } from '../../src/lib/modules/cartographie/service.server';
import {
	loadReferenceLists,
	saveReferenceList
} from '../../src/lib/modules/cartographie/reference.server';
import { structuresCsv } from '../../src/lib/modules/cartographie/opendata/responses.server';
import { getImport, uploadImport } from '../../src/lib/modules/cartographie/import/import.server';
import { startCheck, startImport } from '../../src/lib/modules/cartographie/import/run.server';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let admin: Actor;
beforeAll(async () => {
	t = await createCartographieDb();
	admin = (await makeUser(t.ctx, 'admin')).actor;
}, 120_000);
afterAll(async () => t.close());

describe('the CSV export read back by the import', () => {
	it('keeps list labels that hold a "|" or a "\\" as one value each', async () => {
		const labels: Record<string, string> = {};
		for (const item of (await loadReferenceLists(t.ctx)).dimension) {
			labels[`label-${item.code}`] = item.label;
		}
		labels['label-gouvernance'] = 'Gouvernance | organisation';
		labels['label-juridique'] = 'Juridique \\ fiscal';
		await saveReferenceList(t.ctx, admin, 'dimension', labels);
		const name = 'Aller et retour coopératif';
		const fiche = await submitFiche(t.ctx, null, {
			name,
			shortDescription: 'Accompagne les coopérations territoriales du Rhône.',
			communeCode: '69381',
			lat: '',
			lon: '',
			territories: ['departement:69', 'region:84'],
			cooperationKinds: ['ptce', 'scic'],
			dimensions: ['gouvernance', 'juridique'],
			modalities: ['collectif'],
			stages: ['emergence'],
			cost: 'gratuit'
		});
		await setStatus(t.ctx, admin, fiche.id, 'publiee');

		const exported = await (
			await structuresCsv(t.ctx, new URL('http://localhost/api/v1/structures.csv'))
		).text();
		const [header, ...records] = parse(exported) as string[][];
		const column = (n: string) => header!.indexOf(n);
		expect(records).toHaveLength(1);
		expect(records[0]![column('dimensions_libelles')]).toBe(
			'Gouvernance \\| organisation|Juridique \\\\ fiscal'
		);

		// The labels column, not the codes, fills the dimensions: the escaped labels are read.
		const { id } = await uploadImport(
			t.ctx,
			admin,
			new File([exported], 'export.csv', { type: 'text/csv' })
		);
		const imp = await getImport(t.ctx, admin, id);
		const form: Record<string, string> = { targetStatus: 'en_attente' };
		for (const [field, index] of Object.entries(imp.mapping)) form[`col_${field}`] = String(index);
		form.col_dimensions = String(column('dimensions_libelles'));
		await (
			await startCheck(t.ctx, admin, id, form)
		).done;
		const checked = await getImport(t.ctx, admin, id);
		expect(checked.errors).toEqual([]);
		expect(checked.report.checked).toMatchObject({ valid: 1, invalid: 0 });
		await (
			await startImport(t.ctx, admin, id)
		).done;
		expect((await getImport(t.ctx, admin, id)).status).toBe('terminee');

		const [copy] = await t.ctx.db
			.select()
			.from(cartoFiches)
			.where(and(eq(cartoFiches.name, name), eq(cartoFiches.status, 'en_attente')));
		expect(copy).toMatchObject({
			dimensions: ['gouvernance', 'juridique'],
			cooperationKinds: ['ptce', 'scic'],
			communeCode: '69381',
			cost: 'gratuit'
		});
		const territories = await t.ctx.db
			.select({ kind: cartoFicheTerritories.kind, code: cartoFicheTerritories.code })
			.from(cartoFicheTerritories)
			.where(eq(cartoFicheTerritories.ficheId, copy!.id));
		expect(territories).toEqual(
			expect.arrayContaining([
				{ kind: 'departement', code: '69' },
				{ kind: 'region', code: '84' }
			])
		);
	});
});
