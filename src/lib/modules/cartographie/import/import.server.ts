// CSV import of fiches by coordination and admins: upload and analysis, then a check and an
// import that run in the background of the server process, reporting their progress in the
// import's row (carto_imports), so the page can show it. See run.server.ts for the runs.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { stringify } from 'csv-stringify/sync';
import type { Ctx } from '../../../server/context';
import { cartoImports, users } from '../../../server/db/schema';
import { assertCan, type Actor } from '../../../server/auth/policy';
import { assertUuid, NotFoundError, ValidationError } from '../../../server/errors';
import { fileStore } from '../../../server/storage/local';
import { chunksOf, CsvFileError, delimiterOf, detectEncoding, records } from './csv.server';
import { markInterrupted } from './interrupted.server';
import { looksBinary, type Delimiter, type FileEncoding } from './file-format';
import {
	guessMapping,
	isBlankRecord,
	mappingFromJson,
	mappingToJson,
	reportRecords,
	type RowError
} from './mapping';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const TOO_LARGE_MESSAGE =
	'Ce fichier dépasse 20 Mo : découpez-le en plusieurs fichiers de 20 Mo au plus.';
const NOT_FOUND = 'Import introuvable.';
export const PREVIEW_ROWS = 5;

export type ImportStatus = 'analysee' | 'en_cours' | 'terminee' | 'echouee';
export type ImportPhase = 'verification' | 'import';
export type TargetStatus = 'en_attente' | 'publiee';

/** What the report column holds: the analysis of the file, then the last run's outcome. */
export interface ImportReport {
	encoding: FileEncoding;
	delimiter: Delimiter;
	headers: string[];
	preview: string[][];
	/** The run in progress (status en_cours) or the last one. */
	phase?: ImportPhase | null;
	/** When the running task last reported progress (ISO): see interrupted.server.ts. */
	progressAt?: string | null;
	/** The last check: the mapping and status it was made with, and its counts. */
	checked?: {
		mapping: Record<string, string>;
		targetStatus: TargetStatus;
		valid: number;
		invalid: number;
	} | null;
	/** Rows invalid in the last check or import, with their reasons (at most MAX_ERRORS). */
	errors?: RowError[];
	invalidRows?: number;
	/** Problems not kept past MAX_ERRORS. */
	moreErrors?: number;
	failure?: string | null;
}

export const MAX_ERRORS = 20_000;

/** Importing is an administration task: coordination and admins, not the moderator role alone. */
export function assertCanImport(actor: Actor | null): asserts actor is Actor {
	assertCan(actor, 'cartographie.moderate');
	assertCan(actor, 'admin.access');
}

export const fileKey = (id: string) => `imports/${id}.csv`;

const fileError = (message: string) => new ValidationError({ file: message }, message);

/**
 * Reads an uploaded file once, in chunks: refuses what is not a CSV text, finds its encoding
 * and separator, keeps its header and first rows, counts its rows (blank lines aside).
 */
export async function analyseFile(bytes: Uint8Array) {
	if (bytes.length === 0) throw fileError('Ce fichier est vide.');
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		throw fileError(
			'Ce fichier est encodé en UTF-16 : enregistrez-le au format « CSV UTF-8 » depuis votre tableur.'
		);
	}
	const detected = await fileTypeFromBuffer(bytes.subarray(0, 4_100));
	if (detected || looksBinary(bytes)) {
		const kind = detected ? ` (c'est un fichier ${detected.ext.toUpperCase()})` : '';
		throw fileError(
			`Ce fichier n'est pas un fichier CSV${kind}. Enregistrez le tableau au format CSV (UTF-8, séparateur virgule ou point-virgule) depuis votre tableur.`
		);
	}
	const encoding = detectEncoding(bytes);
	const delimiter = delimiterOf(bytes, encoding);
	let headers: string[] | null = null;
	const preview: string[][] = [];
	let totalRows = 0;
	try {
		for await (const record of records(chunksOf(bytes), encoding, delimiter)) {
			if (!headers) {
				headers = record.map((h, i) => h.trim().slice(0, 200) || `Colonne ${i + 1}`);
				continue;
			}
			if (isBlankRecord(record)) continue;
			totalRows++;
			if (preview.length < PREVIEW_ROWS) preview.push(record.map((c) => c.slice(0, 300)));
		}
	} catch (err) {
		if (err instanceof CsvFileError) throw fileError(err.message);
		throw err;
	}
	if (!headers || headers.length === 0) throw fileError("Ce fichier n'a pas de ligne d'en-tête.");
	if (totalRows === 0) {
		throw fileError("Ce fichier ne contient aucune ligne de données (seulement l'en-tête).");
	}
	return { encoding, delimiter, headers, preview, totalRows };
}

