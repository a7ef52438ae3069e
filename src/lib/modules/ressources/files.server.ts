/**
 * A resource's stored files: sending its document and its thumbnail to whoever may see the
 * resource, and removing stored files once no row points to them.
 */
import type { Ctx } from '../../server/context';
import type { Actor } from '../../server/auth/policy';
import { NotFoundError } from '../../server/errors';
import { fileStore } from '../../server/storage/local';
import { fileResponse } from '../../server/uploads/serve';
import { log } from '../../server/log';
import { IMAGE_TYPES } from './labels';
import { visibleResource } from './access.server';

/** Removes stored files; a failure is logged, not thrown: the row is already gone or changed. */
export async function removeStored(ctx: Ctx, keys: (string | null)[]) {
	for (const key of keys) {
		if (!key) continue;
		try {
			await fileStore(ctx.env).remove(key);
		} catch (err) {
			log.error('[ressources] stored file not removed', key, err);
		}
	}
}

// A public file may sit in shared caches a little while; any other must never be kept there.
const cacheControl = (visibility: string) =>
	visibility === 'public' ? 'public, max-age=300' : 'private, no-store';

/**
 * The resource's file. Images (checked by their bytes) open in the browser; every other type
 * is downloaded, so that no document runs in the platform's origin.
 */
export async function downloadFile(ctx: Ctx, actor: Actor | null, slug: string) {
	const { resource: r } = await visibleResource(ctx, actor, slug);
	if (!r.fileKey || !r.fileName || !r.fileType) throw new NotFoundError('Fichier introuvable.');
	const stored = await fileStore(ctx.env).read(r.fileKey);
	if (!stored) throw new NotFoundError('Fichier introuvable.');
	return fileResponse(
		stored,
		{ name: r.fileName, type: r.fileType },
		{
			disposition: IMAGE_TYPES.has(r.fileType) ? 'inline' : 'attachment',
			cacheControl: cacheControl(r.visibility)
		}
	);
}

/** The thumbnail of an image resource (WebP). */
export async function thumbnailFile(ctx: Ctx, actor: Actor | null, slug: string) {
	const { resource: r } = await visibleResource(ctx, actor, slug);
	if (!r.thumbnailKey) throw new NotFoundError('Vignette introuvable.');
	const stored = await fileStore(ctx.env).read(r.thumbnailKey);
	if (!stored) throw new NotFoundError('Vignette introuvable.');
	return fileResponse(
		stored,
		{ name: `${r.slug}-vignette.webp`, type: 'image/webp' },
		{ disposition: 'inline', cacheControl: cacheControl(r.visibility) }
	);
}
