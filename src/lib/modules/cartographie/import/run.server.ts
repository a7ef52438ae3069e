// The two runs of an import, started by an action and left to run in the background of the
// server process: the check (no write) and the import (every valid row in one transaction).
// Both read the stored file as a stream and report their progress every batch.
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../../server/context';
import {
	cartoFicheRevisions,
	cartoFiches,
	cartoFicheTerritories,
	cartoImports
} from '../../../server/db/schema';
import type { Actor } from '../../../server/auth/policy';
import { audit } from '../../../server/audit/audit';
import { ValidationError } from '../../../server/errors';
import { fileStore } from '../../../server/storage/local';
import { slugify } from '../../community/rules';
import { snapshot, type FicheContent } from '../content.server';
import { chunksOfStream, records } from './csv.server';
import {
	assertCanImport,
	claim,
	fileKey,
	findImport,
	MAX_ERRORS,
	type ImportReport,
	type TargetStatus
} from './import.server';
import {
	isBlankRecord,
	mappingFromForm,
	mappingFromJson,
	mappingProblems,
	mappingToJson,
	type ColumnMapping,
	type RowError
} from './mapping';
import { runningTasks } from './interrupted.server';
import { checkBatch, createRowReader, type CheckedRow } from './rows.server';

export const BATCH_SIZE = 500;
/** Serialises imports (two at once could both create the same SIRET). */
const IMPORT_LOCK = 7_421_330;

type Db = Ctx['db'];

/** A failure whose message is meant for the person importing. */
class ImportFailure extends Error {}

/** The checked rows of the stored file, batch by batch, with the number of rows read so far. */
async function* checkedBatches(
	ctx: Ctx,
	db: Db,
	imp: { id: string; report: ImportReport },
	mapping: ColumnMapping
): AsyncGenerator<{ rows: CheckedRow[]; processed: number }> {
	const file = await fileStore(ctx.env).read(fileKey(imp.id));
	if (!file) throw new ImportFailure('Le fichier de cet import a disparu du stockage.');
	const reader = await createRowReader(ctx);
	const seen = new Map<string, number>();
	let batch: { row: number; record: string[] }[] = [];
	let line = 0;
	let processed = 0;
	for await (const record of records(
		chunksOfStream(file.stream),
		imp.report.encoding,
		imp.report.delimiter
	)) {
		line++;
		// Line 1 is the header; numbers are those a spreadsheet shows (blank lines count).
		if (line === 1 || isBlankRecord(record)) continue;
		batch.push({ row: line, record });
		if (batch.length === BATCH_SIZE) {
			processed += batch.length;
			yield { rows: await checkBatch(db, reader, batch, mapping, seen), processed };
			batch = [];
		}
	}
	if (batch.length > 0) {
		processed += batch.length;
		yield { rows: await checkBatch(db, reader, batch, mapping, seen), processed };
	}
}

/** Collects the problems of the checked rows, keeping at most MAX_ERRORS of them. */
function errorCollector() {
	const errors: RowError[] = [];
	let invalidRows = 0;
	let more = 0;
	return {
		add(rows: CheckedRow[]) {
			for (const r of rows) {
				if (r.content) continue;
				invalidRows++;
				for (const e of r.errors) {
					if (errors.length < MAX_ERRORS) errors.push(e);
					else more++;
				}
			}
		},
		get report() {
			return { errors, invalidRows, moreErrors: more };
		}
	};
}

async function progress(ctx: Ctx, id: string, processed: number) {
	await ctx.db
		.update(cartoImports)
		.set({
			processedRows: processed,
			report: sql`jsonb_set(${cartoImports.report}, '{progressAt}', to_jsonb(now()))`
		})
		.where(eq(cartoImports.id, id));
}

async function fail(ctx: Ctx, id: string, err: unknown) {
	// The database's own words rather than the query Drizzle wraps them in.
	const cause = (err as { cause?: unknown }).cause;
	const reason =
		cause instanceof Error ? cause.message : err instanceof Error ? err.message : String(err);
	const message =
		err instanceof ImportFailure
			? err.message
			: `L'import a échoué : aucune fiche n'a été créée. Cause : ${reason}`;
	if (!(err instanceof ImportFailure)) console.error(`Import CSV ${id} : ${reason}`);
	await ctx.db
		.update(cartoImports)
		.set({
			status: 'echouee',
			finishedAt: new Date(),
			report: sql`${cartoImports.report} || ${JSON.stringify({ failure: message.slice(0, 2_000) })}::jsonb`
		})
		.where(and(eq(cartoImports.id, id), eq(cartoImports.status, 'en_cours')));
}

