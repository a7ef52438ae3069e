/**
 * Presentations and documents attached to an event. Files are checked by the type found in their
 * bytes, like productions', and shown to whoever may see the event.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx } from '../../server/context';
import { eventAttachments } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { fileStore } from '../../server/storage/local';
import { checkProductionFile, PRODUCTION_MAX_BYTES, safeFileName } from '../productions/rules';
import { eventPath, managedEvent, visibleEvent } from './after-access.server';

export const attachmentPath = (slug: string, id: string) => `${eventPath(slug)}/fichiers/${id}`;

export async function listAttachments(ctx: Ctx, eventId: string) {
	return ctx.db
		.select({
			id: eventAttachments.id,
			title: eventAttachments.title,
			fileName: eventAttachments.fileName,
			contentType: eventAttachments.contentType,
			fileSize: eventAttachments.fileSize,
			createdAt: eventAttachments.createdAt
		})
		.from(eventAttachments)
		.where(eq(eventAttachments.eventId, eventId))
		.orderBy(asc(eventAttachments.createdAt));
}

export async function addAttachment(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	input: { title: string; file: File | null }
) {
	const { event, actor: who } = await managedEvent(ctx, actor, slug);
	const errors: Record<string, string> = {};
	const title = input.title.trim() || input.file?.name.trim() || '';
	if (!title) errors.title = 'Indiquez le titre du document.';
	if (title.length > 300) errors.title = 'Le titre ne doit pas dépasser 300 caractères.';
	if (!input.file) errors.file = 'Choisissez un fichier.';
	const file = input.file;
	const tooBig = !file || file.size > PRODUCTION_MAX_BYTES;
	const bytes = tooBig ? null : new Uint8Array(await file.arrayBuffer());
	const mime = bytes ? (await fileTypeFromBuffer(bytes))?.mime : undefined;
	if (file) {
		const bad = checkProductionFile(file.size, mime);
		if (bad) errors.file = bad;
	}
	if (Object.keys(errors).length || !bytes || !mime || !file) throw new ValidationError(errors);
	const key = `agenda/${event.id}/${randomUUID()}`;
	await fileStore(ctx.env).put(key, bytes);
	const [row] = await ctx.db
		.insert(eventAttachments)
		.values({
			eventId: event.id,
			title,
			storageKey: key,
			fileName: safeFileName(file.name),
			contentType: mime,
			fileSize: bytes.byteLength,
			createdBy: who.userId
		})
		.returning();
	return row!;
}

async function attachmentOf(ctx: Ctx, eventId: string, id: string) {
	assertUuid(id, 'Document introuvable.');
	const [row] = await ctx.db
		.select()
		.from(eventAttachments)
		.where(and(eq(eventAttachments.id, id), eq(eventAttachments.eventId, eventId)));
	if (!row) throw new NotFoundError('Document introuvable.');
	return row;
}

export async function removeAttachment(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
	const { event } = await managedEvent(ctx, actor, slug);
	const row = await attachmentOf(ctx, event.id, id);
	await ctx.db.delete(eventAttachments).where(eq(eventAttachments.id, row.id));
	await fileStore(ctx.env).remove(row.storageKey);
}

/** Sends an attached file to someone who may see the event. */
export async function serveAttachment(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string
): Promise<Response> {
	const { event } = await visibleEvent(ctx, actor, slug);
	const row = await attachmentOf(ctx, event.id, id);
	const stored = await fileStore(ctx.env).read(row.storageKey);
	if (!stored) throw new NotFoundError('Fichier introuvable.');
	return new Response(stored.stream, {
		headers: {
			'Content-Type': row.contentType,
			'Content-Length': String(stored.size),
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': event.visibility === 'public' ? 'public, max-age=300' : 'private, no-store'
		}
	});
}
