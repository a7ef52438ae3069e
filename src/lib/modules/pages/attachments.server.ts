/**
 * Files attached to a page: type decided by the content (never the name), 10 MB at most,
 * stored under `pages/<page id>/<attachment id>`, served with the page's visibility.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx } from '../../server/context';
import { pageAttachments } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { fileStore } from '../../server/storage/local';
import { assertEdit, findPage, type Scope } from './wiki.server';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Accepted types, by the MIME type file-type finds in the bytes. */
export const ATTACHMENT_TYPES: Record<string, string> = {
	'image/png': 'PNG',
	'image/jpeg': 'JPEG',
	'image/webp': 'WebP',
	'application/pdf': 'PDF',
	'application/vnd.oasis.opendocument.text': 'ODT',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX'
};

/** Whether bytes of this size and detected type are accepted; a French message otherwise. */
export function checkAttachment(size: number, mime: string | undefined): string | null {
	if (size === 0) return 'Choisissez un fichier.';
	if (size > ATTACHMENT_MAX_BYTES) return 'Le fichier dépasse 10 Mo.';
	if (!mime || !ATTACHMENT_TYPES[mime]) {
		return 'Formats acceptés : PNG, JPEG, WebP, PDF, ODT ou DOCX.';
	}
	return null;
}

export async function attachFile(
	ctx: Ctx,
	actor: Actor | null,
	scope: Scope,
	slug: string,
	file: File | null
) {
	assertEdit(actor, scope);
	const page = await findPage(ctx, actor, scope, slug);
	if (!file) throw new ValidationError({ file: 'Choisissez un fichier.' });
	const tooBig = file.size > ATTACHMENT_MAX_BYTES;
	const bytes = tooBig ? null : new Uint8Array(await file.arrayBuffer());
	const mime = bytes ? (await fileTypeFromBuffer(bytes))?.mime : undefined;
	const error = checkAttachment(file.size, mime);
	if (error || !bytes || !mime) throw new ValidationError({ file: error ?? 'Fichier illisible.' });
	const id = randomUUID();
	const key = `pages/${page.id}/${id}`;
	await fileStore(ctx.env).put(key, bytes);
	const name = file.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'fichier';
	const [row] = await ctx.db
		.insert(pageAttachments)
		.values({
			id,
			pageId: page.id,
			storageKey: key,
			fileName: name,
			contentType: mime,
			size: bytes.byteLength,
			uploadedBy: actor.userId
		})
		.returning();
	return row!;
}

export async function listAttachments(ctx: Ctx, pageId: string) {
	return ctx.db
		.select({
			id: pageAttachments.id,
			fileName: pageAttachments.fileName,
			contentType: pageAttachments.contentType,
			size: pageAttachments.size
		})
		.from(pageAttachments)
		.where(eq(pageAttachments.pageId, pageId))
		.orderBy(asc(pageAttachments.createdAt));
}

/** Serves a file of a page the actor may read. */
export async function serveAttachment(
	ctx: Ctx,
	actor: Actor | null,
	scope: Scope,
	slug: string,
	id: string
): Promise<Response> {
	const page = await findPage(ctx, actor, scope, slug);
	assertUuid(id, 'Fichier introuvable.');
	const [a] = await ctx.db
		.select()
		.from(pageAttachments)
		.where(and(eq(pageAttachments.id, id), eq(pageAttachments.pageId, page.id)));
	if (!a) throw new NotFoundError('Fichier introuvable.');
	const stored = await fileStore(ctx.env).read(a.storageKey);
	if (!stored) throw new NotFoundError('Fichier introuvable.');
	const inline = a.contentType.startsWith('image/') || a.contentType === 'application/pdf';
	return new Response(stored.stream, {
		headers: {
			'Content-Type': a.contentType,
			'Content-Length': String(stored.size),
			'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': page.visibility === 'public' ? 'public, max-age=300' : 'private, no-store'
		}
	});
}
