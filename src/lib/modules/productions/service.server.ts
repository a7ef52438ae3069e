/**
 * Productions of a space: a link or a file (type found in its bytes, 50 MB at most) with a date
 * known to the day, month or year. Each production has its own visibility, within what the
 * space lets the actor read.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx } from '../../server/context';
import {
	roadmapActionProductions,
	roadmapActions,
	spaceProductions,
	users
} from '../../server/db/schema';
import { assertCan, canRead, isMember, type Actor } from '../../server/auth/policy';
import {
	assertUuid,
	ForbiddenError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../server/errors';
import { validate } from '../../server/forms';
import { fileStore } from '../../server/storage/local';
import { recordActivity } from '../spaces/activity.server';
import { readableSpace, spaceBase, spaceRights, type SpaceRow } from '../roadmap/access.server';
import { checkProductionFile, productionInput, safeFileName } from './rules';

export type ProductionRow = typeof spaceProductions.$inferSelect;
export const productionsPath = (slug: string) => `${spaceBase(slug)}/productions`;

/** What the actor may read: what the space shows, then what the production shows. */
const visibleTo = (actor: Actor | null, p: ProductionRow) =>
	canRead(actor, p.visibility, p.spaceId);

/** The space's productions the actor may read, newest first (undated ones last). */
export async function listProductions(ctx: Ctx, actor: Actor | null, slug: string) {
	const space = await readableSpace(ctx, actor, slug);
	const rows = await ctx.db
		.select()
		.from(spaceProductions)
		.where(eq(spaceProductions.spaceId, space.id))
		.orderBy(sql`${spaceProductions.date} desc nulls last`, asc(spaceProductions.title));
	return {
		space,
		...spaceRights(actor, space.id),
		productions: rows.filter((p) => visibleTo(actor, p))
	};
}

async function productionOf(ctx: Ctx, actor: Actor | null, space: SpaceRow, id: string) {
	assertUuid(id, 'Production introuvable.');
	const [p] = await ctx.db
		.select()
		.from(spaceProductions)
		.where(and(eq(spaceProductions.id, id), eq(spaceProductions.spaceId, space.id)));
	if (!p) throw new NotFoundError('Production introuvable.');
	if (!visibleTo(actor, p)) {
		if (!isMember(actor)) throw new UnauthenticatedError();
		throw new ForbiddenError("Cette production est réservée aux membres de l'espace.");
	}
	return p;
}

/** A production with the roadmap actions it is linked to. */
export async function getProduction(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
	const space = await readableSpace(ctx, actor, slug);
	const production = await productionOf(ctx, actor, space, id);
	const actions = await ctx.db
		.select({ id: roadmapActions.id, title: roadmapActions.title, status: roadmapActions.status })
		.from(roadmapActionProductions)
		.innerJoin(roadmapActions, eq(roadmapActions.id, roadmapActionProductions.actionId))
		.where(eq(roadmapActionProductions.productionId, production.id))
		.orderBy(asc(roadmapActions.title));
	const [author] = production.createdBy
		? await ctx.db
				.select({ name: users.name })
				.from(users)
				.where(eq(users.id, production.createdBy))
		: [];
	return {
		space,
		...spaceRights(actor, space.id),
		production,
		actions,
		author: author?.name ?? null
	};
}

interface StoredUpload {
	storageKey: string;
	fileName: string;
	contentType: string;
	fileSize: number;
}

/** Checks and stores an uploaded file; a French message on the `file` field otherwise. */
async function storeFile(ctx: Ctx, spaceId: string, file: File): Promise<StoredUpload> {
	const tooBig = file.size > 50 * 1024 * 1024;
	const bytes = tooBig ? null : new Uint8Array(await file.arrayBuffer());
	const mime = bytes ? (await fileTypeFromBuffer(bytes))?.mime : undefined;
	const error = checkProductionFile(file.size, mime);
	if (error || !bytes || !mime) throw new ValidationError({ file: error ?? 'Fichier illisible.' });
	const key = `productions/${spaceId}/${randomUUID()}`;
	await fileStore(ctx.env).put(key, bytes);
	return {
		storageKey: key,
		fileName: safeFileName(file.name),
		contentType: mime,
		fileSize: bytes.byteLength
	};
}

