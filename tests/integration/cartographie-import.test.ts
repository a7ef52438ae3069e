import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import {
	auditLog,
	cartoFicheRevisions,
	cartoFiches,
	cartoFicheTerritories
} from '../../src/lib/server/db/schema';
import {
	getImport,
	importState,
	listImports,
	reportCsv,
	uploadImport
} from '../../src/lib/modules/cartographie/import/import.server';
import { startCheck, startImport } from '../../src/lib/modules/cartographie/import/run.server';
import { luhn } from '../../src/lib/modules/cartographie/rules';
import { ForbiddenError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let admin: Actor;
let member: Actor;
beforeAll(async () => {
	t = await createCartographieDb();
	admin = (await makeUser(t.ctx, 'admin')).actor;
	member = (await makeUser(t.ctx, 'membre')).actor;
}, 120_000);
afterAll(async () => t.close());

/** A valid SIRET from a number (Luhn check digit added). */
function siret(n: number): string {
	const head = `1${String(n).padStart(12, '0')}`;
	for (let d = 0; d <= 9; d++) if (luhn(`${head}${d}`)) return `${head}${d}`;
	throw new Error('unreachable');
}

const csvFile = (text: string | Uint8Array<ArrayBuffer>, name = 'fiches.csv') =>
	new File([typeof text === 'string' ? new TextEncoder().encode(text) : text], name, {
		type: 'text/csv'
	});

/** The form of the mapping page for a guessed mapping, with the chosen status. */
async function formFor(id: string, targetStatus = 'en_attente') {
	const imp = await getImport(t.ctx, admin, id);
	const form: Record<string, string> = { targetStatus };
	for (const [field, index] of Object.entries(imp.mapping)) form[`col_${field}`] = String(index);
	return form;
}

async function uploadAndCheck(file: File, targetStatus = 'en_attente') {
	const { id } = await uploadImport(t.ctx, admin, file);
	await (
		await startCheck(t.ctx, admin, id, await formFor(id, targetStatus))
	).done;
	return { id, checked: await getImport(t.ctx, admin, id) };
}

async function checkAndImport(file: File, targetStatus = 'en_attente') {
	const { id, checked } = await uploadAndCheck(file, targetStatus);
	await (
		await startImport(t.ctx, admin, id)
	).done;
	return { id, checked, imported: await getImport(t.ctx, admin, id) };
}

const fichesNamed = (pattern: string) =>
	t.ctx.db.select().from(cartoFiches).where(like(cartoFiches.name, pattern));

const header =
	'nom,description_courte,siret,commune,code postal,territoires,types_cooperation,dimensions,cout,email,national';

describe('CSV import of fiches', () => {
	it('refuses a plain member', async () => {
		await expect(uploadImport(t.ctx, member, csvFile(`${header}\n`))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const { id } = await uploadImport(
			t.ctx,
			admin,
			csvFile(`${header}\nA,B,,69123,,departement:69,,,,,\n`)
		);
		await expect(getImport(t.ctx, member, id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listImports(t.ctx, member)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(importState(t.ctx, member, id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(startCheck(t.ctx, member, id, {})).rejects.toBeInstanceOf(ForbiddenError);
		await expect(startImport(t.ctx, member, id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(reportCsv(t.ctx, member, id)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('refuses what is not a CSV file, and files over 20 MB, with French messages', async () => {
		const png = Uint8Array.from([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52
		]);
		const refusal = (file: File) =>
			uploadImport(t.ctx, admin, file).then(
				() => null,
				(err: ValidationError) => err.fields.file
			);
		expect(await refusal(csvFile(png, 'image.csv'))).toMatch(/n'est pas un fichier CSV/);
		expect(await refusal(csvFile(Uint8Array.from([0x41, 0, 0x42, 0]), 'x.csv'))).toMatch(
			/n'est pas un fichier CSV/
		);
		expect(await refusal(csvFile(''))).toBe('Ce fichier est vide.');
		expect(await refusal(csvFile(`${header}\n`))).toMatch(/aucune ligne de données/);
		expect(await refusal(csvFile(`${header}\n"A,B\n`))).toMatch(/guillemet/);
		expect(await refusal(csvFile('a'.repeat(20 * 1024 * 1024 + 1)))).toMatch(/dépasse 20 Mo/);
		expect(await refusal(null as unknown as File)).toBe('Choisissez un fichier CSV.');
	});

	it('previews the file, checks each row without writing, then imports exactly the valid rows', async () => {
		const long = 'x'.repeat(290);
		const text = [
			header,
			`Valide Un,Accompagne les PTCE.,${siret(1)},69123,,departement:69,Tiers-lieu|PTCE,gouvernance,Gratuit,un@exemple.fr,non`,
			`Siret Faux,Description.,12345678901234,69123,,departement:69,,,,,`,
			`Commune Inconnue,Description.,,Zzyzx-sur-Mer,,departement:69,,,,,`,
			`Html,<script>alert(1)</script>,,69123,,departement:69,,,,,`,
			`Trop Long,${long},,69123,,departement:69,,,,,`,
			`Code Inconnu,Description.,,69123,,departement:69,licorne,,,,`,
			'',
			`"Valide Deux, à Lyon",Accompagne à Lyon.,,Lyon,69001,Rhône|region:84,scic,,mixte,,`,
			`Doublon,Même SIRET.,${siret(1)},69123,,departement:69,,,,,`,
			`Valide Trois,National.,,Villeurbanne,,,,,,,oui`
		].join('\r\n');
		const { id } = await uploadImport(t.ctx, admin, csvFile(text, 'mixte.csv'));
		const preview = await getImport(t.ctx, admin, id);
		expect(preview.status).toBe('analysee');
		expect(preview.totalRows).toBe(9);
		expect(preview.report.encoding).toBe('utf-8');
		expect(preview.report.delimiter).toBe(',');
		expect(preview.report.preview).toHaveLength(5);
		expect(preview.report.preview[0]![0]).toBe('Valide Un');
		expect(preview.mapping).toMatchObject({
			name: 0,
			shortDescription: 1,
			siret: 2,
			commune: 3,
			postalCode: 4,
			territories: 5
		});

		// A required field without column is refused with a message next to its select.
		const incomplete = await formFor(id);
		delete incomplete.col_name;
		await expect(startCheck(t.ctx, admin, id, incomplete)).rejects.toMatchObject({
			fields: { col_name: expect.stringContaining('Nom de la structure') }
		});

		await (
			await startCheck(t.ctx, admin, id, await formFor(id))
		).done;
		const checked = await getImport(t.ctx, admin, id);
		expect(checked.status).toBe('analysee');
		expect(checked.processedRows).toBe(9);
		expect(checked.report.checked).toMatchObject({ valid: 3, invalid: 6 });
		const byRow = Object.fromEntries(checked.errors.map(([row, field, m]) => [row, [field, m]]));
		expect(byRow[3]).toEqual(['siret', expect.stringMatching(/SIRET/)]);
		expect(byRow[4]).toEqual(['commune', 'Commune inconnue : « Zzyzx-sur-Mer ».']);
		expect(byRow[5]).toEqual(['shortDescription', expect.stringMatching(/balises HTML/)]);
		expect(byRow[6]).toEqual(['shortDescription', expect.stringMatching(/280 caractères/)]);
		expect(byRow[7]).toEqual(['cooperationKinds', 'Choix inconnu : licorne.']);
		expect(byRow[10]).toEqual(['siret', 'SIRET en double : déjà à la ligne 2 du fichier.']);
		expect(
			Object.keys(byRow)
				.map(Number)
				.sort((a, b) => a - b)
		).toEqual([3, 4, 5, 6, 7, 10]);
		expect(await fichesNamed('Valide%')).toHaveLength(0);

		const report = parse((await reportCsv(t.ctx, admin, id)).body, { bom: true }) as string[][];
		expect(report[0]).toEqual(['ligne', 'champ', 'colonne', 'raison']);
		expect(report).toContainEqual([
			'4',
			'Commune (code INSEE ou nom)',
			'commune',
			'Commune inconnue : « Zzyzx-sur-Mer ».'
		]);

		await (
			await startImport(t.ctx, admin, id)
		).done;
		const done = await getImport(t.ctx, admin, id);
		expect(done.status).toBe('terminee');
		expect(done.createdCount).toBe(3);
		expect(done.report.invalidRows).toBe(6);
		const created = await fichesNamed('Valide%');
		expect(created.map((f) => f.name).sort()).toEqual([
			'Valide Deux, à Lyon',
			'Valide Trois',
			'Valide Un'
		]);
		expect(created.every((f) => f.status === 'en_attente' && f.lastVerifiedAt === null)).toBe(true);
		const one = created.find((f) => f.name === 'Valide Un')!;
		expect(one).toMatchObject({
			slug: 'valide-un',
			siret: siret(1),
			communeCode: '69123',
			cooperationKinds: ['tiers_lieu', 'ptce'],
			dimensions: ['gouvernance'],
			cost: 'gratuit',
			contactEmail: 'un@exemple.fr',
			contactWebsitePublic: true,
			national: false
		});
		const two = created.find((f) => f.name.startsWith('Valide Deux'))!;
		// The commune of that name among those of the postal code (not its arrondissement).
		expect(two.communeCode).toBe('69123');
		const territories = await t.ctx.db
			.select({ kind: cartoFicheTerritories.kind, code: cartoFicheTerritories.code })
			.from(cartoFicheTerritories)
			.where(eq(cartoFicheTerritories.ficheId, two.id));
		expect(territories).toEqual(
			expect.arrayContaining([
				{ kind: 'departement', code: '69' },
				{ kind: 'region', code: '84' }
			])
		);
		expect(created.find((f) => f.name === 'Valide Trois')!.national).toBe(true);
		const revisions = await t.ctx.db
			.select()
			.from(cartoFicheRevisions)
			.where(
				inArray(
					cartoFicheRevisions.ficheId,
					created.map((f) => f.id)
				)
			);
		expect(revisions).toHaveLength(3);
		expect(
			revisions.every((r) => r.note === 'Import CSV mixte.csv' && r.authorId === admin.userId)
		).toBe(true);
		const [entry] = await t.ctx.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'cartographie.import'), eq(auditLog.targetId, id)));
		expect(entry!.details).toMatchObject({ created: 3, invalid: 6, targetStatus: 'en_attente' });

		// A second click on "Importer" creates nothing more.
		await expect(startImport(t.ctx, admin, id)).rejects.toBeInstanceOf(ValidationError);
		expect(await fichesNamed('Valide%')).toHaveLength(3);

		// The same SIRET again, in another file: now an existing fiche's.
		const again = await uploadAndCheck(
			csvFile(`${header}\nEncore,Description.,${siret(1)},69123,,departement:69,,,,,\n`)
		);
		expect(again.checked.errors).toEqual([
			[2, 'siret', 'Une fiche existe déjà avec ce SIRET : « Valide Un ».']
		]);
	});

	it('publishes the rows when asked, verified now, each with its own slug', async () => {
		const rows = ['Publiée Ici', 'Publiée Ici', 'Valide Un'].map(
			(name) => `${name},Description.,,69123,,national,,,,,`
		);
		const { imported } = await checkAndImport(csvFile([header, ...rows].join('\n')), 'publiee');
		expect(imported.status).toBe('terminee');
		expect(imported.createdCount).toBe(3);
		const fiches = [...(await fichesNamed('Publiée Ici')), ...(await fichesNamed('Valide Un'))];
		const published = fiches.filter((f) => f.status === 'publiee');
		expect(published).toHaveLength(3);
		expect(published.every((f) => f.lastVerifiedAt instanceof Date && f.national)).toBe(true);
		expect(published.map((f) => f.slug).sort()).toEqual([
			'publiee-ici',
			'publiee-ici-2',
			'valide-un-2'
		]);
	});

	it('creates nothing when a row fails in the middle of the import', async () => {
		// A database constraint the validation cannot know about, hit by row 900 of 1,200.
		await t.ctx.db.execute(sql`
			create function refuse_named() returns trigger language plpgsql as $$
			begin
				if new.name = 'Échec forcé' then raise exception 'refused by the test'; end if;
				return new;
			end $$;
			create trigger refuse_named before insert on carto_fiches
			for each row execute function refuse_named();`);
		try {
			const rows = Array.from({ length: 1200 }, (_, i) =>
				i === 898
					? 'Échec forcé,Description.,,69123,,departement:69,,,,,'
					: `Milieu ${i},Description.,,69123,,departement:69,,,,,`
			);
			const { id, imported } = await checkAndImport(csvFile([header, ...rows].join('\n')));
			expect(imported.status).toBe('echouee');
			expect(imported.report.failure).toMatch(/aucune fiche n'a été créée.*refused by the test/s);
			expect(imported.createdCount).toBe(0);
			expect(await fichesNamed('Milieu %')).toHaveLength(0);
			const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, id));
			expect(audits).toHaveLength(0);
		} finally {
			await t.ctx.db.execute(
				sql`drop trigger refuse_named on carto_fiches; drop function refuse_named();`
			);
		}
	});

	it('reads a ";"-separated Windows-1252 file with accents', async () => {
		const text =
			'Nom;Description courte;Commune;Territoire d’intervention;Dimensions\r\n' +
			'Cœur d’Émergence;Accompagne l’émergence des coopératives;69123;Rhône;Évaluation et impact\r\n';
		// Windows-1252: Latin-1, plus œ and ’ at 0x9c and 0x92.
		const bytes = Uint8Array.from(
			[...text].map((c) => (c === 'œ' ? 0x9c : c === '’' ? 0x92 : c.charCodeAt(0)))
		);
		const { id, checked, imported } = await checkAndImport(csvFile(bytes, 'accents.csv'));
		expect(checked.report.encoding).toBe('windows-1252');
		expect(checked.report.delimiter).toBe(';');
		expect(checked.report.headers).toContain('Territoire d’intervention');
		expect(checked.report.checked).toMatchObject({ valid: 1, invalid: 0 });
		expect(imported.status).toBe('terminee');
		const [fiche] = await fichesNamed('Cœur d’Émergence');
		expect(fiche).toMatchObject({
			shortDescription: 'Accompagne l’émergence des coopératives',
			dimensions: ['evaluation']
		});
		expect(id).toBeTruthy();
	});

	it('imports 5,000 rows, the progress going up on the way', async () => {
		const rows = Array.from(
			{ length: 5000 },
			(_, i) =>
				`Volume ${i},Description ${i}.,${siret(10_000 + i)},69123,,departement:69|region:84,ptce,,,,`
		);
		const { id } = await uploadImport(
			t.ctx,
			admin,
			csvFile([header, ...rows].join('\n'), 'volume.csv')
		);
		const seen: number[] = [];
		const watch = async (done: Promise<void>) => {
			let finished = false;
			void done.then(() => (finished = true));
			while (!finished) {
				seen.push((await importState(t.ctx, admin, id)).processedRows);
				await new Promise((r) => setTimeout(r, 100));
			}
			await done;
		};
		await watch((await startCheck(t.ctx, admin, id, await formFor(id))).done);
		expect((await getImport(t.ctx, admin, id)).report.checked).toMatchObject({ valid: 5000 });
		seen.length = 0;
		await watch((await startImport(t.ctx, admin, id)).done);
		const state = await importState(t.ctx, admin, id);
		expect(state).toMatchObject({ status: 'terminee', processedRows: 5000, createdCount: 5000 });
		const middle = seen.filter((n) => n > 0 && n < 5000);
		expect(middle.length).toBeGreaterThan(1);
		expect(middle).toEqual([...middle].sort((a, b) => a - b));
		const [{ n }] = (
			await t.ctx.db.execute<{ n: number }>(
				sql`select count(*)::int as n from carto_fiches where name like 'Volume %'`
			)
		).rows as [{ n: number }];
		expect(n).toBe(5000);
	}, 120_000);
});
