/**
 * A space's home: its défi, objectives with their progress, people, latest activity and the
 * visitor's way in. One query for the space, then the rest in parallel; the details (members,
 * progress, activity) only for those who may read them (`spaces.details_visibility`).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../server/context';
import {
	roadmapActions,
	spaceActivity,
	spaceJoinRequests,
	spaceMembers,
	spaceObjectives,
	spaces,
	structures,
	users
} from '../../server/db/schema';
import { can, canRead, isMember, type Actor } from '../../server/auth/policy';
import type { ContentVisibility } from '../../server/db/visibility';
import { NotFoundError } from '../../server/errors';
import { progressOf, type ActionStatus, type Progress } from '../roadmap/rules';

export const HOME_ACTIVITY_SIZE = 8;

/** Where the actor stands with the space: what the call to action says. */
export type Standing =
	| { kind: 'visitor' }
	| { kind: 'member'; roles: ('referent' | 'membre' | 'observateur')[] }
	| { kind: 'pending'; since: Date }
	| { kind: 'invited' }
	| { kind: 'can-ask' }
	| { kind: 'closed' };

const own = alias(structures, 'own');

function people(ctx: Ctx, spaceId: string) {
	return ctx.db
		.select({
			userId: users.id,
			name: users.name,
			role: spaceMembers.role,
			until: spaceMembers.until,
			since: spaceMembers.since,
			structureName: sql<string | null>`coalesce(${structures.name}, ${own.name})`,
			structureSlug: sql<string | null>`coalesce(${structures.slug}, ${own.slug})`
		})
		.from(spaceMembers)
		.innerJoin(users, eq(users.id, spaceMembers.userId))
		.leftJoin(structures, eq(structures.id, spaceMembers.structureId))
		.leftJoin(own, eq(own.id, users.structureId))
		.where(eq(spaceMembers.spaceId, spaceId))
		.orderBy(asc(users.name));
}

function objectives(ctx: Ctx, spaceId: string) {
	return ctx.db
		.select({
			id: spaceObjectives.id,
			kind: spaceObjectives.kind,
			title: spaceObjectives.title,
			description: spaceObjectives.description
		})
		.from(spaceObjectives)
		.where(eq(spaceObjectives.spaceId, spaceId))
		.orderBy(asc(spaceObjectives.position), asc(spaceObjectives.createdAt));
}

/** Number of actions per objective and status: what the progress bars need, nothing more. */
function actionCounts(ctx: Ctx, spaceId: string) {
	return ctx.db
		.select({
			objectiveId: roadmapActions.objectiveId,
			status: roadmapActions.status,
			n: sql<number>`count(*)::int`
		})
		.from(roadmapActions)
		.where(eq(roadmapActions.spaceId, spaceId))
		.groupBy(roadmapActions.objectiveId, roadmapActions.status);
}

/** The latest entries of the space the actor may read, newest first. */
function latestActivity(ctx: Ctx, spaceId: string, readable: ContentVisibility[]) {
	return ctx.db
		.select({
			id: spaceActivity.id,
			title: spaceActivity.title,
			path: spaceActivity.path,
			at: spaceActivity.at,
			actorName: users.name
		})
		.from(spaceActivity)
		.leftJoin(users, eq(users.id, spaceActivity.actorId))
		.where(and(eq(spaceActivity.spaceId, spaceId), inArray(spaceActivity.visibility, readable)))
		.orderBy(desc(spaceActivity.at), desc(spaceActivity.id))
		.limit(HOME_ACTIVITY_SIZE);
}

/** The actor's pending request or invitation for the space, if any (at most one is pending). */
async function pendingRequest(ctx: Ctx, spaceId: string, userId: string) {
	const [row] = await ctx.db
		.select({ kind: spaceJoinRequests.kind, createdAt: spaceJoinRequests.createdAt })
		.from(spaceJoinRequests)
		.where(
			and(
				eq(spaceJoinRequests.spaceId, spaceId),
				eq(spaceJoinRequests.userId, userId),
				eq(spaceJoinRequests.status, 'en_attente')
			)
		)
		.limit(1);
	return row ?? null;
}

function standingOf(
	actor: Actor | null,
	space: { id: string; openToRequests: boolean },
	pending: { kind: 'demande' | 'invitation'; createdAt: Date } | null
): Standing {
	if (!isMember(actor)) return { kind: 'visitor' };
	const roles = actor.spaceRoles[space.id] ?? [];
	if (roles.length) return { kind: 'member', roles };
	if (pending?.kind === 'invitation') return { kind: 'invited' };
	if (pending) return { kind: 'pending', since: pending.createdAt };
	return space.openToRequests ? { kind: 'can-ask' } : { kind: 'closed' };
}

export async function getSpaceHome(ctx: Ctx, actor: Actor | null, slug: string) {
	const [space] = await ctx.db.select().from(spaces).where(eq(spaces.slug, slug));
	if (!space) throw new NotFoundError('Espace introuvable.');
	const details = canRead(actor, space.detailsVisibility, space.id);
	const readable = (['public', 'members', 'space'] as const).filter((v) =>
		canRead(actor, v, space.id)
	);
	const isInSpace = !!actor && (actor.spaceRoles[space.id] ?? []).length > 0;
	const [persons, objectiveRows, counts, activity, pending] = await Promise.all([
		people(ctx, space.id),
		objectives(ctx, space.id),
		details ? actionCounts(ctx, space.id) : Promise.resolve([]),
		details ? latestActivity(ctx, space.id, readable) : Promise.resolve([]),
		actor && !isInSpace ? pendingRequest(ctx, space.id, actor.userId) : Promise.resolve(null)
	]);

	const statuses = new Map<string, ActionStatus[]>();
	for (const c of counts) {
		const list = statuses.get(c.objectiveId) ?? [];
		for (let i = 0; i < c.n; i++) list.push(c.status);
		statuses.set(c.objectiveId, list);
	}
	const withProgress = objectiveRows.map((o) => ({
		...o,
		progress: details ? progressOf(statuses.get(o.id) ?? []) : (null as Progress | null)
	}));
	const current = persons.filter((p) => !p.until);
	const members = current.filter((p) => p.role !== 'referent');
	return {
		space,
		details,
		canManage: can(actor, 'space.manage', { spaceId: space.id }),
		standing: standingOf(actor, space, pending),
		strategicObjectives: withProgress.filter((o) => o.kind === 'strategique'),
		operationalObjectives: withProgress.filter((o) => o.kind === 'operationnel'),
		referents: current.filter((p) => p.role === 'referent'),
		formerReferents: persons.filter((p) => p.role === 'referent' && p.until),
		members: details ? members : null,
		memberCount: members.length,
		activity: details ? activity : null
	};
}

export type SpaceHome = Awaited<ReturnType<typeof getSpaceHome>>;
