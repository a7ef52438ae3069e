/**
 * The members of a space with their stated involvement, so that référent·e·s can ask each
 * person in proportion; pending requests and invitations; changing one's involvement, leaving,
 * and référent·e·s changing roles.
 */
import { and, asc, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceJoinRequests, spaceMembers, structures, users } from '../../server/db/schema';
import { assertCan, can, type Actor, type SpaceRole } from '../../server/auth/policy';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { recordActivity } from './activity.server';
import {
	checkInvolvement,
	keepsAReferent,
	mainRole,
	parseRole,
	SPACE_ROLES,
	totalHours
} from './membership-rules';
import {
	activeReferentIds,
	activeRoles,
	endRoles,
	grantRole,
	spaceBySlug,
	userById,
	type SpaceRow
} from './membership-store.server';

type Db = Ctx['db'];

async function currentMembers(db: Db, spaceId: string) {
	const rows = await db
		.select({
			userId: users.id,
			name: users.name,
			role: spaceMembers.role,
			since: spaceMembers.since,
			contribution: spaceMembers.contribution,
			hoursPerMonth: spaceMembers.hoursPerMonth,
			structureName: sql<
				string | null
			>`coalesce(${structures.name}, (select s2.name from structures s2 where s2.id = ${users.structureId}))`
		})
		.from(spaceMembers)
		.innerJoin(users, eq(users.id, spaceMembers.userId))
		.leftJoin(structures, eq(structures.id, spaceMembers.structureId))
		.where(and(eq(spaceMembers.spaceId, spaceId), isNull(spaceMembers.until)))
		.orderBy(asc(users.name));
	// One line a person, with their main role (someone may hold two).
	const byUser = new Map<string, (typeof rows)[number] & { roles: SpaceRole[] }>();
	for (const r of rows) {
		const seen = byUser.get(r.userId);
		if (seen) {
			seen.roles.push(r.role);
			seen.contribution ??= r.contribution;
			seen.hoursPerMonth ??= r.hoursPerMonth;
		} else byUser.set(r.userId, { ...r, roles: [r.role] });
	}
	return [...byUser.values()].map((m) => ({ ...m, role: mainRole(m.roles)! }));
}

async function pendingRows(db: Db, spaceId: string) {
	return db
		.select({
			id: spaceJoinRequests.id,
			kind: spaceJoinRequests.kind,
			role: spaceJoinRequests.role,
			message: spaceJoinRequests.message,
			contribution: spaceJoinRequests.contribution,
			hoursPerMonth: spaceJoinRequests.hoursPerMonth,
			charterVersion: spaceJoinRequests.charterVersion,
			createdAt: spaceJoinRequests.createdAt,
			userId: users.id,
			name: users.name
		})
		.from(spaceJoinRequests)
		.innerJoin(users, eq(users.id, spaceJoinRequests.userId))
		.where(and(eq(spaceJoinRequests.spaceId, spaceId), eq(spaceJoinRequests.status, 'en_attente')))
		.orderBy(desc(spaceJoinRequests.createdAt));
}

/** People who could be invited: active accounts not in the space. */
async function invitable(db: Db, spaceId: string, memberIds: string[]) {
	return db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(
			and(
				eq(users.status, 'active'),
				memberIds.length ? notInArray(users.id, memberIds) : sql`true`
			)
		)
		.orderBy(asc(users.name))
		.limit(500);
}

/** The members' page: for the space's members and coordination. */
export async function membersPage(ctx: Ctx, actor: Actor | null, slug: string) {
	const space = await spaceBySlug(ctx.db, slug);
	const manage = can(actor, 'space.manage', { spaceId: space.id });
	const isIn = !!actor && (actor.spaceRoles[space.id]?.length ?? 0) > 0;
	if (!isIn) assertCan(actor, 'space.read.private', { spaceId: space.id });
	const members = await currentMembers(ctx.db, space.id);
	const [pending, candidates] = manage
		? await Promise.all([
				pendingRows(ctx.db, space.id),
				invitable(
					ctx.db,
					space.id,
					members.map((m) => m.userId)
				)
			])
		: [[], []];
	const me = members.find((m) => m.userId === actor!.userId) ?? null;
	return {
		space: { id: space.id, slug: space.slug, title: space.title, number: space.number },
		members,
		hours: totalHours(members),
		me,
		canManage: manage,
		requests: pending.filter((p) => p.kind === 'demande'),
		invitations: pending.filter((p) => p.kind === 'invitation'),
		candidates: candidates.filter((c) => !pending.some((p) => p.userId === c.id))
	};
}

