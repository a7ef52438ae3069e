/**
 * The wiki: pages of the démarche (no space) and of each space, every save a numbered revision.
 * A save names the revision it started from; if the page moved on meanwhile nothing is stored
 * and the caller gets a conflict with a merge proposal.
 */
import { and, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { pageRevisions, pages, spaces, users } from '../../server/db/schema';
import { assertCan, can, canRead, isMember, type Actor } from '../../server/auth/policy';
import {
	ForbiddenError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../server/errors';
import { recordActivity } from '../spaces/activity.server';
import { checkPageInput, freeSlug, mergeProposal, slugify, type MergeProposal } from './rules';
import { wordDiff } from './word-diff';

export type PageRow = typeof pages.$inferSelect;
/** Where a page lives: the démarche (spaceId null) or a space, with its URL prefix. */
export interface Scope {
	spaceId: string | null;
	/** `/pages` or `/chantiers/<slug>/pages`. */
	base: string;
}

export const rootScope: Scope = { spaceId: null, base: '/pages' };

/** The scope of a space's pages from its URL slug. */
export async function spaceScope(ctx: Ctx, spaceSlug: string): Promise<Scope & { title: string }> {
	const [s] = await ctx.db
		.select({ id: spaces.id, title: spaces.title })
		.from(spaces)
		.where(eq(spaces.slug, spaceSlug));
	if (!s) throw new NotFoundError('Espace introuvable.');
	return { spaceId: s.id, base: `/chantiers/${spaceSlug}/pages`, title: s.title };
}

export function canEdit(actor: Actor | null, scope: Scope): boolean {
	return scope.spaceId
		? can(actor, 'space.contribute', { spaceId: scope.spaceId })
		: can(actor, 'pages.root.edit');
}

export function assertEdit(actor: Actor | null, scope: Scope): asserts actor is Actor {
	if (scope.spaceId) assertCan(actor, 'space.contribute', { spaceId: scope.spaceId });
	else assertCan(actor, 'pages.root.edit');
}

function assertRead(actor: Actor | null, page: PageRow) {
	if (canRead(actor, page.visibility, page.spaceId)) return;
	if (!isMember(actor)) throw new UnauthenticatedError();
	throw new ForbiddenError("Cette page est réservée aux membres de l'espace.");
}

const scoped = (scope: Scope) =>
	scope.spaceId ? eq(pages.spaceId, scope.spaceId) : isNull(pages.spaceId);

/** A page the actor may read. */
export async function findPage(ctx: Ctx, actor: Actor | null, scope: Scope, slug: string) {
	const [page] = await ctx.db
		.select()
		.from(pages)
		.where(and(scoped(scope), eq(pages.slug, slug)));
	if (!page) throw new NotFoundError('Page introuvable.');
	assertRead(actor, page);
	return page;
}

/** The pages of a scope the actor may read, by title. */
export async function listPages(ctx: Ctx, actor: Actor | null, scope: Scope) {
	const rows = await ctx.db
		.select({
			id: pages.id,
			slug: pages.slug,
			title: pages.title,
			visibility: pages.visibility,
			spaceId: pages.spaceId,
			updatedAt: pages.updatedAt,
			revision: pages.revision
		})
		.from(pages)
		.where(scoped(scope))
		.orderBy(pages.title);
	return rows.filter((p) => canRead(actor, p.visibility, p.spaceId));
}

function validate(raw: Record<string, unknown>, scope: Scope) {
	const { value, errors } = checkPageInput(raw, !!scope.spaceId);
	if (Object.keys(errors).length) throw new ValidationError(errors);
	return value;
}

const activityOf = (scope: Scope, page: PageRow, actor: Actor, kind: string, title: string) => ({
	spaceId: scope.spaceId,
	actorId: actor.userId,
	kind,
	title,
	path: `${scope.base}/${page.slug}`,
	visibility: page.visibility
});

/** Creates a page and its first revision. */
export async function createPage(
	ctx: Ctx,
	actor: Actor | null,
	scope: Scope,
	raw: Record<string, unknown>
) {
	assertEdit(actor, scope);
	const input = validate(raw, scope);
	const base = slugify(input.title);
	return ctx.db.transaction(async (tx) => {
		const taken = await tx
			.select({ slug: pages.slug })
			.from(pages)
			.where(and(scoped(scope), or(eq(pages.slug, base), like(pages.slug, `${base}-%`))));
		// « nouvelle » is the new-page route.
		const slug = freeSlug(base, new Set(['nouvelle', ...taken.map((t) => t.slug)]));
		const [page] = await tx
			.insert(pages)
			.values({
				spaceId: scope.spaceId,
				slug,
				title: input.title,
				body: input.body,
				visibility: input.visibility,
				revision: 1,
				createdBy: actor.userId,
				updatedBy: actor.userId
			})
			.returning();
		await tx.insert(pageRevisions).values({
			pageId: page!.id,
			number: 1,
			title: input.title,
			body: input.body,
			summary: input.summary ?? 'Création de la page',
			authorId: actor.userId
		});
		await recordActivity(
			tx,
			activityOf(scope, page!, actor, 'page.created', `Page « ${input.title} » créée`)
		);
		return page!;
	});
}

export interface Conflict {
	base: { number: number; title: string; body: string };
	current: { number: number; title: string; body: string; authorName: string | null; at: Date };
	mine: { title: string; body: string; summary: string | null; visibility: PageRow['visibility'] };
	proposal: MergeProposal;
}

export type SaveResult = { ok: true; revision: number } | { ok: false; conflict: Conflict };

/**
 * Saves a new revision if the page is still at `baseRevision`. The conditional update makes two
 * simultaneous saves from the same base safe: the second waits for the first's row lock, then
 * finds the number moved and stores nothing.
 */
export async function savePage(
	ctx: Ctx,
	actor: Actor | null,
	scope: Scope,
	slug: string,
	raw: Record<string, unknown>,
	baseRevision: number
): Promise<SaveResult> {
	// Edit rights hold for the whole scope: check them before telling whether the page exists.
	assertEdit(actor, scope);
	const page = await findPage(ctx, actor, scope, slug);
	const input = validate(raw, scope);
	if (!Number.isInteger(baseRevision) || baseRevision < 1 || baseRevision > page.revision) {
		throw new ValidationError({ body: 'La version de départ est inconnue : rechargez la page.' });
	}
	const saved = await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(pages)
			.set({
				title: input.title,
				body: input.body,
				visibility: input.visibility,
				revision: sql`${pages.revision} + 1`,
				updatedBy: actor.userId,
				updatedAt: new Date()
			})
			.where(and(eq(pages.id, page.id), eq(pages.revision, baseRevision)))
			.returning();
		if (!row) return null;
		await tx.insert(pageRevisions).values({
			pageId: page.id,
			number: row.revision,
			title: input.title,
			body: input.body,
			summary: input.summary,
			baseNumber: baseRevision,
			authorId: actor.userId
		});
		await recordActivity(
			tx,
			activityOf(scope, row, actor, 'page.saved', `Page « ${input.title} » modifiée`)
		);
		return row.revision;
	});
	if (saved !== null) return { ok: true, revision: saved };
	return { ok: false, conflict: await conflictOf(ctx, page.id, baseRevision, input) };
}

