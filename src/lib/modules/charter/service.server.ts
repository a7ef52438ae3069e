/**
 * The charter: a page of the démarche (`charte`) whose published versions members accept.
 * Editing the page makes revisions; publishing a version asks every member of a space to accept
 * it again at their next visit (see `charterPending`).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	charterAcceptances,
	charterVersions,
	pageRevisions,
	pages,
	spaceMembers,
	spaces,
	users
} from '../../server/db/schema';
import { assertCan, isMember, type Actor } from '../../server/auth/policy';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../server/errors';
import { recordActivity } from '../spaces/activity.server';
import { renderMarkdown } from '../pages/markdown';
import { wordDiff } from '../pages/word-diff';
import { CHARTER_PATH, CHARTER_SLUG, charterPending, checkPublish } from './rules';

type Db = Ctx['db'];

/** The version in force, or null before the first is published. */
export async function currentVersion(db: Db) {
	const [v] = await db
		.select({
			version: charterVersions.version,
			pageId: charterVersions.pageId,
			revision: charterVersions.revision,
			summary: charterVersions.summary,
			publishedAt: charterVersions.publishedAt,
			publishedBy: users.name
		})
		.from(charterVersions)
		.leftJoin(users, eq(users.id, charterVersions.publishedBy))
		.orderBy(desc(charterVersions.version))
		.limit(1);
	return v ?? null;
}

/** The text of the version in force, for those asked to accept it. */
export async function charterText(db: Db) {
	const current = await currentVersion(db);
	if (!current) return null;
	const text = await bodyAt(db, current.pageId, current.revision);
	return { version: current.version, publishedAt: current.publishedAt, ...text };
}

/** Whether the person must accept the current version before going on (at most one query). */
export async function isCharterPending(ctx: Ctx, actor: Actor | null): Promise<boolean> {
	if (!actor) return false;
	const inSpace = Object.keys(actor.spaceRoles).length > 0;
	if (!inSpace) return false;
	// Read with the session: no query on the way to every page.
	if (actor.charter) return charterPending(actor.charter.current, actor.charter.accepted, inSpace);
	const {
		rows: [row]
	} = await ctx.db.execute<{ current: number | null; accepted: number | null }>(sql`
		select (select max(version) from charter_versions) as current,
		       (select max(version) from charter_acceptances where user_id = ${actor.userId}) as accepted`);
	return charterPending(row?.current ?? null, row?.accepted ?? null, inSpace);
}

/** Records that a person accepted a version (again is harmless). */
export async function recordAcceptance(db: Db, userId: string, version: number) {
	await db.insert(charterAcceptances).values({ userId, version }).onConflictDoNothing();
}

async function bodyAt(db: Db, pageId: string, revision: number) {
	const [r] = await db
		.select({ title: pageRevisions.title, body: pageRevisions.body })
		.from(pageRevisions)
		.where(and(eq(pageRevisions.pageId, pageId), eq(pageRevisions.number, revision)));
	if (!r) throw new NotFoundError('Version de la charte introuvable.');
	return r;
}

async function lastAcceptance(db: Db, userId: string) {
	const [a] = await db
		.select({
			version: charterAcceptances.version,
			acceptedAt: charterAcceptances.acceptedAt,
			revision: charterVersions.revision
		})
		.from(charterAcceptances)
		.innerJoin(charterVersions, eq(charterVersions.version, charterAcceptances.version))
		.where(eq(charterAcceptances.userId, userId))
		.orderBy(desc(charterAcceptances.version))
		.limit(1);
	return a ?? null;
}

/** The current version as a reader sees it, with what changed since their last acceptance. */
export async function getCharter(ctx: Ctx, actor: Actor | null) {
	const current = await currentVersion(ctx.db);
	if (!current) throw new NotFoundError("La charte n'est pas encore publiée.");
	const text = await bodyAt(ctx.db, current.pageId, current.revision);
	const accepted = actor ? await lastAcceptance(ctx.db, actor.userId) : null;
	let changes = null;
	if (accepted && accepted.version < current.version) {
		const before = await bodyAt(ctx.db, current.pageId, accepted.revision);
		changes = { fromVersion: accepted.version, parts: wordDiff(before.body, text.body) };
	}
	const mySpaces = actor
		? await ctx.db
				.selectDistinct({ slug: spaces.slug, title: spaces.title })
				.from(spaceMembers)
				.innerJoin(spaces, eq(spaces.id, spaceMembers.spaceId))
				.where(and(eq(spaceMembers.userId, actor.userId), isNull(spaceMembers.until)))
				.orderBy(spaces.title)
		: [];
	return {
		current,
		title: text.title,
		html: renderMarkdown(text.body),
		accepted,
		changes,
		pending: charterPending(current.version, accepted?.version ?? null, mySpaces.length > 0),
		canAccept: !!actor && (!accepted || accepted.version < current.version),
		mySpaces
	};
}