/** Runs a task in the background; the returned promise (for tests) never rejects. */
function launch(ctx: Ctx, id: string, task: () => Promise<void>): Promise<void> {
	const done = task()
		.catch((err) => fail(ctx, id, err))
		.catch((err) => console.error('Import CSV', id, err))
		.finally(() => runningTasks.delete(id));
	runningTasks.set(id, done);
	return done;
}

/**
 * Saves the mapping and the chosen status, then checks every row in the background without
 * writing any fiche: the per-row report, and the number of rows an import would create.
 */
export async function startCheck(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	form: Record<string, unknown>
) {
	assertCanImport(actor);
	const imp = await findImport(ctx, id);
	const mapping = mappingFromForm(form, imp.report.headers.length);
	const targetStatus: TargetStatus = form.targetStatus === 'publiee' ? 'publiee' : 'en_attente';
	const problems = mappingProblems(mapping);
	if (Object.keys(problems).length > 0) {
		throw new ValidationError(problems, 'La correspondance des colonnes est incomplète.');
	}
	if (imp.status !== 'analysee') {
		throw new ValidationError({}, 'Cet import ne peut plus être vérifié.');
	}
	const claimed = await claim(ctx, id, 'verification', {
		mapping: mappingToJson(mapping),
		targetStatus
	});
	if (!claimed) throw new ValidationError({}, 'Une vérification ou un import est déjà en cours.');
	const done = launch(ctx, id, async () => {
		const collected = errorCollector();
		let valid = 0;
		let processed = 0;
		for await (const batch of checkedBatches(ctx, ctx.db, claimed, mapping)) {
			collected.add(batch.rows);
			valid += batch.rows.filter((r) => r.content).length;
			processed = batch.processed;
			await progress(ctx, id, processed);
		}
		const { errors, invalidRows, moreErrors } = collected.report;
		const report: Partial<ImportReport> = {
			checked: { mapping: mappingToJson(mapping), targetStatus, valid, invalid: invalidRows },
			errors,
			invalidRows,
			moreErrors
		};
		await ctx.db
			.update(cartoImports)
			.set({
				status: 'analysee',
				processedRows: processed,
				report: sql`${cartoImports.report} || ${JSON.stringify(report)}::jsonb`
			})
			.where(and(eq(cartoImports.id, id), eq(cartoImports.status, 'en_cours')));
	});
	return { done };
}

/** Slugs not taken yet for a batch of names: one query for the whole batch. */
async function allocateSlugs(tx: Db, names: string[]): Promise<string[]> {
	const bases = names.map((n) => slugify(n) || 'structure');
	const wanted = [...new Set(bases)];
	const { rows } = await tx.execute<{ slug: string }>(sql`
		select slug from carto_fiches
		where slug = any(${sql.param(wanted)}::text[])
			or substring(slug from '^(.*)-[0-9]+$') = any(${sql.param(wanted)}::text[])`);
	const taken = new Set(rows.map((r) => r.slug));
	return bases.map((base) => {
		let slug = base;
		for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
		taken.add(slug);
		return slug;
	});
}

/** Creates the fiches of a batch with their territories and first revisions, in `tx`. */
async function insertFiches(
	tx: Db,
	contents: FicheContent[],
	status: TargetStatus,
	revision: { authorId: string; note: string }
) {
	if (contents.length === 0) return;
	const slugs = await allocateSlugs(
		tx,
		contents.map((c) => c.name)
	);
	const now = new Date();
	const fiches = await tx
		.insert(cartoFiches)
		.values(
			contents.map(({ territories: _t, logoPath: _l, ...columns }, i) => ({
				...columns,
				slug: slugs[i]!,
				status,
				lastVerifiedAt: status === 'publiee' ? now : null
			}))
		)
		.returning();
	const territories = fiches.flatMap((f, i) =>
		contents[i]!.territories.map((t) => ({ ficheId: f.id, ...t }))
	);
	// Under PostgreSQL's 65,535 parameters per statement (3 per territory).
	for (let i = 0; i < territories.length; i += 10_000) {
		await tx.insert(cartoFicheTerritories).values(territories.slice(i, i + 10_000));
	}
	await tx.insert(cartoFicheRevisions).values(
		fiches.map((f, i) => ({
			ficheId: f.id,
			data: snapshot(f, contents[i]!.territories),
			authorId: revision.authorId,
			note: revision.note
		}))
	);
}

