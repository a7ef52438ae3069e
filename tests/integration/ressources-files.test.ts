import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import {
	baseFields,
	formRequest,
	pdfBytes,
	pngBytes,
	storedResourceFiles
} from '../helpers/ressources';
import { auditLog, resources } from '../../src/lib/server/db/schema';
import { fileStore } from '../../src/lib/server/storage/local';
import type { Ctx } from '../../src/lib/server/context';
import type { Actor } from '../../src/lib/server/auth/policy';
import {
	createResource,
	deleteResource,
	removeFile,
	updateResource
} from '../../src/lib/modules/ressources/service.server';
import { downloadFile, thumbnailFile } from '../../src/lib/modules/ressources/files.server';
import { NotFoundError, ValidationError } from '../../src/lib/server/errors';
import { processResource } from '../../src/lib/modules/ressources/process.server';
import { getResourcePage } from '../../src/lib/modules/ressources/page.server';
import { TEXT_STATUS_LABELS } from '../../src/lib/modules/ressources/labels';
import { corruptPdf, makePdf } from '../fixtures/files/documents';

let t: TestDb;
let ctx: Ctx;
let author: Actor;
let other: Actor;

beforeAll(async () => {
	t = await createTestDb();
	ctx = { ...t.ctx, enqueue: async () => {} };
	author = (await makeUser(ctx)).actor;
	other = (await makeUser(ctx)).actor;
});
afterAll(() => t?.close());

async function withFile(fields: Record<string, string>, bytes: Uint8Array, name: string) {
	const out = await createResource(ctx, author, formRequest(baseFields(fields), { bytes, name }));
	if (!out.ok) throw new Error(JSON.stringify(out.errors));
	const [row] = await ctx.db.select().from(resources).where(eq(resources.slug, out.slug));
	return row!;
}

