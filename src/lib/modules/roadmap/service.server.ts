/**
 * The feuille de route of a space: objectives with their actions, owners, linked productions and
 * history. An action's update names the version it started from; a stale one changes nothing and
 * gets the current values back.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	roadmapActionChanges,
	roadmapActionOwners,
	roadmapActionProductions,
	roadmapActions,
	spaceObjectives,
	spaceProductions,
	users
} from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import type { ContentVisibility } from '../../server/db/visibility';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { validate } from '../../server/forms';
import { recordActivity } from '../spaces/activity.server';
import { currentMembers, readableSpace, spaceBase, spaceRights } from './access.server';
import {
	actionInput,
	canChangeStatus,
	describeChanges,
	diffAction,
	nextDoneAt,
	progressOf,
	statusLabels,
	type ActionStatus,
	type ActionValues,
	type ChangeSet,
	type RoadmapFilters
} from './rules';

export { readableSpace } from './access.server';

type Db = Ctx['db'];
export type ActionRow = typeof roadmapActions.$inferSelect;

const anchor = (id: string) => `action-${id}`;
export const roadmapPath = (slug: string) => `${spaceBase(slug)}/feuille-de-route`;
export const actionPath = (slug: string, id: string) => `${roadmapPath(slug)}#${anchor(id)}`;

/** Everything the feuille de route page shows. Progress counts every action, whatever the filters. */
export async function getRoadmap(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	filters: RoadmapFilters
) {
	const space = await readableSpace(ctx, actor, slug);
	const objectives = await ctx.db
		.select()
		.from(spaceObjectives)
		.where(eq(spaceObjectives.spaceId, space.id))
		.orderBy(
			asc(spaceObjectives.kind),
			asc(spaceObjectives.position),
			asc(spaceObjectives.createdAt)
		);
	const actions = await ctx.db
		.select()
		.from(roadmapActions)
		.where(eq(roadmapActions.spaceId, space.id))
		.orderBy(asc(roadmapActions.position), asc(roadmapActions.createdAt));
	const ids = actions.map((a) => a.id);
	const owners = ids.length
		? await ctx.db
				.select({ actionId: roadmapActionOwners.actionId, id: users.id, name: users.name })
				.from(roadmapActionOwners)
				.innerJoin(users, eq(users.id, roadmapActionOwners.userId))
				.where(inArray(roadmapActionOwners.actionId, ids))
				.orderBy(asc(users.name))
		: [];
	const links = ids.length
		? await ctx.db
				.select({
					actionId: roadmapActionProductions.actionId,
					id: spaceProductions.id,
					title: spaceProductions.title
				})
				.from(roadmapActionProductions)
				.innerJoin(spaceProductions, eq(spaceProductions.id, roadmapActionProductions.productionId))
				.where(inArray(roadmapActionProductions.actionId, ids))
				.orderBy(asc(spaceProductions.title))
		: [];
	const full = actions.map((a) => ({
		...a,
		owners: owners.filter((o) => o.actionId === a.id).map(({ id, name }) => ({ id, name })),
		productions: links.filter((l) => l.actionId === a.id).map(({ id, title }) => ({ id, title }))
	}));
	const shown = (a: (typeof full)[number]) =>
		(!filters.status || a.status === filters.status) &&
		(!filters.owner || a.owners.some((o) => o.id === filters.owner));
	return {
		space,
		...spaceRights(actor, space.id),
		objectives: objectives.map((o) => {
			const mine = full.filter((a) => a.objectiveId === o.id);
			return {
				...o,
				progress: progressOf(mine.map((a) => a.status)),
				actions: mine.filter(shown)
			};
		}),
		members: await currentMembers(ctx, space.id),
		filtered: !!(filters.status || filters.owner)
	};
}

/** The productions of the space an action may link to. */
export async function linkableProductions(ctx: Ctx, spaceId: string) {
	return ctx.db
		.select({ id: spaceProductions.id, title: spaceProductions.title })
		.from(spaceProductions)
		.where(eq(spaceProductions.spaceId, spaceId))
		.orderBy(desc(spaceProductions.date), asc(spaceProductions.title));
}

async function namesFor(db: Db, spaceId: string) {
	const objectives = await db
		.select({ id: spaceObjectives.id, title: spaceObjectives.title })
		.from(spaceObjectives)
		.where(eq(spaceObjectives.spaceId, spaceId));
	const prods = await db
		.select({ id: spaceProductions.id, title: spaceProductions.title })
		.from(spaceProductions)
		.where(eq(spaceProductions.spaceId, spaceId));
	return { objectives, prods };
}

