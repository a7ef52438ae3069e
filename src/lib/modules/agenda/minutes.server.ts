/**
 * The compte-rendu of a meeting: its Markdown text, the decisions and actions taken. A decision
 * can be written into an organising space's relevé de décisions, an action sent once to an
 * organising space's feuille de route.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { Db } from '../../server/db';
import {
	events,
	minutesItems,
	roadmapActions,
	spaceDecisions,
	spaceObjectives
} from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { validate } from '../../server/forms';
import { formatDate } from '../../i18n/fr';
import { createAction, actionPath } from '../roadmap/service.server';
import { createDecision, decisionsPath } from '../productions/decisions.server';
import { managedEvent, visibleEvent } from './after-access.server';
import { instantToLocalDate } from './time';
import { minutesInput, minutesItemInput } from './minutes-rules';
import { listAttachments } from './attachments.server';
import { renderMarkdown } from '../pages/markdown';

/** The minutes page: readable by whoever may see the event; forms for its organisers. */
export async function getMinutes(ctx: Ctx, actor: Actor | null, slug: string) {
	const { event, spaces, canManage } = await visibleEvent(ctx, actor, slug);
	const items = await ctx.db
		.select({
			item: minutesItems,
			actionTitle: roadmapActions.title,
			actionSpaceId: roadmapActions.spaceId
		})
		.from(minutesItems)
		.leftJoin(roadmapActions, eq(roadmapActions.id, minutesItems.roadmapActionId))
		.where(eq(minutesItems.eventId, event.id))
		.orderBy(asc(minutesItems.position), asc(minutesItems.createdAt));
	const decisions = await ctx.db
		.select({
			id: spaceDecisions.id,
			spaceId: spaceDecisions.spaceId,
			text: spaceDecisions.decision
		})
		.from(spaceDecisions)
		.where(eq(spaceDecisions.eventId, event.id));
	const objectives = spaces.length
		? await ctx.db
				.select({
					id: spaceObjectives.id,
					title: spaceObjectives.title,
					spaceId: spaceObjectives.spaceId
				})
				.from(spaceObjectives)
				.where(
					inArray(
						spaceObjectives.spaceId,
						spaces.map((s) => s.id)
					)
				)
				.orderBy(asc(spaceObjectives.kind), asc(spaceObjectives.position))
		: [];
	const slugOf = (id: string | null) => spaces.find((s) => s.id === id)?.slug ?? null;
	return {
		event,
		spaces,
		canManage,
		minutesHtml: event.minutes ? renderMarkdown(event.minutes) : null,
		attachments: await listAttachments(ctx, event.id),
		objectives: objectives.map((o) => ({
			...o,
			space: spaces.find((s) => s.id === o.spaceId)!
		})),
		items: items.map(({ item, actionTitle, actionSpaceId }) => {
			// No column links a minutes decision to its entry: the meeting and the text do.
			const recorded = decisions.filter((d) => d.text === item.text);
			const sentSlug = slugOf(actionSpaceId);
			return {
				...item,
				sent:
					item.roadmapActionId && sentSlug
						? { title: actionTitle ?? '', href: actionPath(sentSlug, item.roadmapActionId) }
						: null,
				recordedIn: recorded.map((d) => ({
					spaceId: d.spaceId,
					href: `${decisionsPath(slugOf(d.spaceId) ?? '')}#decision-${d.id}`
				}))
			};
		})
	};
}

/** The minutes rendered as they will show, for their organisers while writing. */
export async function previewMinutes(ctx: Ctx, actor: Actor | null, slug: string, raw: unknown) {
	await managedEvent(ctx, actor, slug);
	const { minutes } = validate(minutesInput, raw);
	return renderMarkdown(minutes ?? '');
}

export async function saveMinutes(ctx: Ctx, actor: Actor | null, slug: string, raw: unknown) {
	const { event } = await managedEvent(ctx, actor, slug);
	const { minutes } = validate(minutesInput, raw);
	await ctx.db
		.update(events)
		.set({ minutes, updatedAt: new Date() })
		.where(eq(events.id, event.id));
}

export async function addMinutesItem(ctx: Ctx, actor: Actor | null, slug: string, raw: unknown) {
	const { event, actor: who } = await managedEvent(ctx, actor, slug);
	const input = validate(minutesItemInput, raw);
	const existing = await ctx.db
		.select({ id: minutesItems.id })
		.from(minutesItems)
		.where(eq(minutesItems.eventId, event.id));
	const [row] = await ctx.db
		.insert(minutesItems)
		.values({
			...input,
			owner: input.kind === 'action' ? input.owner : null,
			dueDate: input.kind === 'action' ? input.dueDate : null,
			eventId: event.id,
			position: existing.length,
			createdBy: who.userId
		})
		.returning();
	return row!;
}

