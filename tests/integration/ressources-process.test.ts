import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import sharp from 'sharp';
import { createTestDb, type TestDb } from '../helpers/db';
import { corruptPdf, makeDocx, makeOdt, makePdf } from '../fixtures/files/documents';
import { resources } from '../../src/lib/server/db/schema';
import { fileStore } from '../../src/lib/server/storage/local';
import {
	processFile,
	processResource,
	processingSettled,
	requestProcessing,
	saveResult
} from '../../src/lib/modules/ressources/process.server';
import { sweepPending } from '../../src/lib/modules/ressources/sweep.server';
import { startJobs } from '../../src/lib/server/jobs';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(async () => {
	await processingSettled();
	await t?.close();
});

const PDF = 'application/pdf';
const ODT = 'application/vnd.oasis.opendocument.text';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A resource whose file `bytes` is stored, pending like after an upload. */
async function withFile(bytes: Uint8Array, fileType: string, fileName = 'document') {
	const id = crypto.randomUUID();
	const fileKey = `ressources/${id}/${randomBytes(8).toString('hex')}`;
	await fileStore(t.ctx.env).put(fileKey, bytes);
	await t.ctx.db.insert(resources).values({
		id,
		slug: `ressource-${randomBytes(4).toString('hex')}`,
		title: 'Une ressource',
		kind: 'rapport',
		fileKey,
		fileName,
		fileType,
		fileSize: bytes.length,
		textStatus: 'pending'
	});
	return { id, fileKey };
}

const row = async (id: string) =>
	(await t.ctx.db.select().from(resources).where(eq(resources.id, id)))[0]!;

/** Ids of the resources whose search vector matches `words` as a French reader types them. */
async function found(words: string) {
	const rows = await t.ctx.db
		.select({ id: resources.id })
		.from(resources)
		.where(sql`${resources.search} @@ websearch_to_tsquery('fr_unaccent', ${words})`);
	return rows.map((r) => r.id);
}

describe('text extraction', () => {
	it('indexes the text of a PDF: found by a word that appears only inside it', async () => {
		const { id } = await withFile(
			makePdf(['Rapport sur les cooperatives', 'Le mot zorglubesque est unique.']),
			PDF
		);
		expect(await found('zorglubesque')).not.toContain(id);
		expect(await processResource(t.ctx, id)).toBe(true);
		const r = await row(id);
		expect(r.textStatus).toBe('indexed');
		expect(r.textError).toBeNull();
		expect(r.textExtractedAt).toBeInstanceOf(Date);
		expect(r.documentText).toBe('Rapport sur les cooperatives\nLe mot zorglubesque est unique.');
		expect(await found('zorglubesque')).toEqual([id]);
		// French stemming and accents: "coopératives" finds "cooperatives".
		expect(await found('coopérative')).toContain(id);
	});

	it('indexes the text of an ODT and of a DOCX, entities decoded', async () => {
		const odt = await withFile(
			makeOdt(['Référentiel', 'Compétences & métiers : flibustrophe']),
			ODT
		);
		const docx = await withFile(
			makeDocx(['Note de synthèse', 'Questionnaire <1> « gravimondel »']),
			DOCX
		);
		await processResource(t.ctx, odt.id);
		await processResource(t.ctx, docx.id);
		expect((await row(odt.id)).documentText).toBe(
			'Référentiel\nCompétences & métiers : flibustrophe'
		);
		expect((await row(docx.id)).documentText).toBe(
			'Note de synthèse\nQuestionnaire <1> « gravimondel »'
		);
		expect(await found('flibustrophe')).toEqual([odt.id]);
		expect(await found('gravimondel')).toEqual([docx.id]);
	});

	it('marks a corrupt PDF failed with its reason, keeps the row and the file', async () => {
		const { id, fileKey } = await withFile(corruptPdf(), PDF, 'casse.pdf');
		await processResource(t.ctx, id);
		const r = await row(id);
		expect(r.textStatus).toBe('failed');
		expect(r.textError).toMatch(/PDF illisible/);
		expect(r.documentText).toBeNull();
		expect(r.fileKey).toBe(fileKey);
		const stored = await fileStore(t.ctx.env).read(fileKey);
		expect(stored?.size).toBe(corruptPdf().length);
		await stored?.stream.cancel();
	});

	it('marks failed an ODT without content.xml and a DOCX that is not an archive', async () => {
		const { strToU8, zipSync } = await import('fflate');
		const odt = await withFile(zipSync({ mimetype: strToU8('x') }), ODT);
		const docx = await withFile(strToU8('PK pas vraiment'), DOCX);
		await processResource(t.ctx, odt.id);
		await processResource(t.ctx, docx.id);
		expect(await row(odt.id)).toMatchObject({ textStatus: 'failed' });
		expect((await row(odt.id)).textError).toMatch(/content\.xml/);
		expect(await row(docx.id)).toMatchObject({ textStatus: 'failed' });
	});

	it('refuses a zip bomb: an entry inflating past 50 MB is not read', async () => {
		const { strToU8, zipSync } = await import('fflate');
		const huge = new Uint8Array(60 * 1024 * 1024).fill(0x20);
		const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': huge });
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const { id } = await withFile(bomb, DOCX);
		await processResource(t.ctx, id);
		expect(await row(id)).toMatchObject({ textStatus: 'failed', documentText: null });
		expect((await row(id)).textError).toMatch(/décompressé/);
	});

	it('marks other types unsupported, and a missing stored file failed', async () => {
		const mp3 = await withFile(new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0]), 'audio/mpeg');
		await processResource(t.ctx, mp3.id);
		expect(await row(mp3.id)).toMatchObject({ textStatus: 'unsupported', documentText: null });
		const gone = await withFile(makePdf(['x']), PDF);
		await fileStore(t.ctx.env).remove(gone.fileKey);
		await processResource(t.ctx, gone.id);
		expect(await row(gone.id)).toMatchObject({ textStatus: 'failed' });
	});
});