export interface ProductionForm {
	fields: Record<string, unknown>;
	file: File | null;
	/** On edit: drop the current file. */
	removeFile?: boolean;
}

function checkInput(form: ProductionForm) {
	// Both checks run so that every wrong field gets its message at once.
	let input: ReturnType<typeof validate<typeof productionInput>> | null = null;
	let errors: Record<string, string> = {};
	try {
		input = validate(productionInput, form.fields);
	} catch (err) {
		if (!(err instanceof ValidationError)) throw err;
		errors = { ...err.fields };
	}
	if (input?.url && form.file) {
		errors.url = 'Indiquez un lien ou joignez un fichier, pas les deux.';
	}
	if (Object.keys(errors).length || !input) throw new ValidationError(errors);
	return input;
}

export async function createProduction(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	form: ProductionForm
) {
	const space = await readableSpace(ctx, actor, slug);
	assertCan(actor, 'space.contribute', { spaceId: space.id });
	const input = checkInput(form);
	const upload = form.file ? await storeFile(ctx, space.id, form.file) : null;
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(spaceProductions)
			.values({ ...input, ...upload, spaceId: space.id, createdBy: actor.userId })
			.returning();
		await recordActivity(tx, {
			spaceId: space.id,
			actorId: actor.userId,
			kind: 'production.added',
			title: `Production « ${input.title} » ajoutée`,
			path: `${productionsPath(slug)}/${row!.id}`,
			visibility: strictest(space.detailsVisibility, input.visibility)
		});
		return row!;
	});
}

const rank = { public: 0, members: 1, space: 2 } as const;
/** The narrower of two visibilities: a feed entry never says more than the thing it links to. */
export const strictest = <V extends keyof typeof rank>(a: V, b: V): V =>
	rank[a] >= rank[b] ? a : b;

export async function updateProduction(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	form: ProductionForm
) {
	const space = await readableSpace(ctx, actor, slug);
	assertCan(actor, 'space.contribute', { spaceId: space.id });
	const current = await productionOf(ctx, actor, space, id);
	const input = checkInput(form);
	const keepFile = !form.removeFile && !form.file && !input.url;
	const upload = form.file ? await storeFile(ctx, space.id, form.file) : null;
	const cleared = { storageKey: null, fileName: null, contentType: null, fileSize: null };
	const fileColumns = upload ?? (keepFile ? {} : cleared);
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(spaceProductions)
			.set({ ...input, ...fileColumns, updatedAt: new Date() })
			.where(eq(spaceProductions.id, id));
		await recordActivity(tx, {
			spaceId: space.id,
			actorId: actor.userId,
			kind: 'production.updated',
			title: `Production « ${input.title} » modifiée`,
			path: `${productionsPath(slug)}/${id}`,
			visibility: strictest(space.detailsVisibility, input.visibility)
		});
	});
	// The old file goes once the row no longer names it.
	if (current.storageKey && !keepFile) await fileStore(ctx.env).remove(current.storageKey);
}

/** Sends a production's file to someone who may read it. */
export async function serveProductionFile(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string
): Promise<Response> {
	const space = await readableSpace(ctx, actor, slug);
	const p = await productionOf(ctx, actor, space, id);
	if (!p.storageKey || !p.contentType) {
		throw new NotFoundError('Cette production n’a pas de fichier.');
	}
	const stored = await fileStore(ctx.env).read(p.storageKey);
	if (!stored) throw new NotFoundError('Fichier introuvable.');
	const open = p.visibility === 'public' && space.detailsVisibility === 'public';
	return new Response(stored.stream, {
		headers: {
			'Content-Type': p.contentType,
			'Content-Length': String(stored.size),
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(p.fileName ?? 'fichier')}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': open ? 'public, max-age=300' : 'private, no-store'
		}
	});
}
