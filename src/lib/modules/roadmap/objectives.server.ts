/** Objectives of a feuille de route: added, edited and reordered by the space's référent·e·s. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceObjectives } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { assertUuid, NotFoundError } from '../../server/errors';
import { validate } from '../../server/forms';
import { readableSpace } from './access.server';
import { moved, objectiveInput } from './rules';

async function managedSpace(ctx: Ctx, actor: Actor | null, slug: string) {
	const space = await readableSpace(ctx, actor, slug);
	assertCan(actor, 'space.manage', { spaceId: space.id });
	return space;
}

export async function createObjective(ctx: Ctx, actor: Actor | null, slug: string, raw: unknown) {
	const space = await managedSpace(ctx, actor, slug);
	const input = validate(objectiveInput, raw);
	const [{ next } = { next: 0 }] = await ctx.db
		.select({ next: sql<number>`coalesce(max(${spaceObjectives.position}) + 1, 0)::int` })
		.from(spaceObjectives)
		.where(and(eq(spaceObjectives.spaceId, space.id), eq(spaceObjectives.kind, input.kind)));
	const [row] = await ctx.db
		.insert(spaceObjectives)
		.values({ ...input, spaceId: space.id, position: next })
		.returning();
	return row!;
}

async function objectiveOf(ctx: Ctx, spaceId: string, id: string) {
	assertUuid(id, 'Objectif introuvable.');
	const [row] = await ctx.db
		.select()
		.from(spaceObjectives)
		.where(and(eq(spaceObjectives.id, id), eq(spaceObjectives.spaceId, spaceId)));
	if (!row) throw new NotFoundError('Objectif introuvable.');
	return row;
}

export async function getObjective(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
	const space = await managedSpace(ctx, actor, slug);
	return { space, objective: await objectiveOf(ctx, space.id, id) };
}

export async function updateObjective(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	raw: unknown
) {
	const space = await managedSpace(ctx, actor, slug);
	await objectiveOf(ctx, space.id, id);
	const input = validate(objectiveInput, raw);
	await ctx.db.update(spaceObjectives).set(input).where(eq(spaceObjectives.id, id));
}

/** Moves an objective one place up or down among the space's objectives of its kind. */
export async function moveObjective(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	direction: unknown
) {
	const space = await managedSpace(ctx, actor, slug);
	const objective = await objectiveOf(ctx, space.id, id);
	// Strategic and operational objectives are listed apart: an objective moves within its kind.
	await ctx.db.transaction(async (tx) => {
		const rows = await tx
			.select({ id: spaceObjectives.id })
			.from(spaceObjectives)
			.where(and(eq(spaceObjectives.spaceId, space.id), eq(spaceObjectives.kind, objective.kind)))
			.orderBy(asc(spaceObjectives.position), asc(spaceObjectives.createdAt))
			.for('update');
		const order = moved(
			rows.map((r) => r.id),
			id,
			direction === 'up' ? 'up' : 'down'
		);
		for (const [position, oid] of order.entries()) {
			await tx.update(spaceObjectives).set({ position }).where(eq(spaceObjectives.id, oid));
		}
	});
}