async function assertIn(db: Db, space: SpaceRow, userId: string) {
	const roles = await activeRoles(db, space.id, userId);
	if (!roles.length) throw new NotFoundError("Cette personne n'est pas membre de cet espace.");
	return roles;
}

/** A member changes what they bring and the time they expect to give. */
export async function updateMyInvolvement(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	input: Record<string, unknown>
) {
	assertCan(actor, 'space.join');
	const space = await spaceBySlug(ctx.db, slug);
	await assertIn(ctx.db, space, actor.userId);
	const { value, errors } = checkInvolvement(input);
	if (Object.keys(errors).length) throw new ValidationError(errors);
	await ctx.db
		.update(spaceMembers)
		.set(value)
		.where(
			and(
				eq(spaceMembers.spaceId, space.id),
				eq(spaceMembers.userId, actor.userId),
				isNull(spaceMembers.until)
			)
		);
}

const lastReferent =
	'Cet espace doit garder au moins un·e référent·e : nommez-en un·e autre avant ce changement.';

/**
 * Ends a person's participation: themselves, or someone removed by a référent·e. The row stays
 * with its end date (a former référent·e is still listed as such).
 */
export async function leaveSpace(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	userId: string = actor?.userId ?? ''
) {
	assertCan(actor, 'space.join');
	const space = await spaceBySlug(ctx.db, slug);
	const self = userId === actor.userId;
	if (!self) {
		assertCan(actor, 'space.manage', { spaceId: space.id });
		assertUuid(userId, 'Personne introuvable.');
	}
	await ctx.db.transaction(async (tx) => {
		await tx.execute(sql`select 1 from spaces where id = ${space.id} for update`);
		await assertIn(tx, space, userId);
		if (!keepsAReferent(await activeReferentIds(tx, space.id), userId, null)) {
			throw new ValidationError({ form: lastReferent });
		}
		await endRoles(tx, space.id, userId);
		const person = await userById(tx, userId);
		await recordActivity(tx, {
			spaceId: space.id,
			actorId: actor.userId,
			kind: 'member.left',
			title: self
				? `${person?.name ?? 'Une personne'} a quitté l'espace`
				: `${person?.name ?? 'Une personne'} ne fait plus partie de l'espace`,
			path: `/chantiers/${space.slug}/membres`,
			visibility: space.detailsVisibility
		});
	});
}

/** A référent·e (or coordination) gives a member another role in the space. */
export async function changeRole(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	userId: string,
	input: Record<string, unknown>
) {
	const space = await spaceBySlug(ctx.db, slug);
	assertCan(actor, 'space.manage', { spaceId: space.id });
	assertUuid(userId, 'Personne introuvable.');
	const role = parseRole(input.role, SPACE_ROLES);
	if (!role) throw new ValidationError({ role: 'Choisissez un rôle.' });
	await ctx.db.transaction(async (tx) => {
		await tx.execute(sql`select 1 from spaces where id = ${space.id} for update`);
		const roles = await assertIn(tx, space, userId);
		if (roles.length === 1 && roles[0] === role) return;
		if (!keepsAReferent(await activeReferentIds(tx, space.id), userId, role)) {
			throw new ValidationError({ role: lastReferent });
		}
		const [current] = await tx
			.select({ contribution: spaceMembers.contribution, hours: spaceMembers.hoursPerMonth })
			.from(spaceMembers)
			.where(
				and(
					eq(spaceMembers.spaceId, space.id),
					eq(spaceMembers.userId, userId),
					isNull(spaceMembers.until)
				)
			)
			.limit(1);
		await endRoles(
			tx,
			space.id,
			userId,
			roles.filter((r) => r !== role)
		);
		if (!roles.includes(role)) {
			await grantRole(tx, space.id, userId, role, {
				contribution: current?.contribution ?? undefined,
				hoursPerMonth: current?.hours ?? null
			});
		}
	});
}
