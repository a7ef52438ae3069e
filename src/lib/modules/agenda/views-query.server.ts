/**
 * The SQL shared by the agenda's views: who sees which event (the rules of canSeeEvent, in
 * the query so that pages and counts stay exact), the filters, and the columns a list shows.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { eventSpaces, events, geoCommunes, spaces } from '../../server/db/schema';
import { atLeast, type Actor } from '../../server/auth/policy';
import type { ViewFilters } from './view-filters';

/** canSeeEvent as a condition on `events`. */
export function visibleTo(actor: Actor | null): SQL {
	if (!actor) return sql`${events.visibility} = 'public'`;
	if (atLeast(actor, 'coordination')) return sql`true`;
	const mine = Object.entries(actor.spaceRoles)
		.filter(([, roles]) => roles.length > 0)
		.map(([id]) => sql`${id}::uuid`);
	if (mine.length === 0) return sql`${events.visibility} <> 'space'`;
	return sql`(${events.visibility} <> 'space' or exists (
		select 1 from ${eventSpaces} es
		where es.event_id = ${events.id} and es.space_id in (${sql.join(mine, sql`, `)})))`;
}

/** The filters of the address as conditions on `events`. */
export function filtered(filters: ViewFilters): SQL[] {
	const where: SQL[] = [];
	if (filters.kinds.length > 0) where.push(inArray(events.kind, filters.kinds));
	if (filters.space) {
		where.push(sql`exists (
			select 1 from ${eventSpaces} es join ${spaces} s on s.id = es.space_id
			where es.event_id = ${events.id} and s.slug = ${filters.space})`);
	}
	return where;
}

/** What a list item shows, and nothing more (no description, no minutes). */
export const itemColumns = {
	id: events.id,
	slug: events.slug,
	kind: events.kind,
	title: events.title,
	startsAt: events.startsAt,
	endsAt: events.endsAt,
	allDay: events.allDay,
	timeZone: events.timeZone,
	placeName: events.placeName,
	address: events.address,
	// A subquery on the key, not a join: a join makes PostgreSQL hash all 35,000 communes.
	commune: sql<
		string | null
	>`(select c.nom from ${geoCommunes} c where c.code = ${events.communeInsee})`,
	onlineUrl: events.onlineUrl,
	status: events.status,
	visibility: events.visibility,
	isExample: events.isExample
};

export interface EventSpace {
	slug: string;
	/** The space's short title, else its title. */
	label: string;
}

type ItemRow = { id: string; commune: string | null } & Record<string, unknown>;

/** The events' rows with their organising spaces (one query for all of them). */
export async function withSpaces<R extends ItemRow>(ctx: Ctx, rows: R[]) {
	const ids = rows.map((r) => r.id);
	const links =
		ids.length === 0
			? []
			: await ctx.db
					.select({
						eventId: eventSpaces.eventId,
						slug: spaces.slug,
						label: sql<string>`coalesce(${spaces.shortTitle}, ${spaces.title})`
					})
					.from(eventSpaces)
					.innerJoin(spaces, eq(spaces.id, eventSpaces.spaceId))
					.where(inArray(eventSpaces.eventId, ids))
					.orderBy(spaces.number, spaces.title);
	const byEvent = new Map<string, EventSpace[]>();
	for (const l of links) {
		const list = byEvent.get(l.eventId) ?? [];
		list.push({ slug: l.slug, label: l.label });
		byEvent.set(l.eventId, list);
	}
	return rows.map((r) => ({ ...r, spaces: byEvent.get(r.id) ?? [] }));
}

/** Select of list items; `where` gets the visibility and filters. */
export function selectItems(ctx: Ctx, actor: Actor | null, filters: ViewFilters, more: SQL[]) {
	return ctx.db
		.select(itemColumns)
		.from(events)
		.where(and(visibleTo(actor), ...filtered(filters), ...more));
}

export async function countItems(ctx: Ctx, actor: Actor | null, filters: ViewFilters, more: SQL[]) {
	const [row] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(events)
		.where(and(visibleTo(actor), ...filtered(filters), ...more));
	return row?.n ?? 0;
}
