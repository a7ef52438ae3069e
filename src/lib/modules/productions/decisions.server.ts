/** The relevé de décisions of a space (the comité de pilotage's, or any space's). */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceDecisions } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { assertUuid, NotFoundError } from '../../server/errors';
import { validate } from '../../server/forms';
import { recordActivity } from '../spaces/activity.server';
import { readableSpace, spaceBase, spaceRights } from '../roadmap/access.server';
import { decisionInput, decisionStatusLabels, type DecisionFilters } from './rules';

export const decisionsPath = (slug: string) => `${spaceBase(slug)}/decisions`;

export async function listDecisions(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	filters: DecisionFilters
) {
	const space = await readableSpace(ctx, actor, slug);
	const year = sql<number>`extract(year from ${spaceDecisions.date})::int`;
	const where = [eq(spaceDecisions.spaceId, space.id)];
	if (filters.status) where.push(eq(spaceDecisions.status, filters.status));
	if (filters.year) where.push(sql`${year} = ${filters.year}`);
	const decisions = await ctx.db
		.select()
		.from(spaceDecisions)
		.where(and(...where))
		.orderBy(desc(spaceDecisions.date), desc(spaceDecisions.createdAt));
	const years = await ctx.db
		.selectDistinct({ year })
		.from(spaceDecisions)
		.where(eq(spaceDecisions.spaceId, space.id))
		.orderBy(desc(year));
	return {
		space,
		...spaceRights(actor, space.id),
		decisions,
		years: years.map((y) => y.year)
	};
}

async function managed(ctx: Ctx, actor: Actor | null, slug: string) {
	const space = await readableSpace(ctx, actor, slug);
	assertCan(actor, 'space.manage', { spaceId: space.id });
	return { space, who: actor };
}

export async function getDecision(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
	const { space, who } = await managed(ctx, actor, slug);
	assertUuid(id, 'Décision introuvable.');
	const [d] = await ctx.db
		.select()
		.from(spaceDecisions)
		.where(and(eq(spaceDecisions.id, id), eq(spaceDecisions.spaceId, space.id)));
	if (!d) throw new NotFoundError('Décision introuvable.');
	return { space, who, decision: d };
}

export async function createDecision(ctx: Ctx, actor: Actor | null, slug: string, raw: unknown) {
	const { space, who } = await managed(ctx, actor, slug);
	const input = validate(decisionInput, raw);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(spaceDecisions)
			.values({ ...input, spaceId: space.id, createdBy: who.userId })
			.returning();
		await recordActivity(tx, {
			spaceId: space.id,
			actorId: who.userId,
			kind: 'decision.added',
			title: `Décision ajoutée au relevé : « ${input.decision} »`,
			path: `${decisionsPath(slug)}#decision-${row!.id}`,
			visibility: space.detailsVisibility
		});
		return row!;
	});
}

export async function updateDecision(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	raw: unknown
) {
	const { space, who, decision } = await getDecision(ctx, actor, slug, id);
	const input = validate(decisionInput, raw);
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(spaceDecisions)
			.set({ ...input, updatedAt: new Date() })
			.where(eq(spaceDecisions.id, id));
		const statusChanged = decision.status !== input.status;
		await recordActivity(tx, {
			spaceId: space.id,
			actorId: who.userId,
			kind: 'decision.updated',
			title: statusChanged
				? `Décision « ${input.decision} » : ${decisionStatusLabels[input.status].toLowerCase()}`
				: `Décision « ${input.decision} » modifiée`,
			path: `${decisionsPath(slug)}#decision-${id}`,
			visibility: space.detailsVisibility
		});
	});
}