const rowOf = async (id: string) =>
	(await ctx.db.select().from(resources).where(eq(resources.id, id)))[0];

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('a resource file', () => {
	it('is sent to whoever may see it, with its type, name and no sniffing', async () => {
		const bytes = pdfBytes('reservee');
		const row = await withFile(
			{ title: 'Rapport réservé', visibility: 'members' },
			bytes,
			'Rapport réservé.pdf'
		);
		await expect(downloadFile(ctx, null, row.slug)).rejects.toThrow(NotFoundError);
		const res = await downloadFile(ctx, other, row.slug);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename="Rapport reserve.pdf"; filename*=UTF-8''Rapport%20r%C3%A9serv%C3%A9.pdf`
		);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(await bytesOf(res)).toEqual(bytes);
	});

	it('of a public resource may be cached a little; an image opens in the browser', async () => {
		const row = await withFile({ title: 'Affiche' }, pngBytes(), 'affiche.png');
		expect(row.textStatus).toBe('pending');
		const res = await downloadFile(ctx, null, row.slug);
		expect(res.headers.get('cache-control')).toBe('public, max-age=300');
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
		expect(res.headers.get('content-security-policy')).toContain('sandbox');
		await res.body?.cancel();
		// No thumbnail yet: 404 until the processing makes one.
		await expect(thumbnailFile(ctx, null, row.slug)).rejects.toThrow(NotFoundError);
		const thumb = `ressources/${row.id}/vignette-test.webp`;
		await fileStore(ctx.env).put(thumb, pngBytes());
		await ctx.db.update(resources).set({ thumbnailKey: thumb }).where(eq(resources.id, row.id));
		const small = await thumbnailFile(ctx, null, row.slug);
		expect(small.headers.get('content-type')).toBe('image/webp');
		expect(small.headers.get('content-disposition')).toMatch(/^inline;/);
		expect(small.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await bytesOf(small)).toEqual(new Uint8Array(pngBytes()));
	});

	it('replaced: the old file and thumbnail go once the row points to the new one', async () => {
		const row = await withFile({ title: 'Version 1' }, pdfBytes('un'), 'v1.pdf');
		const thumb = `ressources/${row.id}/vignette-ancienne.webp`;
		await fileStore(ctx.env).put(thumb, pngBytes());
		await ctx.db
			.update(resources)
			.set({ thumbnailKey: thumb, textStatus: 'indexed', documentText: 'un' })
			.where(eq(resources.id, row.id));
		const out = await updateResource(
			ctx,
			author,
			row.slug,
			formRequest(baseFields({ title: 'Version 2' }), { bytes: pdfBytes('deux'), name: 'v2.pdf' })
		);
		expect(out.ok).toBe(true);
		const after = (await rowOf(row.id))!;
		expect(after.fileKey).not.toBe(row.fileKey);
		expect(after.fileName).toBe('v2.pdf');
		expect(after.thumbnailKey).toBeNull();
		expect(after.textStatus).toBe('pending');
		expect(after.documentText).toBeNull();
		const mine = storedResourceFiles(ctx).filter((k) => k.startsWith(`ressources/${row.id}/`));
		expect(mine).toEqual([after.fileKey]);
		// Saving without a new file keeps the current one.
		await updateResource(ctx, author, row.slug, formRequest(baseFields({ title: 'Version 3' })));
		expect((await rowOf(row.id))!.fileKey).toBe(after.fileKey);
	});

	it('removed only when a link remains; deleted with the resource, confirmed', async () => {
		const row = await withFile({ title: 'À retirer' }, pdfBytes(), 'retirer.pdf');
		await expect(removeFile(ctx, author, row.slug)).rejects.toThrow(ValidationError);
		await updateResource(
			ctx,
			author,
			row.slug,
			formRequest(baseFields({ title: 'À retirer', externalUrl: 'https://example.org/doc' }))
		);
		await removeFile(ctx, author, row.slug);
		const after = (await rowOf(row.id))!;
		expect([after.fileKey, after.fileName, after.textStatus]).toEqual([null, null, 'none']);
		expect(storedResourceFiles(ctx).some((k) => k.startsWith(`ressources/${row.id}/`))).toBe(false);

		const gone = await withFile({ title: 'À supprimer' }, pdfBytes(), 'supprimer.pdf');
		await expect(deleteResource(ctx, other, gone.slug, true)).rejects.toThrow();
		await expect(deleteResource(ctx, author, gone.slug, false)).rejects.toThrow(ValidationError);
		await deleteResource(ctx, author, gone.slug, true);
		expect(await rowOf(gone.id)).toBeUndefined();
		expect(storedResourceFiles(ctx).some((k) => k.startsWith(`ressources/${gone.id}/`))).toBe(
			false
		);
		const logged = await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, gone.id));
		expect(logged.map((l) => l.action).sort()).toEqual(['resource.create', 'resource.delete']);
	});

	it('refused on edit keeps the current file and stores nothing', async () => {
		const row = await withFile({ title: 'Gardée' }, pdfBytes(), 'garde.pdf');
		const files = storedResourceFiles(ctx);
		const out = await updateResource(
			ctx,
			author,
			row.slug,
			formRequest(baseFields({ title: 'Gardée' }), {
				bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
				name: 'dessin.svg'
			})
		);
		expect(!out.ok && out.errors.file).toMatch(/SVG/);
		expect(storedResourceFiles(ctx)).toEqual(files);
		expect((await rowOf(row.id))!.fileKey).toBe(row.fileKey);
	});

	it('processed: a PDF that fails to parse is kept and the page says so', async () => {
		const row = await withFile({ title: 'PDF abîmé' }, corruptPdf(), 'abime.pdf');
		await processResource(ctx, row.id);
		const page = await getResourcePage(ctx, null, row.slug);
		expect(page.resource.textStatus).toBe('failed');
		expect(page.resource.textStatusMessage).toBe(TEXT_STATUS_LABELS.failed);
		const res = await downloadFile(ctx, null, row.slug);
		expect(await bytesOf(res)).toEqual(corruptPdf());

		const ok = await withFile({ title: 'PDF lisible' }, makePdf(['Mot azerolier']), 'ok.pdf');
		await processResource(ctx, ok.id);
		const indexed = await getResourcePage(ctx, null, ok.slug);
		expect(indexed.resource.textStatus).toBe('indexed');
		expect(indexed.resource.textStatusMessage).toBeNull();
	});

	it('processed: an image gets its thumbnail, which goes with the resource', async () => {
		const { default: sharp } = await import('sharp');
		const image = await sharp({
			create: { width: 64, height: 48, channels: 3, background: '#2a7' }
		})
			.png()
			.toBuffer();
		const row = await withFile({ title: 'Affiche du forum' }, image, 'affiche.png');
		await processResource(ctx, row.id);
		const page = await getResourcePage(ctx, null, row.slug);
		expect(page.resource.file?.hasThumbnail).toBe(true);
		const small = await thumbnailFile(ctx, null, row.slug);
		expect(small.headers.get('content-type')).toBe('image/webp');
		await small.body?.cancel();
		expect(
			storedResourceFiles(ctx).filter((k) => k.startsWith(`ressources/${row.id}/`))
		).toHaveLength(2);
		await deleteResource(ctx, author, row.slug, true);
		expect(storedResourceFiles(ctx).some((k) => k.startsWith(`ressources/${row.id}/`))).toBe(false);
	});
});
