/**
 * The organisers' programme editor: timed items added, edited, removed and reordered. Items
 * stay within the event's times; a workshop may have places (chosen by those registered).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { programmeItems } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { parseProgrammeItem } from './programme';
import { managedEvent } from './service.server';
import { instantToLocal } from './time';

export async function programmeEditor(ctx: Ctx, actor: Actor | null, slug: string) {
	const { event } = await managedEvent(ctx, actor, slug);
	const items = await ctx.db
		.select()
		.from(programmeItems)
		.where(eq(programmeItems.eventId, event.id))
		.orderBy(asc(programmeItems.startsAt), asc(programmeItems.position));
	const local = (d: Date) => instantToLocal(d, event.timeZone);
	return {
		event: {
			slug: event.slug,
			title: event.title,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			allDay: event.allDay,
			startLocal: local(event.startsAt)
		},
		items: items.map((i) => ({
			...i,
			values: {
				id: i.id,
				kind: i.kind,
				title: i.title,
				description: i.description ?? '',
				start: local(i.startsAt),
				end: local(i.endsAt),
				room: i.room ?? '',
				onlineUrl: i.onlineUrl ?? '',
				capacity: i.capacity === null ? '' : String(i.capacity)
			}
		}))
	};
}

function parsed(raw: unknown, event: { startsAt: Date; endsAt: Date; timeZone: string }) {
	const r = parseProgrammeItem(raw, event);
	if (!r.ok) throw new ValidationError(r.errors);
	return r.value;
}

export async function addProgrammeItem(ctx: Ctx, actor: Actor | null, slug: string, raw: unknown) {
	const { event } = await managedEvent(ctx, actor, slug);
	const value = parsed(raw, event);
	const count = await ctx.db.$count(programmeItems, eq(programmeItems.eventId, event.id));
	const [row] = await ctx.db
		.insert(programmeItems)
		.values({ ...value, eventId: event.id, position: count })
		.returning();
	return row!;
}

async function ownItem(ctx: Ctx, eventId: string, id: unknown) {
	const itemId = typeof id === 'string' ? id : null;
	assertUuid(itemId, 'Moment du programme introuvable.');
	const [item] = await ctx.db
		.select()
		.from(programmeItems)
		.where(and(eq(programmeItems.id, itemId), eq(programmeItems.eventId, eventId)));
	if (!item) throw new NotFoundError('Moment du programme introuvable.');
	return item;
}

export async function updateProgrammeItem(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	raw: Record<string, unknown>
) {
	const { event } = await managedEvent(ctx, actor, slug);
	const item = await ownItem(ctx, event.id, raw.id);
	const value = parsed(raw, event);
	await ctx.db.update(programmeItems).set(value).where(eq(programmeItems.id, item.id));
}

export async function removeProgrammeItem(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	raw: Record<string, unknown>
) {
	const { event } = await managedEvent(ctx, actor, slug);
	const item = await ownItem(ctx, event.id, raw.id);
	await ctx.db.delete(programmeItems).where(eq(programmeItems.id, item.id));
}

/** Moves an item before or after its neighbour among the items of the same start. */
export async function moveProgrammeItem(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	raw: Record<string, unknown>
) {
	const { event } = await managedEvent(ctx, actor, slug);
	const item = await ownItem(ctx, event.id, raw.id);
	await ctx.db.transaction(async (tx) => {
		const same = await tx
			.select({ id: programmeItems.id })
			.from(programmeItems)
			.where(and(eq(programmeItems.eventId, event.id), eq(programmeItems.startsAt, item.startsAt)))
			.orderBy(asc(programmeItems.position), asc(programmeItems.id))
			.for('update');
		const at = same.findIndex((s) => s.id === item.id);
		const to = raw.direction === 'up' ? at - 1 : at + 1;
		if (to < 0 || to >= same.length) return;
		[same[at], same[to]] = [same[to]!, same[at]!];
		for (const [position, s] of same.entries()) {
			await tx.update(programmeItems).set({ position }).where(eq(programmeItems.id, s.id));
		}
	});
}