async function conflictOf(
	ctx: Ctx,
	pageId: string,
	baseNumber: number,
	mine: Conflict['mine']
): Promise<Conflict> {
	const [current] = await ctx.db.select().from(pages).where(eq(pages.id, pageId));
	const revs = await ctx.db
		.select({
			number: pageRevisions.number,
			title: pageRevisions.title,
			body: pageRevisions.body,
			at: pageRevisions.createdAt,
			authorName: users.name
		})
		.from(pageRevisions)
		.leftJoin(users, eq(users.id, pageRevisions.authorId))
		.where(
			and(
				eq(pageRevisions.pageId, pageId),
				inArray(pageRevisions.number, [baseNumber, current!.revision])
			)
		);
	const base = revs.find((r) => r.number === baseNumber)!;
	const cur = revs.find((r) => r.number === current!.revision)!;
	return {
		base: { number: base.number, title: base.title, body: base.body },
		current: cur,
		mine,
		proposal: mergeProposal(base.body, cur.body, mine.body)
	};
}

export const HISTORY_PAGE_SIZE = 50;

/** Revisions of a page, latest first, one page of the list at a time. */
export async function pageHistory(
	ctx: Ctx,
	actor: Actor | null,
	scope: Scope,
	slug: string,
	pageNumber = 1
) {
	const page = await findPage(ctx, actor, scope, slug);
	const offset = (Math.max(1, pageNumber) - 1) * HISTORY_PAGE_SIZE;
	const revisions = await ctx.db
		.select({
			number: pageRevisions.number,
			title: pageRevisions.title,
			summary: pageRevisions.summary,
			restoredFrom: pageRevisions.restoredFrom,
			baseNumber: pageRevisions.baseNumber,
			at: pageRevisions.createdAt,
			authorName: users.name
		})
		.from(pageRevisions)
		.leftJoin(users, eq(users.id, pageRevisions.authorId))
		.where(eq(pageRevisions.pageId, page.id))
		.orderBy(desc(pageRevisions.number))
		.limit(HISTORY_PAGE_SIZE)
		.offset(offset);
	const pageCount = Math.max(1, Math.ceil(page.revision / HISTORY_PAGE_SIZE));
	return { page, revisions, pageNumber: Math.max(1, pageNumber), pageCount };
}