describe('thumbnails', () => {
	it('makes a WebP thumbnail 480 px wide of a PNG and of a JPEG', async () => {
		const image = sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6' } });
		for (const [type, bytes] of [
			['image/png', await image.clone().png().toBuffer()],
			['image/jpeg', await image.clone().jpeg().toBuffer()]
		] as const) {
			const { id } = await withFile(new Uint8Array(bytes), type);
			await processResource(t.ctx, id);
			const r = await row(id);
			expect(r.textStatus).toBe('unsupported');
			expect(r.thumbnailKey).toMatch(
				new RegExp(`^ressources/${id}/vignette-[A-Za-z0-9_-]+\\.webp$`)
			);
			const stored = await fileStore(t.ctx.env).read(r.thumbnailKey!);
			const webp = Buffer.from(await new Response(stored!.stream).arrayBuffer());
			const meta = await sharp(webp).metadata();
			expect(meta).toMatchObject({ format: 'webp', width: 480, height: 320 });
		}
	});

	it('a broken image keeps its file, without a thumbnail', async () => {
		const { id } = await withFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'image/png');
		await processResource(t.ctx, id);
		expect(await row(id)).toMatchObject({ textStatus: 'unsupported', thumbnailKey: null });
	});
});

describe('a file replaced meanwhile', () => {
	it('does not receive the stale text', async () => {
		const { id, fileKey } = await withFile(makePdf(['ancien texte perimeotron']), PDF);
		const result = await processFile(t.ctx, id, fileKey, PDF);
		expect(result).toMatchObject({ kind: 'text' });
		// The file is replaced while the old one was being read.
		const newKey = `ressources/${id}/nouveau`;
		await fileStore(t.ctx.env).put(newKey, makePdf(['nouveau texte']));
		await t.ctx.db.update(resources).set({ fileKey: newKey }).where(eq(resources.id, id));
		expect(await saveResult(t.ctx, id, fileKey, result)).toBe(false);
		expect(await row(id)).toMatchObject({ textStatus: 'pending', documentText: null });
		await processResource(t.ctx, id);
		expect(await row(id)).toMatchObject({ textStatus: 'indexed', documentText: 'nouveau texte' });
	});

	it('does not receive a stale thumbnail, which is removed from storage', async () => {
		const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
			.png()
			.toBuffer();
		const { id, fileKey } = await withFile(new Uint8Array(png), 'image/png');
		const result = await processFile(t.ctx, id, fileKey, 'image/png');
		if (result.kind !== 'thumbnail') throw new Error('expected a thumbnail');
		await t.ctx.db
			.update(resources)
			.set({ fileKey: 'ressources/autre' })
			.where(eq(resources.id, id));
		expect(await saveResult(t.ctx, id, fileKey, result)).toBe(false);
		expect(await row(id)).toMatchObject({ thumbnailKey: null });
		expect(await fileStore(t.ctx.env).read(result.key)).toBeNull();
	});
});

