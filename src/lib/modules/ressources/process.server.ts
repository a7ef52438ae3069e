// After an upload: the document's text is extracted and indexed, and images get a thumbnail,
// in the background — through the job queue when it runs, in this process otherwise (resources
// left `pending` by a stopped process are taken up again by the sweep, sweep.server.ts).
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { log } from '../../server/log';
import { fileStore } from '../../server/storage/local';
import { EXTRACTABLE_TYPES, IMAGE_TYPES } from './labels';
import { resources } from './tables';
import { ExtractionError } from './extract/errors';

export const PROCESS_QUEUE = 'ressources.process';
/** First key of the per-resource advisory locks (the second is the id's hash). */
export const PROCESS_LOCK = 7_421_061;
/** Larger stored files are not read into memory (the upload limit defaults to 50 MB). */
export const MAX_PROCESSED_BYTES = 64 * 1024 * 1024;

const inFlight = new Set<Promise<unknown>>();

/** Asks for a resource's file to be processed; returns at once. */
export async function requestProcessing(ctx: Ctx, resourceId: string): Promise<void> {
	if (ctx.enqueue) {
		await ctx.enqueue(PROCESS_QUEUE, { resourceId }, { singletonKey: resourceId });
		return;
	}
	setImmediate(() => {
		const run = processResource(ctx, resourceId)
			.catch((err) =>
				// The database closed under the run (shutdown, end of a test): the sweep takes it up.
				closedDatabase(err)
					? log.debug(`[ressources] traitement de ${resourceId} interrompu :`, err)
					: log.error('[ressources] traitement du fichier :', err)
			)
			.finally(() => inFlight.delete(run));
		inFlight.add(run);
	});
}

const closedDatabase = (err: unknown) =>
	err instanceof Error &&
	(/pool after calling end|Connection terminated/i.test(err.message) ||
		['57P01', '3D000'].includes((err as { code?: string }).code ?? ''));

/** Resolves once the in-process processing started so far has ended (tests, shutdown). */
export async function processingSettled(): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
	while (inFlight.size) await Promise.allSettled([...inFlight]);
}

/** What processing a file gave, to be written if the row still holds that file. */
export type ProcessResult =
	| { kind: 'text'; text: string }
	| { kind: 'failed'; reason: string }
	| { kind: 'thumbnail'; key: string }
	| { kind: 'unsupported' };

/**
 * Extracts and indexes the text of the resource's file, makes its thumbnail. One run at a time
 * per resource (an advisory lock): with `wait: false` a resource being processed elsewhere is
 * skipped and false returned.
 */
export async function processResource(
	ctx: Ctx,
	resourceId: string,
	options: { wait?: boolean; onlyPending?: boolean } = {}
): Promise<boolean> {
	const { wait = true, onlyPending = false } = options;
	return ctx.db.transaction(async (tx) => {
		const lock = sql`${PROCESS_LOCK}::int, hashtext(${resourceId})`;
		if (wait) await tx.execute(sql`select pg_advisory_xact_lock(${lock})`);
		else {
			const { rows } = await tx.execute<{ locked: boolean }>(
				sql`select pg_try_advisory_xact_lock(${lock}) as locked`
			);
			if (!rows[0]?.locked) return false;
		}
		// The lock's transaction only holds the lock: reads and writes go through ctx.db, so the
		// written rows are visible at once whatever happens to this transaction.
		const [row] = await ctx.db
			.select({
				fileKey: resources.fileKey,
				fileType: resources.fileType,
				textStatus: resources.textStatus
			})
			.from(resources)
			.where(eq(resources.id, resourceId));
		if (!row?.fileKey || !row.fileType) return false;
		if (onlyPending && row.textStatus !== 'pending') return false;
		const result = await processFile(ctx, resourceId, row.fileKey, row.fileType);
		await saveResult(ctx, resourceId, row.fileKey, result);
		return true;
	});
}

/** Reads the stored file and makes its text or thumbnail (the thumbnail is stored already). */
export async function processFile(
	ctx: Ctx,
	resourceId: string,
	fileKey: string,
	fileType: string
): Promise<ProcessResult> {
	const extractable = EXTRACTABLE_TYPES.has(fileType);
	if (!extractable && !IMAGE_TYPES.has(fileType)) return { kind: 'unsupported' };
	const store = fileStore(ctx.env);
	const file = await store.read(fileKey);
	if (!file) return { kind: 'failed', reason: 'fichier absent du stockage' };
	if (file.size > MAX_PROCESSED_BYTES) {
		await file.stream.cancel();
		return { kind: 'failed', reason: `fichier trop volumineux pour être lu (${file.size} octets)` };
	}
	const bytes = new Uint8Array(await new Response(file.stream).arrayBuffer());
	// pdf.js and libvips are loaded on first use: a server that never processes a file never
	// holds them in memory.
	if (extractable) {
		const { extractDocumentText } = await import('./extract');
		try {
			return { kind: 'text', text: await extractDocumentText(fileType, bytes) };
		} catch (err) {
			const reason = err instanceof ExtractionError ? err.message : `erreur : ${String(err)}`;
			return { kind: 'failed', reason: reason.slice(0, 300) };
		}
	}
	const { makeThumbnail } = await import('./thumbnail.server');
	let thumbnail: Uint8Array;
	try {
		thumbnail = await makeThumbnail(bytes);
	} catch (err) {
		// A broken image stays downloadable, without a thumbnail.
		log.warn(`[ressources] vignette impossible pour ${resourceId} : ${(err as Error).message}`);
		return { kind: 'unsupported' };
	}
	const key = `ressources/${resourceId}/vignette-${randomBytes(9).toString('base64url')}.webp`;
	await store.put(key, thumbnail);
	return { kind: 'thumbnail', key };
}

/**
 * Writes the result if the row still holds `fileKey`: a file replaced meanwhile is processed by
 * its own run, and a stale thumbnail is removed. Returns whether the row was updated.
 */
export async function saveResult(
	ctx: Ctx,
	resourceId: string,
	fileKey: string,
	result: ProcessResult
): Promise<boolean> {
	const same = and(eq(resources.id, resourceId), eq(resources.fileKey, fileKey));
	const store = fileStore(ctx.env);
	if (result.kind === 'thumbnail') {
		const previous = await ctx.db
			.select({ key: resources.thumbnailKey })
			.from(resources)
			.where(same);
		const updated = await ctx.db
			.update(resources)
			.set({ thumbnailKey: result.key, textStatus: 'unsupported', textError: null })
			.where(same)
			.returning({ id: resources.id });
		const old = previous[0]?.key;
		if (!updated.length) await store.remove(result.key);
		else if (old && old !== result.key) await store.remove(old);
		return updated.length > 0;
	}
	const values =
		result.kind === 'text'
			? {
					documentText: result.text,
					textStatus: 'indexed' as const,
					textExtractedAt: new Date(),
					textError: null
				}
			: result.kind === 'failed'
				? { documentText: null, textStatus: 'failed' as const, textError: result.reason }
				: { documentText: null, textStatus: 'unsupported' as const, textError: null };
	const updated = await ctx.db
		.update(resources)
		.set(values)
		.where(same)
		.returning({ id: resources.id });
	return updated.length > 0;
}
