/**
 * Creating a space (coordination) and changing its settings and list of objectives (its
 * référent·e·s and coordination). Adding, editing and moving objectives reuse the feuille de
 * route's services; deleting one is refused while it has actions.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	roadmapActions,
	spaceMembers,
	spaceObjectives,
	spaces,
	users
} from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { assertUuid, DomainError, NotFoundError, ValidationError } from '../../server/errors';
import { validate } from '../../server/forms';
import { invalidate } from '../../server/cache';
import { createObjective } from '../roadmap/objectives.server';
import { recordActivity } from './activity.server';
import {
	newSpaceInput,
	settingsChangeTitle,
	SLUG_TAKEN,
	spaceSettingsInput,
	type SpaceSettingsInput
} from './settings-rules';

const homePath = (slug: string) => `/chantiers/${slug}`;
export const settingsPath = (slug: string) => `${homePath(slug)}/parametres`;

const isUniqueViolation = (err: unknown) =>
	(err as { code?: string }).code === '23505' ||
	(err as { cause?: { code?: string } }).cause?.code === '23505';

/** Active accounts that may be named first référent·e of a new space. */
function activePeople(ctx: Ctx) {
	return ctx.db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(eq(users.status, 'active'))
		.orderBy(asc(users.name), asc(users.email));
}

export async function newSpaceForm(ctx: Ctx, actor: Actor | null) {
	assertCan(actor, 'space.create');
	return { people: await activePeople(ctx) };
}

/** Creates a space of kind « autre », with its first référent·e if one is named. */
export async function createSpace(ctx: Ctx, actor: Actor | null, raw: unknown) {
	assertCan(actor, 'space.create');
	const input = validate(newSpaceInput, raw);
	const { referentId, ...values } = input;
	if (referentId) {
		const [person] = await ctx.db
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.id, referentId), eq(users.status, 'active')));
		if (!person) throw new ValidationError({ referentId: 'Choisissez une personne de la liste.' });
	}
	const [taken] = await ctx.db
		.select({ id: spaces.id })
		.from(spaces)
		.where(eq(spaces.slug, input.slug));
	if (taken) throw new ValidationError({ slug: SLUG_TAKEN });
	try {
		const created = await ctx.db.transaction(async (tx) => {
			const [space] = await tx
				.insert(spaces)
				.values({ ...values, kind: 'autre' })
				.returning();
			if (referentId) {
				await tx.insert(spaceMembers).values({
					spaceId: space!.id,
					userId: referentId,
					role: 'referent',
					since: new Date().toISOString().slice(0, 10)
				});
			}
			await recordActivity(tx, {
				spaceId: space!.id,
				actorId: actor.userId,
				kind: 'space.created',
				title: `Espace « ${space!.title} » créé`,
				path: homePath(space!.slug),
				visibility: 'public'
			});
			return space!;
		});
		invalidate('spaces');
		return created;
	} catch (err) {
		// Another person took the address meanwhile.
		if (isUniqueViolation(err)) throw new ValidationError({ slug: SLUG_TAKEN });
		throw err;
	}
}

async function managedSpace(ctx: Ctx, actor: Actor | null, slug: string) {
	const [space] = await ctx.db.select().from(spaces).where(eq(spaces.slug, slug));
	if (!space) throw new NotFoundError('Espace introuvable.');
	assertCan(actor, 'space.manage', { spaceId: space.id });
	return space;
}

/** The settings form: the space and its objectives, each with its number of actions. */
export async function getSpaceSettings(ctx: Ctx, actor: Actor | null, slug: string) {
	const space = await managedSpace(ctx, actor, slug);
	const objectives = await ctx.db
		.select({
			id: spaceObjectives.id,
			kind: spaceObjectives.kind,
			title: spaceObjectives.title,
			actions: sql<number>`(select count(*)::int from roadmap_actions ra where ra.objective_id = "space_objectives"."id")`
		})
		.from(spaceObjectives)
		.where(eq(spaceObjectives.spaceId, space.id))
		.orderBy(
			asc(spaceObjectives.kind),
			asc(spaceObjectives.position),
			asc(spaceObjectives.createdAt)
		);
	return { space, objectives };
}

const settingsOf = (s: typeof spaces.$inferSelect): SpaceSettingsInput => ({
	title: s.title,
	shortTitle: s.shortTitle,
	defi: s.defi,
	summary: s.summary,
	detailsVisibility: s.detailsVisibility,
	openToRequests: s.openToRequests
});

/** Saves the settings (the address never changes: links to the space stay valid). */
export async function updateSpaceSettings(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	raw: unknown
) {
	const space = await managedSpace(ctx, actor, slug);
	const input = validate(spaceSettingsInput, raw);
	const change = settingsChangeTitle(settingsOf(space), input);
	if (!change) return;
	await ctx.db.transaction(async (tx) => {
		await tx.update(spaces).set(input).where(eq(spaces.id, space.id));
		await recordActivity(tx, {
			spaceId: space.id,
			actorId: actor!.userId,
			kind: 'space.updated',
			title: change,
			path: homePath(slug),
			visibility: 'public'
		});
	});
	invalidate('spaces');
}

/** Adds an objective through the feuille de route's service, and says so in the feed. */
export async function addObjective(ctx: Ctx, actor: Actor | null, slug: string, raw: unknown) {
	const space = await managedSpace(ctx, actor, slug);
	const objective = await createObjective(ctx, actor, slug, raw);
	await recordActivity(ctx.db, {
		spaceId: space.id,
		actorId: actor!.userId,
		kind: 'objective.added',
		title: `Objectif « ${objective.title} » ajouté`,
		path: homePath(slug),
		visibility: 'public'
	});
	invalidate('spaces');
	return objective;
}

/** Deletes an objective that has no action; one with actions is kept, with a French message. */
export async function deleteObjective(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
	const space = await managedSpace(ctx, actor, slug);
	assertUuid(id, 'Objectif introuvable.');
	await ctx.db.transaction(async (tx) => {
		// Locking the row waits for any action being added to it, so the count below sees it.
		const [objective] = await tx
			.select()
			.from(spaceObjectives)
			.where(and(eq(spaceObjectives.id, id), eq(spaceObjectives.spaceId, space.id)))
			.for('update');
		if (!objective) throw new NotFoundError('Objectif introuvable.');
		const [{ n } = { n: 0 }] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(roadmapActions)
			.where(eq(roadmapActions.objectiveId, id));
		if (n > 0) {
			throw new DomainError(
				`L’objectif « ${objective.title} » a ${n} action${n > 1 ? 's' : ''} : rattachez-les à un autre objectif dans la feuille de route avant de le supprimer.`
			);
		}
		await tx.delete(spaceObjectives).where(eq(spaceObjectives.id, id));
		await recordActivity(tx, {
			spaceId: space.id,
			actorId: actor!.userId,
			kind: 'objective.deleted',
			title: `Objectif « ${objective.title} » supprimé`,
			path: homePath(slug),
			visibility: 'public'
		});
	});
	invalidate('spaces');
}
