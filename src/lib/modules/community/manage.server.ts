/** Managing the community's structures (coordination and admins): edit, delete, logos. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx, RequestInfo } from '../../server/context';
import { structures } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { validate } from '../../server/forms';
import { log } from '../../server/log';
import { fileStore, type FileStore } from '../../server/storage/local';
import { storedLogo, type ServedLogo } from './logo-file.server';
import { checkLogo, LOGO_MAX_BYTES, slugify } from './rules';
import { structureSchema, type StructureInput } from './schemas';

export async function getStructureForEdit(ctx: Ctx, actor: Actor | null, id: string) {
	assertCan(actor, 'community.structures.manage');
	assertUuid(id, 'Structure introuvable.');
	const [s] = await ctx.db.select().from(structures).where(eq(structures.id, id));
	if (!s) throw new NotFoundError('Structure introuvable.');
	return s;
}

export async function listAllStructures(ctx: Ctx, actor: Actor | null) {
	assertCan(actor, 'community.structures.manage');
	return ctx.db.select().from(structures).orderBy(asc(structures.name));
}

async function uniqueSlug(ctx: Ctx, name: string, exceptId?: string) {
	const base = slugify(name) || 'structure';
	for (let i = 1; ; i++) {
		const slug = i === 1 ? base : `${base}-${i}`;
		const [taken] = await ctx.db
			.select({ id: structures.id })
			.from(structures)
			.where(eq(structures.slug, slug));
		if (!taken || taken.id === exceptId) return slug;
	}
}

/** What a structure form may send besides its text fields. */
export interface StructureFiles {
	/** A new logo, replacing the current one. */
	logo?: Blob | null;
	/** Remove the current logo (ignored when a new one is sent). */
	removeLogo?: boolean;
}

const CHOOSE_AGAIN = 'Choisissez à nouveau le fichier.';

/** Reads an uploaded logo and decides from its bytes whether it is accepted. */
async function inspectLogo(file: Blob) {
	if (file.size > LOGO_MAX_BYTES) return { verdict: checkLogo(file.size, undefined), bytes: null };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const detected = await fileTypeFromBuffer(bytes);
	return { verdict: checkLogo(bytes.byteLength, detected?.mime), bytes };
}

/** Deletes a file no row points to any more; a failure leaves it behind, never fails the request. */
async function discard(store: FileStore, key: string) {
	try {
		await store.remove(key);
	} catch (err) {
		log.warn(`[files] ${key} n'a pas pu être supprimé : ${(err as Error).message}`);
	}
}

/**
 * Creates (`id` null) or updates a structure, with its logo. The new logo is stored before the
 * row points to it and deleted again if the row cannot be written; the file it replaces is
 * deleted only once the row no longer points to it.
 */
export async function saveStructure(
	ctx: Ctx,
	actor: Actor | null,
	id: string | null,
	input: unknown,
	info: RequestInfo = {},
	files: StructureFiles = {}
) {
	assertCan(actor, 'community.structures.manage');
	if (id !== null) assertUuid(id, 'Structure introuvable.');
	const errors: Record<string, string> = {};
	let data: StructureInput | undefined;
	try {
		data = validate(structureSchema, input);
	} catch (err) {
		if (!(err instanceof ValidationError)) throw err;
		Object.assign(errors, err.fields);
	}
	const logo = files.logo ? await inspectLogo(files.logo) : null;
	if (logo && !logo.verdict.ok) errors.logo = `${logo.verdict.error} ${CHOOSE_AGAIN}`;
	if (data) {
		const [clash] = await ctx.db
			.select({ id: structures.id })
			.from(structures)
			.where(
				and(
					sql`lower(${structures.name}) = lower(${data.name})`,
					id ? ne(structures.id, id) : undefined
				)
			);
		if (clash) errors.name = 'Une structure porte déjà ce nom.';
	}
	if (!data || Object.keys(errors).length > 0) {
		// A file input cannot be filled again by the page: say so when one was sent.
		if (logo) errors.logo ??= `Le logo n'a pas été enregistré. ${CHOOSE_AGAIN}`;
		throw new ValidationError(errors);
	}

	const store = fileStore(ctx.env);
	let newKey: string | null = null;
	if (logo?.verdict.ok && logo.bytes) {
		newKey = `logos/${randomUUID()}.${logo.verdict.ext}`;
		await store.put(newKey, logo.bytes);
	}
	const fields = data;
	const write = async (): Promise<{
		row: typeof structures.$inferSelect;
		previousKey: string | null;
	}> => {
		if (!id) {
			const [created] = await ctx.db
				.insert(structures)
				.values({ ...fields, logoPath: newKey, slug: await uniqueSlug(ctx, fields.name) })
				.returning();
			return { row: created!, previousKey: null };
		}
		return ctx.db.transaction(async (tx) => {
			const [current] = await tx
				.select({ logoPath: structures.logoPath })
				.from(structures)
				.where(eq(structures.id, id))
				.for('update');
			if (!current) throw new NotFoundError('Structure introuvable.');
			const logoPath = newKey ?? (files.removeLogo ? null : current.logoPath);
			const [updated] = await tx
				.update(structures)
				.set({ ...fields, logoPath, updatedAt: new Date() })
				.where(eq(structures.id, id))
				.returning();
			return { row: updated!, previousKey: current.logoPath };
		});
	};
	let saved: Awaited<ReturnType<typeof write>>;
	try {
		saved = await write();
	} catch (err) {
		if (newKey) await discard(store, newKey);
		throw err;
	}
	const { row, previousKey } = saved;
	if (previousKey && previousKey !== row.logoPath) await discard(store, previousKey);
	if (id) return row;
	await audit(
		ctx,
		actor,
		{
			action: 'structure.create',
			targetType: 'structure',
			targetId: row.id,
			details: { name: fields.name }
		},
		info.ip
	);
	return row;
}

/** The logo of a structure, for serving: its type, a validator for caches, and its bytes. */
export async function structureLogo(ctx: Ctx, slug: string): Promise<ServedLogo> {
	const [s] = await ctx.db
		.select({ logoPath: structures.logoPath })
		.from(structures)
		.where(eq(structures.slug, slug));
	if (!s) throw new NotFoundError('Structure introuvable.');
	const logo = storedLogo(ctx, s.logoPath);
	if (!logo) throw new NotFoundError("Cette structure n'a pas de logo.");
	return logo;
}

export async function deleteStructure(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	info: RequestInfo = {}
) {
	assertCan(actor, 'community.structures.manage');
	assertUuid(id, 'Structure introuvable.');
	const [row] = await ctx.db.delete(structures).where(eq(structures.id, id)).returning();
	if (!row) throw new NotFoundError('Structure introuvable.');
	if (row.logoPath) await discard(fileStore(ctx.env), row.logoPath);
	await audit(
		ctx,
		actor,
		{
			action: 'structure.delete',
			targetType: 'structure',
			targetId: id,
			details: { ...row, search: undefined }
		},
		info.ip
	);
}