describe('runs without the queue', () => {
	it('requestProcessing processes in this process', async () => {
		const { id } = await withFile(makePdf(['traitement immediat quintessor']), PDF);
		await requestProcessing(t.ctx, id);
		await processingSettled();
		expect(await row(id)).toMatchObject({ textStatus: 'indexed' });
	});

	it('a run cut short by the database closing (end of a test, shutdown) stays quiet', async () => {
		const other = await createTestDb();
		const id = crypto.randomUUID();
		const fileKey = `ressources/${id}/fichier`;
		await fileStore(other.ctx.env).put(fileKey, makePdf(['interrompu']));
		await other.ctx.db.insert(resources).values({
			id,
			slug: `interrompue-${id.slice(0, 8)}`,
			title: 'Interrompue',
			kind: 'rapport',
			fileKey,
			fileName: 'a.pdf',
			fileType: PDF,
			textStatus: 'pending'
		});
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			await requestProcessing(other.ctx, id);
			await other.close();
			await processingSettled();
			expect(errors).not.toHaveBeenCalled();
		} finally {
			errors.mockRestore();
		}
	});

	it('the sweep takes up old pending resources, skips fresh ones and those being processed', async () => {
		const old = await withFile(makePdf(['laisse en plan oubliotron']), PDF);
		const fresh = await withFile(makePdf(['tout frais']), PDF);
		const busy = await withFile(makePdf(['occupe ailleurs']), PDF);
		await t.ctx.db
			.update(resources)
			.set({ updatedAt: sql`now() - interval '1 hour'` })
			.where(sql`${resources.id} in (${old.id}, ${busy.id})`);
		// Another instance holds the busy resource's lock.
		const other = new pg.Client({ connectionString: t.url });
		await other.connect();
		try {
			await other.query(`select pg_advisory_lock($1::int, hashtext($2))`, [7_421_061, busy.id]);
			expect(await sweepPending(t.ctx)).toBe(1);
			await other.query(`select pg_advisory_unlock($1::int, hashtext($2))`, [7_421_061, busy.id]);
		} finally {
			await other.end();
		}
		expect(await row(old.id)).toMatchObject({ textStatus: 'indexed' });
		expect(await row(fresh.id)).toMatchObject({ textStatus: 'pending' });
		expect(await row(busy.id)).toMatchObject({ textStatus: 'pending' });
		// Once the lock is released, a later sweep does it; done ones are not done again.
		expect(await sweepPending(t.ctx)).toBe(1);
		expect(await row(busy.id)).toMatchObject({ textStatus: 'indexed' });
		expect(await sweepPending(t.ctx)).toBe(0);
	});
});

describe('runs through the job queue', () => {
	it('a requested resource is processed by the queue worker', async () => {
		const jobs = await startJobs(t.ctx, t.url, { pollingIntervalSeconds: 0.5 });
		try {
			const ctx = { ...t.ctx, enqueue: jobs.enqueue };
			const { id } = await withFile(makeDocx(['Par la file', 'mot hyperfilaire']), DOCX);
			await requestProcessing(ctx, id);
			await expect
				.poll(async () => (await row(id)).textStatus, { timeout: 30_000, interval: 200 })
				.toBe('indexed');
			expect(await found('hyperfilaire')).toEqual([id]);
		} finally {
			await jobs.stop();
		}
	});
});