async function itemOf(db: Db, eventId: string, id: string, lock = false) {
	assertUuid(id, 'Élément introuvable.');
	const q = db
		.select()
		.from(minutesItems)
		.where(and(eq(minutesItems.id, id), eq(minutesItems.eventId, eventId)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError('Élément introuvable.');
	return row;
}

export async function removeMinutesItem(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
	const { event } = await managedEvent(ctx, actor, slug);
	const item = await itemOf(ctx.db, event.id, id);
	if (item.roadmapActionId) {
		throw new ValidationError(
			{},
			'Cette action est déjà dans la feuille de route : modifiez-la là-bas.'
		);
	}
	await ctx.db.delete(minutesItems).where(eq(minutesItems.id, item.id));
}

/**
 * Sends an action to the feuille de route of the space owning the chosen objective, once: the
 * item row is locked so that two clicks cannot create two actions.
 */
export async function sendActionToRoadmap(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	objectiveId: string
) {
	const { event, spaces } = await managedEvent(ctx, actor, slug);
	if (!objectiveId) throw new ValidationError({ objectiveId: 'Choisissez un objectif.' });
	assertUuid(objectiveId, 'Objectif introuvable.');
	const [objective] = await ctx.db
		.select({ spaceId: spaceObjectives.spaceId })
		.from(spaceObjectives)
		.where(eq(spaceObjectives.id, objectiveId));
	const space = spaces.find((s) => s.id === objective?.spaceId);
	if (!space) {
		throw new ValidationError({
			objectiveId: 'Choisissez un objectif d’un des espaces organisateurs.'
		});
	}
	return ctx.db.transaction(async (tx) => {
		const item = await itemOf(tx, event.id, id, true);
		if (item.kind !== 'action') {
			throw new ValidationError({}, 'Seule une action peut aller dans la feuille de route.');
		}
		if (item.roadmapActionId) {
			throw new ValidationError({}, 'Cette action a déjà été envoyée à la feuille de route.');
		}
		const day = formatDate(instantToLocalDate(event.startsAt, event.timeZone));
		const origin = `Issue du compte-rendu de « ${event.title} » du ${day}.`;
		const action = await createAction({ ...ctx, db: tx as unknown as Db }, actor, space.slug, {
			title: item.text,
			description: item.owner ? `${origin}\nPorté par : ${item.owner}.` : origin,
			dueDate: item.dueDate ?? undefined,
			objectiveId,
			status: 'a_faire'
		});
		await tx
			.update(minutesItems)
			.set({ roadmapActionId: action.id })
			.where(eq(minutesItems.id, item.id));
		return { action, href: actionPath(space.slug, action.id) };
	});
}

/** Writes a decision of the minutes into an organising space's relevé, dated from the meeting. */
export async function recordDecision(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	spaceId: string
) {
	const { event, spaces } = await managedEvent(ctx, actor, slug);
	const space = spaces.find((s) => s.id === spaceId);
	if (!space) throw new ValidationError({ spaceId: 'Choisissez un des espaces organisateurs.' });
	const item = await itemOf(ctx.db, event.id, id);
	if (item.kind !== 'decision') {
		throw new ValidationError({}, 'Seule une décision va au relevé de décisions.');
	}
	const [already] = await ctx.db
		.select({ id: spaceDecisions.id })
		.from(spaceDecisions)
		.where(
			and(
				eq(spaceDecisions.eventId, event.id),
				eq(spaceDecisions.spaceId, space.id),
				eq(spaceDecisions.decision, item.text)
			)
		);
	if (already) throw new ValidationError({}, 'Cette décision est déjà au relevé de cet espace.');
	return ctx.db.transaction(async (tx) => {
		const t = { ...ctx, db: tx as unknown as Db };
		const row = await createDecision(t, actor, space.slug, {
			date: instantToLocalDate(event.startsAt, event.timeZone),
			decision: item.text,
			details: `Prise lors de « ${event.title} ».`,
			status: 'adoptee'
		});
		await tx.update(spaceDecisions).set({ eventId: event.id }).where(eq(spaceDecisions.id, row.id));
		return row;
	});
}
