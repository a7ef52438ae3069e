/** The agenda's basic reads and writes, shared by its services, the seed and the tests. */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { eventSpaces, events, spaces } from '../../server/db/schema';

export type EventRow = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;

/** Inserts an event and its organising spaces (in the caller's transaction if any). */
export async function insertEvent(
	db: Ctx['db'],
	values: NewEvent,
	spaceIds: string[] = []
): Promise<EventRow> {
	const [row] = await db.insert(events).values(values).returning();
	if (spaceIds.length > 0) {
		await db.insert(eventSpaces).values(spaceIds.map((spaceId) => ({ eventId: row!.id, spaceId })));
	}
	return row!;
}

/** A free slug: the wanted one, else with « -2 », « -3 »… */
export async function freeEventSlug(db: Ctx['db'], wanted: string): Promise<string> {
	const taken = await db
		.select({ slug: events.slug })
		.from(events)
		.where(
			inArray(events.slug, [wanted, ...Array.from({ length: 20 }, (_, i) => `${wanted}-${i + 2}`)])
		);
	const set = new Set(taken.map((t) => t.slug));
	if (!set.has(wanted)) return wanted;
	for (let i = 2; i <= 21; i++) if (!set.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
	return `${wanted}-${randomUUID().slice(0, 8)}`;
}

export async function eventBySlug(db: Ctx['db'], slug: string): Promise<EventRow | undefined> {
	const [row] = await db.select().from(events).where(eq(events.slug, slug));
	return row;
}

/** The organising spaces of an event, with what pages need to link to them. */
export async function spacesOfEvent(db: Ctx['db'], eventId: string) {
	return db
		.select({
			id: spaces.id,
			slug: spaces.slug,
			title: spaces.title,
			shortTitle: spaces.shortTitle
		})
		.from(eventSpaces)
		.innerJoin(spaces, eq(spaces.id, eventSpaces.spaceId))
		.where(and(eq(eventSpaces.eventId, eventId)))
		.orderBy(spaces.number, spaces.title);
}