/** Checks an action typed in a form against the space: its objective, owners and productions. */
async function checkedInput(ctx: Ctx, spaceId: string, raw: unknown) {
	const input = validate(actionInput, raw);
	const { objectives, prods } = await namesFor(ctx.db, spaceId);
	const members = await currentMembers(ctx, spaceId);
	const errors: Record<string, string> = {};
	if (!objectives.some((o) => o.id === input.objectiveId)) {
		errors.objectiveId = 'Choisissez un objectif de cet espace.';
	}
	if (!input.ownerIds.every((id) => members.some((m) => m.id === id))) {
		errors.ownerIds = 'Les responsables doivent être membres de cet espace.';
	}
	if (!input.productionIds.every((id) => prods.some((p) => p.id === id))) {
		errors.productionIds = 'Choisissez des productions de cet espace.';
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
	const names = (kind: 'owner' | 'production' | 'objective', id: string) =>
		(kind === 'owner'
			? members.find((m) => m.id === id)?.name
			: kind === 'production'
				? prods.find((p) => p.id === id)?.title
				: objectives.find((o) => o.id === id)?.title) ?? 'élément supprimé';
	return { input, names };
}

async function setLinks(db: Db, actionId: string, ownerIds: string[], productionIds: string[]) {
	await db.delete(roadmapActionOwners).where(eq(roadmapActionOwners.actionId, actionId));
	await db.delete(roadmapActionProductions).where(eq(roadmapActionProductions.actionId, actionId));
	const owners = [...new Set(ownerIds)];
	const prods = [...new Set(productionIds)];
	if (owners.length) {
		await db.insert(roadmapActionOwners).values(owners.map((userId) => ({ actionId, userId })));
	}
	if (prods.length) {
		await db
			.insert(roadmapActionProductions)
			.values(prods.map((productionId) => ({ actionId, productionId })));
	}
}

export async function createAction(ctx: Ctx, actor: Actor | null, slug: string, raw: unknown) {
	const space = await readableSpace(ctx, actor, slug);
	assertCan(actor, 'space.contribute', { spaceId: space.id });
	const { input } = await checkedInput(ctx, space.id, raw);
	return ctx.db.transaction(async (tx) => {
		const [{ next } = { next: 0 }] = await tx
			.select({ next: sql<number>`coalesce(max(${roadmapActions.position}) + 1, 0)::int` })
			.from(roadmapActions)
			.where(eq(roadmapActions.objectiveId, input.objectiveId));
		const [row] = await tx
			.insert(roadmapActions)
			.values({
				spaceId: space.id,
				objectiveId: input.objectiveId,
				title: input.title,
				description: input.description,
				status: input.status,
				dueDate: input.dueDate,
				doneAt: input.status === 'fait' ? new Date() : null,
				position: next,
				createdBy: actor.userId
			})
			.returning();
		await setLinks(tx, row!.id, input.ownerIds, input.productionIds);
		await tx
			.insert(roadmapActionChanges)
			.values({ actionId: row!.id, actorId: actor.userId, changes: { created: true } });
		await recordActivity(tx, {
			spaceId: space.id,
			actorId: actor.userId,
			kind: 'action.created',
			title: `Action « ${input.title} » ajoutée à la feuille de route`,
			path: actionPath(slug, row!.id),
			visibility: space.detailsVisibility
		});
		return row!;
	});
}

/** An action of the space with the ids of its owners and productions. */
async function actionValues(db: Db, spaceId: string, id: string, lock = false) {
	assertUuid(id, 'Action introuvable.');
	const q = db
		.select()
		.from(roadmapActions)
		.where(and(eq(roadmapActions.id, id), eq(roadmapActions.spaceId, spaceId)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError('Action introuvable.');
	const owners = await db
		.select({ id: roadmapActionOwners.userId })
		.from(roadmapActionOwners)
		.where(eq(roadmapActionOwners.actionId, id));
	const prods = await db
		.select({ id: roadmapActionProductions.productionId })
		.from(roadmapActionProductions)
		.where(eq(roadmapActionProductions.actionId, id));
	const values: ActionValues = {
		title: row.title,
		description: row.description,
		status: row.status,
		dueDate: row.dueDate,
		objectiveId: row.objectiveId,
		ownerIds: owners.map((o) => o.id),
		productionIds: prods.map((p) => p.id)
	};
	return { row, values };
}

/** An action to edit, with what its form needs. */
export async function getAction(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
	const space = await readableSpace(ctx, actor, slug);
	const { row, values } = await actionValues(ctx.db, space.id, id);
	const objectives = await ctx.db
		.select({ id: spaceObjectives.id, title: spaceObjectives.title, kind: spaceObjectives.kind })
		.from(spaceObjectives)
		.where(eq(spaceObjectives.spaceId, space.id))
		.orderBy(asc(spaceObjectives.kind), asc(spaceObjectives.position));
	return {
		space,
		...spaceRights(actor, space.id),
		action: { ...row, ...values },
		objectives,
		members: await currentMembers(ctx, space.id),
		productions: await linkableProductions(ctx, space.id),
		history: await actionHistory(ctx, row.id)
	};
}

export type UpdateResult =
	{ ok: true; action: ActionRow } | { ok: false; current: ActionValues & { version: number } };

/** Applies a change to an action if nobody changed it since `version`; records its history. */
async function applyChange(
	ctx: Ctx,
	actor: Actor,
	slug: string,
	spaceId: string,
	visibility: ContentVisibility,
	id: string,
	version: number,
	build: (before: ActionValues) => Promise<{ after: ActionValues; changes: ChangeSet }>
): Promise<UpdateResult> {
	return ctx.db.transaction(async (tx) => {
		const { row, values: before } = await actionValues(tx, spaceId, id, true);
		if (row.version !== version) return { ok: false, current: { ...before, version: row.version } };
		const { after, changes } = await build(before);
		if (!Object.keys(changes).length) return { ok: true, action: row };
		const [updated] = await tx
			.update(roadmapActions)
			.set({
				title: after.title,
				description: after.description,
				status: after.status,
				dueDate: after.dueDate,
				objectiveId: after.objectiveId,
				doneAt: nextDoneAt(before.status, after.status, row.doneAt, new Date()),
				version: row.version + 1,
				updatedAt: new Date()
			})
			.where(eq(roadmapActions.id, id))
			.returning();
		if (changes.owners || changes.productions) {
			await setLinks(tx, id, after.ownerIds, after.productionIds);
		}
		await tx.insert(roadmapActionChanges).values({ actionId: id, actorId: actor.userId, changes });
		if (changes.status) {
			await recordActivity(tx, {
				spaceId,
				actorId: actor.userId,
				kind: after.status === 'fait' ? 'action.done' : 'action.status',
				title: `Action « ${after.title} » marquée ${statusLabels[after.status].toLowerCase()}`,
				path: actionPath(slug, id),
				visibility
			});
		}
		return { ok: true, action: updated! };
	});
}

const versionOf = (raw: unknown) => {
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1) throw new ValidationError({ form: 'Version inconnue.' });
	return n;
};

/** Saves the edit form of an action. */
export async function updateAction(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	version: unknown,
	raw: unknown
): Promise<UpdateResult> {
	const space = await readableSpace(ctx, actor, slug);
	assertCan(actor, 'space.contribute', { spaceId: space.id });
	const v = versionOf(version);
	const { input, names } = await checkedInput(ctx, space.id, raw);
	return applyChange(ctx, actor, slug, space.id, space.detailsVisibility, id, v, async (before) => {
		const after: ActionValues = { ...input };
		return { after, changes: diffAction(before, after, names) };
	});
}

/** Changes the status of an action in one step. */
export async function changeStatus(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	version: unknown,
	status: unknown
): Promise<UpdateResult> {
	const space = await readableSpace(ctx, actor, slug);
	assertCan(actor, 'space.contribute', { spaceId: space.id });
	const v = versionOf(version);
	return applyChange(ctx, actor, slug, space.id, space.detailsVisibility, id, v, async (before) => {
		if (typeof status !== 'string' || !(status in statusLabels)) {
			throw new ValidationError({ status: 'Choisissez un statut.' });
		}
		const to = status as ActionStatus;
		if (!canChangeStatus(before.status, to)) return { after: before, changes: {} };
		return { after: { ...before, status: to }, changes: { status: [before.status, to] } };
	});
}

/** The history of an action, newest first, in French. */
export async function actionHistory(ctx: Ctx, actionId: string) {
	const rows = await ctx.db
		.select({
			id: roadmapActionChanges.id,
			at: roadmapActionChanges.at,
			changes: roadmapActionChanges.changes,
			actor: users.name
		})
		.from(roadmapActionChanges)
		.leftJoin(users, eq(users.id, roadmapActionChanges.actorId))
		.where(eq(roadmapActionChanges.actionId, actionId))
		.orderBy(desc(roadmapActionChanges.at), desc(roadmapActionChanges.id));
	return rows.map((r) => ({
		id: r.id,
		at: r.at,
		actor: r.actor ?? 'Compte supprimé',
		lines: describeChanges(r.changes as ChangeSet)
	}));
}

/** What the form of a new action needs; only for contributors. */
export async function newActionForm(ctx: Ctx, actor: Actor | null, slug: string) {
	const space = await readableSpace(ctx, actor, slug);
	assertCan(actor, 'space.contribute', { spaceId: space.id });
	const objectives = await ctx.db
		.select({ id: spaceObjectives.id, title: spaceObjectives.title, kind: spaceObjectives.kind })
		.from(spaceObjectives)
		.where(eq(spaceObjectives.spaceId, space.id))
		.orderBy(asc(spaceObjectives.kind), asc(spaceObjectives.position));
	return {
		space,
		objectives,
		members: await currentMembers(ctx, space.id),
		productions: await linkableProductions(ctx, space.id)
	};
}