/** One revision of a page. */
export async function getRevision(
	ctx: Ctx,
	actor: Actor | null,
	scope: Scope,
	slug: string,
	number: number
) {
	const page = await findPage(ctx, actor, scope, slug);
	const rev = await revisionOf(ctx, page.id, number);
	return { page, revision: rev };
}

async function revisionOf(ctx: Ctx, pageId: string, number: number) {
	if (!Number.isInteger(number)) throw new NotFoundError('Version introuvable.');
	const [rev] = await ctx.db
		.select({
			number: pageRevisions.number,
			title: pageRevisions.title,
			body: pageRevisions.body,
			summary: pageRevisions.summary,
			restoredFrom: pageRevisions.restoredFrom,
			at: pageRevisions.createdAt,
			authorName: users.name
		})
		.from(pageRevisions)
		.leftJoin(users, eq(users.id, pageRevisions.authorId))
		.where(and(eq(pageRevisions.pageId, pageId), eq(pageRevisions.number, number)));
	if (!rev) throw new NotFoundError('Version introuvable.');
	return rev;
}

/** Word-level differences between two revisions, title and body. */
export async function compareRevisions(
	ctx: Ctx,
	actor: Actor | null,
	scope: Scope,
	slug: string,
	from: number,
	to: number
) {
	const page = await findPage(ctx, actor, scope, slug);
	const [a, b] = await Promise.all([revisionOf(ctx, page.id, from), revisionOf(ctx, page.id, to)]);
	return {
		page,
		from: a,
		to: b,
		title: wordDiff(a.title, b.title),
		body: wordDiff(a.body, b.body)
	};
}

/** Restores an earlier revision: a new revision with its title and body, on top of the latest. */
export async function restoreRevision(
	ctx: Ctx,
	actor: Actor | null,
	scope: Scope,
	slug: string,
	number: number
) {
	assertEdit(actor, scope);
	const page = await findPage(ctx, actor, scope, slug);
	const old = await revisionOf(ctx, page.id, number);
	return ctx.db.transaction(async (tx) => {
		// The row lock orders restores and saves; the number comes from the locked row.
		const [row] = await tx
			.update(pages)
			.set({
				title: old.title,
				body: old.body,
				revision: sql`${pages.revision} + 1`,
				updatedBy: actor.userId,
				updatedAt: new Date()
			})
			.where(eq(pages.id, page.id))
			.returning();
		await tx.insert(pageRevisions).values({
			pageId: page.id,
			number: row!.revision,
			title: old.title,
			body: old.body,
			summary: `Restauration de la version ${number}`,
			baseNumber: row!.revision - 1,
			restoredFrom: number,
			authorId: actor.userId
		});
		await recordActivity(
			tx,
			activityOf(scope, row!, actor, 'page.restored', `Page « ${old.title} » restaurée`)
		);
		return row!.revision;
	});
}