const isUniqueViolation = (err: unknown) =>
	(err as { code?: string }).code === '23505' ||
	(err as { cause?: { code?: string } }).cause?.code === '23505';

/**
 * Imports the rows of a checked import in the background: every row is checked again (fiches
 * may have been created since), the valid ones are created in ONE transaction, by batches, with
 * the chosen status; if anything fails, nothing is created and the import is echouee with the
 * reason. One audit entry records the import and its counts.
 */
export async function startImport(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	info: RequestInfo = {}
) {
	assertCanImport(actor);
	const imp = await findImport(ctx, id);
	const checked = imp.report.checked;
	if (imp.status !== 'analysee' || !checked) {
		throw new ValidationError({}, 'Vérifiez le fichier avant de lancer l’import.');
	}
	if (checked.valid === 0) throw new ValidationError({}, 'Aucune ligne valide à importer.');
	const mapping = mappingFromJson(checked.mapping, imp.report.headers.length);
	const claimed = await claim(ctx, id, 'import');
	if (!claimed) throw new ValidationError({}, 'Une vérification ou un import est déjà en cours.');
	const targetStatus = checked.targetStatus;
	const note = `Import CSV ${imp.filename}`;

	const done = launch(ctx, id, async () => {
		try {
			await ctx.db.transaction(async (tx) => {
				const { rows: lock } = await tx.execute<{ ok: boolean }>(
					sql`select pg_try_advisory_xact_lock(${IMPORT_LOCK}) as ok`
				);
				if (!lock[0]?.ok) {
					throw new ImportFailure(
						"Un autre import est en cours : aucune fiche n'a été créée. Déposez le fichier à nouveau quand il sera terminé."
					);
				}
				const collected = errorCollector();
				let created = 0;
				let processed = 0;
				for await (const batch of checkedBatches(ctx, tx as unknown as Db, claimed, mapping)) {
					collected.add(batch.rows);
					const contents = batch.rows.flatMap((r) => (r.content ? [r.content] : []));
					await insertFiches(tx as unknown as Db, contents, targetStatus, {
						authorId: actor.userId,
						note
					});
					created += contents.length;
					processed = batch.processed;
					// Outside the transaction, so that the page sees it now.
					await progress(ctx, id, processed);
				}
				const { errors, invalidRows, moreErrors } = collected.report;
				await audit(
					{ ...ctx, db: tx as unknown as Db },
					actor,
					{
						action: 'cartographie.import',
						targetType: 'carto_import',
						targetId: id,
						details: { filename: imp.filename, targetStatus, created, invalid: invalidRows }
					},
					info.ip
				);
				const report: Partial<ImportReport> = { errors, invalidRows, moreErrors, progressAt: null };
				const [finished] = await tx
					.update(cartoImports)
					.set({
						status: 'terminee',
						processedRows: processed,
						createdCount: created,
						finishedAt: new Date(),
						report: sql`${cartoImports.report} || ${JSON.stringify(report)}::jsonb`
					})
					.where(and(eq(cartoImports.id, id), eq(cartoImports.status, 'en_cours')))
					.returning({ id: cartoImports.id });
				// Marked as interrupted meanwhile: keep it failed, create nothing.
				if (!finished) throw new ImportFailure('Import interrompu.');
			});
		} catch (err) {
			if (isUniqueViolation(err)) {
				throw new ImportFailure(
					"L'import a échoué : une fiche a été créée pendant l'import avec la même adresse (slug). Aucune fiche n'a été créée ; déposez le fichier à nouveau."
				);
			}
			throw err;
		}
	});
	return { done };
}