/** Stores an uploaded CSV and its analysis; the mapping starts as guessed from the header. */
export async function uploadImport(ctx: Ctx, actor: Actor | null, file: File | null) {
	assertCanImport(actor);
	if (!file) throw fileError('Choisissez un fichier CSV.');
	if (file.size > MAX_IMPORT_BYTES) throw fileError(TOO_LARGE_MESSAGE);
	const bytes = new Uint8Array(await file.arrayBuffer());
	const analysis = await analyseFile(bytes);
	const id = randomUUID();
	await fileStore(ctx.env).put(fileKey(id), bytes);
	const report: ImportReport = {
		encoding: analysis.encoding,
		delimiter: analysis.delimiter,
		headers: analysis.headers,
		preview: analysis.preview
	};
	const filename = (file.name || 'import.csv').replace(/[\\/]/g, '_').slice(0, 200);
	await ctx.db.insert(cartoImports).values({
		id,
		createdBy: actor.userId,
		filename,
		status: 'analysee',
		mapping: mappingToJson(guessMapping(analysis.headers)),
		totalRows: analysis.totalRows,
		report: report as unknown as Record<string, unknown>
	});
	return { id };
}

export async function listImports(ctx: Ctx, actor: Actor | null) {
	assertCanImport(actor);
	await markInterrupted(ctx);
	return ctx.db
		.select({
			id: cartoImports.id,
			filename: cartoImports.filename,
			status: cartoImports.status,
			phase: sql<ImportPhase | null>`${cartoImports.report}->>'phase'`,
			targetStatus: cartoImports.targetStatus,
			totalRows: cartoImports.totalRows,
			createdCount: cartoImports.createdCount,
			createdAt: cartoImports.createdAt,
			author: users.name
		})
		.from(cartoImports)
		.leftJoin(users, eq(users.id, cartoImports.createdBy))
		.orderBy(desc(cartoImports.createdAt))
		.limit(50);
}

async function findImport(ctx: Ctx, id: string) {
	assertUuid(id, NOT_FOUND);
	const [row] = await ctx.db.select().from(cartoImports).where(eq(cartoImports.id, id));
	if (!row) throw new NotFoundError(NOT_FOUND);
	return { ...row, report: row.report as unknown as ImportReport };
}

export const ERRORS_PAGE_SIZE = 50;

/** An import with its analysis, mapping, progress and one page of its invalid rows. */
export async function getImport(ctx: Ctx, actor: Actor | null, id: string, page = 1) {
	assertCanImport(actor);
	await markInterrupted(ctx);
	const row = await findImport(ctx, id);
	const { errors = [], ...report } = row.report;
	const pageCount = Math.max(1, Math.ceil(errors.length / ERRORS_PAGE_SIZE));
	const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
	return {
		id: row.id,
		filename: row.filename,
		status: row.status as ImportStatus,
		targetStatus: row.targetStatus as TargetStatus,
		mapping: mappingFromJson(row.mapping, report.headers.length),
		totalRows: row.totalRows,
		processedRows: row.processedRows,
		createdCount: row.createdCount,
		createdAt: row.createdAt,
		finishedAt: row.finishedAt,
		report,
		errorCount: errors.length,
		errors: errors.slice((current - 1) * ERRORS_PAGE_SIZE, current * ERRORS_PAGE_SIZE),
		page: current,
		pageCount
	};
}

/** The progress of an import, for the page's polling (a few columns, not the report). */
export async function importState(ctx: Ctx, actor: Actor | null, id: string) {
	assertCanImport(actor);
	assertUuid(id, NOT_FOUND);
	await markInterrupted(ctx);
	const [row] = await ctx.db
		.select({
			status: cartoImports.status,
			phase: sql<ImportPhase | null>`${cartoImports.report}->>'phase'`,
			processedRows: cartoImports.processedRows,
			totalRows: cartoImports.totalRows,
			createdCount: cartoImports.createdCount
		})
		.from(cartoImports)
		.where(eq(cartoImports.id, id));
	if (!row) throw new NotFoundError(NOT_FOUND);
	return row;
}

/** The invalid rows of the last check or import as a CSV file (UTF-8 with BOM, for spreadsheets). */
export async function reportCsv(ctx: Ctx, actor: Actor | null, id: string) {
	assertCanImport(actor);
	const row = await findImport(ctx, id);
	const mapping = mappingFromJson(row.mapping, row.report.headers.length);
	const lines = reportRecords(row.report.errors ?? [], mapping, row.report.headers);
	if (row.report.moreErrors) {
		lines.push(['', '', '', `… et ${row.report.moreErrors} autres problèmes non listés.`]);
	}
	const name = row.filename.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_') || 'import';
	return { filename: `rapport-${name}.csv`, body: `\ufeff${stringify(lines)}` };
}

/** Moves an import to en_cours for a run, unless it is not in `from` (a second click): null. */
export async function claim(
	ctx: Ctx,
	id: string,
	phase: ImportPhase,
	set: Partial<typeof cartoImports.$inferInsert> = {}
) {
	const [row] = await ctx.db
		.update(cartoImports)
		.set({
			...set,
			status: 'en_cours',
			processedRows: 0,
			finishedAt: null,
			report: sql`coalesce(${cartoImports.report}, '{}'::jsonb) || ${JSON.stringify({
				phase,
				progressAt: new Date().toISOString(),
				failure: null
			})}::jsonb`
		})
		.where(and(eq(cartoImports.id, id), eq(cartoImports.status, 'analysee')))
		.returning();
	return row ? { ...row, report: row.report as unknown as ImportReport } : null;
}

export { findImport };