/** A member accepts the version they read; a version published meanwhile must be read first. */
export async function acceptCharter(ctx: Ctx, actor: Actor | null, input: { version?: unknown }) {
	if (!isMember(actor)) throw new UnauthenticatedError();
	const current = await currentVersion(ctx.db);
	if (!current) throw new NotFoundError("La charte n'est pas encore publiée.");
	if (Number(input.version) !== current.version) {
		throw new ValidationError(
			{
				form: 'Une nouvelle version de la charte a été publiée pendant votre lecture : relisez-la.'
			},
			'La charte a changé.'
		);
	}
	await recordAcceptance(ctx.db, actor.userId, current.version);
	return current.version;
}

async function charterPage(db: Db) {
	const [page] = await db
		.select({ id: pages.id, revision: pages.revision, title: pages.title, body: pages.body })
		.from(pages)
		.where(and(eq(pages.slug, CHARTER_SLUG), isNull(pages.spaceId)));
	if (!page) throw new NotFoundError('La page de la charte est introuvable.');
	return page;
}

/** Coordination's view: the versions, their acceptances, and what publishing would change. */
export async function charterAdmin(ctx: Ctx, actor: Actor | null) {
	assertCan(actor, 'charter.publish');
	const page = await charterPage(ctx.db);
	const versions = await ctx.db
		.select({
			version: charterVersions.version,
			revision: charterVersions.revision,
			summary: charterVersions.summary,
			publishedAt: charterVersions.publishedAt,
			publishedBy: users.name,
			acceptances: sql<number>`(select count(*)::int from charter_acceptances a where a.version = ${charterVersions.version})`
		})
		.from(charterVersions)
		.leftJoin(users, eq(users.id, charterVersions.publishedBy))
		.orderBy(desc(charterVersions.version));
	const current = versions[0] ?? null;
	const before = current ? await bodyAt(ctx.db, page.id, current.revision) : null;
	const {
		rows: [counted]
	} = await ctx.db.execute<{ members: number }>(sql`
		select count(distinct user_id)::int as members from space_members where until is null`);
	return {
		page,
		versions,
		members: counted?.members ?? 0,
		unpublished: !current || current.revision !== page.revision,
		changes: before ? wordDiff(before.body, page.body) : null
	};
}

/**
 * Publishes the page's latest revision as a new version. `revision` is the one coordination
 * reviewed: if the page moved on meanwhile, nothing is published.
 */
export async function publishCharter(
	ctx: Ctx,
	actor: Actor | null,
	input: { summary?: unknown; revision?: unknown }
) {
	assertCan(actor, 'charter.publish');
	const summary = typeof input.summary === 'string' ? input.summary.trim() : '';
	return ctx.db.transaction(async (tx) => {
		await tx.execute(sql`lock table charter_versions in exclusive mode`);
		const page = await charterPage(tx);
		const current = await currentVersion(tx);
		const errors = checkPublish(summary, page.revision, current?.revision ?? null);
		if (!errors.form && Number(input.revision) !== page.revision) {
			errors.form =
				'La page de la charte a été modifiée pendant votre relecture : relisez les changements avant de publier.';
		}
		if (Object.keys(errors).length) throw new ValidationError(errors);
		const version = (current?.version ?? 0) + 1;
		await tx.insert(charterVersions).values({
			version,
			pageId: page.id,
			revision: page.revision,
			summary,
			publishedBy: actor.userId
		});
		// Publishing is accepting: the publisher is not asked again.
		await recordAcceptance(tx, actor.userId, version);
		await recordActivity(tx, {
			spaceId: null,
			actorId: actor.userId,
			kind: 'charter.published',
			title: `Nouvelle version de la charte (version ${version}) : ${summary}`,
			path: CHARTER_PATH,
			visibility: 'members'
		});
		return version;
	});
}
