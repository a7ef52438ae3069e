/**
 * Resources: adding one with its file or link, editing it (a new file replaces the old one),
 * deleting it, featuring it on the home page. Each use case checks the rights first; the form's
 * file is streamed to storage by receiveUpload and dropped again when the form is refused.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../server/context';
import { resources } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../server/errors';
import { discardUpload, receiveUpload } from '../../server/uploads/receive.server';
import { EXTRACTABLE_TYPES, FILE_TYPES, IMAGE_TYPES } from './labels';
import { canCreateResource, canFeatureResource } from './policy';
import { editableResource, visibleResource } from './access.server';
import { requestProcessing } from './process.server';
import {
	deleteResourceRow,
	freeResourceSlug,
	productionIdsOfResource,
	resourceSlugBase,
	updateResourceRow,
	writeLinks,
	type ResourceRow
} from './repository.server';
import { checkInput, columnsOf, failure, FILE_AGAIN, type FormOutcome } from './input.server';
import { removeStored } from './files.server';

type Received = { key: string; name: string; type: string; size: number };

/** The file columns of a newly received file: its text is to be read (or its thumbnail made). */
function fileColumns(file: Received) {
	const pending = EXTRACTABLE_TYPES.has(file.type) || IMAGE_TYPES.has(file.type);
	return {
		fileKey: file.key,
		fileName: file.name,
		fileType: file.type,
		fileSize: file.size,
		thumbnailKey: null,
		textStatus: pending ? ('pending' as const) : ('unsupported' as const),
		documentText: null,
		textExtractedAt: null,
		textError: null
	};
}

const receive = (ctx: Ctx, request: Request, resourceId: string) =>
	receiveUpload(ctx, request, {
		field: 'file',
		key: () => `ressources/${resourceId}/${randomUUID()}`,
		accept: FILE_TYPES
	});

export async function createResource(
	ctx: Ctx,
	actor: Actor | null,
	request: Request
): Promise<FormOutcome> {
	if (!canCreateResource(actor)) throw new UnauthenticatedError();
	const id = randomUUID();
	const { form, file, fileError } = await receive(ctx, request, id);
	const checked = await checkInput(ctx, actor, form, {
		hasFile: !!file,
		fileError,
		keptSpaceIds: []
	});
	if (!checked.ok) {
		if (file) {
			await discardUpload(ctx, file);
			checked.errors.file ??= FILE_AGAIN;
		}
		return failure(form, checked.errors);
	}
	const { input } = checked;
	let row: ResourceRow;
	try {
		row = await ctx.db.transaction(async (tx) => {
			const slug = await freeResourceSlug(tx, resourceSlugBase(input.title));
			const [created] = await tx
				.insert(resources)
				.values({
					id,
					slug,
					...columnsOf(input),
					...(file ? fileColumns(file) : {}),
					createdBy: actor.userId
				})
				.returning();
			await writeLinks(tx, id, { ...input, authors: input.authorLinks });
			return created!;
		});
	} catch (err) {
		if (file) await discardUpload(ctx, file);
		throw err;
	}
	await audit(ctx, actor, { action: 'resource.create', targetType: 'resource', targetId: id });
	if (file) await requestProcessing(ctx, id);
	return { ok: true, slug: row.slug };
}

/** Saves the form of an existing resource; a file chosen with it replaces the current one. */
export async function updateResource(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	request: Request
): Promise<FormOutcome> {
	const { resource, spaceIds, actor: who } = await editableResource(ctx, actor, slug);
	const { form, file, fileError } = await receive(ctx, request, resource.id);
	const checked = await checkInput(ctx, who, form, {
		hasFile: !!file || !!resource.fileKey,
		fileError,
		keptSpaceIds: spaceIds,
		keptProductionIds: await productionIdsOfResource(ctx.db, resource.id)
	});
	if (!checked.ok) {
		if (file) {
			await discardUpload(ctx, file);
			checked.errors.file ??= FILE_AGAIN;
		}
		return failure(form, checked.errors);
	}
	const { input } = checked;
	try {
		await ctx.db.transaction(async (tx) => {
			await updateResourceRow(tx, resource.id, {
				...columnsOf(input),
				...(file ? fileColumns(file) : {}),
				// Only public resources are shown on the home page.
				...(input.visibility !== 'public' ? { featured: false } : {})
			});
			await writeLinks(tx, resource.id, { ...input, authors: input.authorLinks });
		});
	} catch (err) {
		if (file) await discardUpload(ctx, file);
		throw err;
	}
	if (file) {
		// The old file goes only once the row points to the new one.
		await removeStored(ctx, [resource.fileKey, resource.thumbnailKey]);
		await requestProcessing(ctx, resource.id);
	}
	return { ok: true, slug: resource.slug };
}

/** Removes the file of a resource that keeps an external link. */
export async function removeFile(ctx: Ctx, actor: Actor | null, slug: string) {
	const { resource } = await editableResource(ctx, actor, slug);
	if (!resource.fileKey) return;
	if (!resource.externalUrl) {
		throw new ValidationError({
			file: 'Ajoutez d’abord un lien : une ressource garde un fichier ou un lien.'
		});
	}
	await updateResourceRow(ctx.db, resource.id, {
		fileKey: null,
		fileName: null,
		fileType: null,
		fileSize: null,
		thumbnailKey: null,
		textStatus: 'none',
		documentText: null,
		textExtractedAt: null,
		textError: null
	});
	await removeStored(ctx, [resource.fileKey, resource.thumbnailKey]);
}

/** Deletes a resource, its links and its stored files; needs a ticked confirmation. */
export async function deleteResource(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	confirmed: boolean
) {
	const { resource, actor: who } = await editableResource(ctx, actor, slug);
	if (!confirmed) {
		throw new ValidationError({ confirm: 'Cochez la case pour confirmer la suppression.' });
	}
	await deleteResourceRow(ctx.db, resource.id);
	await removeStored(ctx, [resource.fileKey, resource.thumbnailKey]);
	await audit(ctx, who, {
		action: 'resource.delete',
		targetType: 'resource',
		targetId: resource.id,
		details: { title: resource.title, slug: resource.slug }
	});
}

/** Shows a public resource on the home page, or stops showing it. */
export async function setFeatured(ctx: Ctx, actor: Actor | null, slug: string, featured: boolean) {
	if (!actor) throw new UnauthenticatedError();
	if (!canFeatureResource(actor)) {
		throw new ForbiddenError('Seule la coordination choisit les ressources mises en avant.');
	}
	const { resource } = await visibleResource(ctx, actor, slug);
	if (featured && resource.visibility !== 'public') {
		throw new ValidationError({
			featured: 'Seules les ressources publiques peuvent être mises en avant sur l’accueil.'
		});
	}
	await updateResourceRow(ctx.db, resource.id, { featured });
}
