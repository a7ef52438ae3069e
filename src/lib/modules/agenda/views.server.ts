/**
 * The agenda's views: upcoming and past lists, the month calendar, a space's agenda and
 * « Mes inscriptions ». Every query keeps only the events the actor may see (canSeeEvent).
 */
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { events, registrations, spaces } from '../../server/db/schema';
import { atLeast, isMember, type Actor } from '../../server/auth/policy';
import { NotFoundError, UnauthenticatedError } from '../../server/errors';
import { canCreateEvent } from './policy';
import { gridRange, monthKey, monthWeeks, placeEvents, shiftMonth, type Month } from './calendar';
import type { EventItem } from './event-item';
import { DEFAULT_TIME_ZONE, localToInstant } from './time';
import type { ViewFilters } from './view-filters';
import { countItems, itemColumns, selectItems, visibleTo, withSpaces } from './views-query.server';

export const PAGE_SIZE = 20;
const NO_FILTERS: ViewFilters = { kinds: [], space: null };

interface ListOptions {
	page?: number;
	now?: Date;
	pageSize?: number;
}

/** Upcoming (not yet ended, soonest first) or past (latest first) events, a page of them. */
export async function listEvents(
	ctx: Ctx,
	actor: Actor | null,
	when: 'upcoming' | 'past',
	filters: ViewFilters,
	{ page = 1, now = new Date(), pageSize = PAGE_SIZE }: ListOptions = {}
) {
	const cut = when === 'upcoming' ? [gt(events.endsAt, now)] : [lte(events.endsAt, now)];
	const order =
		when === 'upcoming'
			? [asc(events.startsAt), asc(events.id)]
			: [desc(events.startsAt), desc(events.id)];
	const [rows, total] = await Promise.all([
		selectItems(ctx, actor, filters, cut)
			.orderBy(...order)
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		countItems(ctx, actor, filters, cut)
	]);
	return {
		events: (await withSpaces(ctx, rows)) as EventItem[],
		page,
		pageCount: Math.max(1, Math.ceil(total / pageSize)),
		total
	};
}

/** The spaces offered by the filters, chantiers first as on /chantiers. */
export async function filterSpaces(ctx: Ctx) {
	return ctx.db
		.select({
			slug: spaces.slug,
			label: sql<string>`coalesce(${spaces.shortTitle}, ${spaces.title})`
		})
		.from(spaces)
		.orderBy(sql`${spaces.kind} = 'copil'`, asc(spaces.number), asc(spaces.title));
}

/** Whether the actor may propose an event at all: coordination, or a référent·e of a space. */
export const canProposeEvent = (actor: Actor | null) =>
	atLeast(actor, 'coordination') ||
	Object.entries(actor?.spaceRoles ?? {}).some(
		([id, roles]) => roles.includes('referent') && canCreateEvent(actor, [id])
	);

/** /agenda and /agenda/passes: a page of events, the filter choices and the actor's rights. */
export async function agendaList(
	ctx: Ctx,
	actor: Actor | null,
	when: 'upcoming' | 'past',
	filters: ViewFilters,
	options: ListOptions = {}
) {
	const [list, spaceChoices] = await Promise.all([
		listEvents(ctx, actor, when, filters, options),
		filterSpaces(ctx)
	]);
	return { ...list, spaceChoices, canPropose: canProposeEvent(actor) };
}

/**
 * The month calendar: every visible event overlapping the grid's weeks (neighbour months'
 * days included), placed on each day it covers. Two queries: the events, then their spaces.
 */
export async function monthView(
	ctx: Ctx,
	actor: Actor | null,
	month: Month,
	filters: ViewFilters = NO_FILTERS
) {
	const { from, to } = gridRange(month);
	const monthStart = localToInstant(`${monthKey(month)}-01`, DEFAULT_TIME_ZONE)!;
	const monthEnd = localToInstant(`${monthKey(shiftMonth(month, 1))}-01`, DEFAULT_TIME_ZONE)!;
	// Overlap (starts before the end, ends after the start), written so that the index on
	// starts_at serves both halves: events starting in the grid, and earlier ones still running.
	const overlap = or(
		and(gte(events.startsAt, from), lt(events.startsAt, to)),
		and(lt(events.startsAt, from), gt(events.endsAt, from))
	)!;
	const rows = await selectItems(ctx, actor, filters, [overlap]).orderBy(
		asc(events.startsAt),
		asc(events.id)
	);
	const items = (await withSpaces(ctx, rows)) as EventItem[];
	const weeks = monthWeeks(month);
	const byDay = placeEvents(weeks, items);
	return {
		month: monthKey(month),
		previous: monthKey(shiftMonth(month, -1)),
		next: monthKey(shiftMonth(month, 1)),
		weeks: weeks.map((w) => w.map((d) => ({ ...d, events: byDay.get(d.date) ?? [] }))),
		// The month itself, for the list under the grid (the grid also shows neighbours' days).
		events: items.filter((e) => e.endsAt > monthStart && e.startsAt < monthEnd)
	};
}

/** A space's agenda: its upcoming events (a page) and the latest past ones. */
export async function spaceAgenda(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	options: ListOptions & { pastCount?: number } = {}
) {
	const [space] = await ctx.db
		.select({
			id: spaces.id,
			slug: spaces.slug,
			title: spaces.title,
			number: spaces.number,
			kind: spaces.kind
		})
		.from(spaces)
		.where(eq(spaces.slug, slug));
	if (!space) throw new NotFoundError('Espace introuvable.');
	const filters: ViewFilters = { kinds: [], space: slug };
	const [upcoming, past] = await Promise.all([
		listEvents(ctx, actor, 'upcoming', filters, options),
		listEvents(ctx, actor, 'past', filters, { now: options.now, pageSize: options.pastCount ?? 10 })
	]);
	return { space, upcoming, past, canCreate: canCreateEvent(actor, [space.id]) };
}

export const ACTIVE_REGISTRATION = ['confirmee', 'liste_attente', 'a_confirmer'] as const;

/** « Mes inscriptions »: the actor's current registrations, upcoming first then past. */
export async function myRegistrations(ctx: Ctx, actor: Actor | null, now = new Date()) {
	if (!isMember(actor)) throw new UnauthenticatedError();
	// Place on the waiting list: those queued before, in the order they will be promoted.
	const position = sql<number | null>`case when ${registrations.status} = 'liste_attente' then (
		select count(*)::int + 1 from event_registrations w
		where w.event_id = ${registrations.eventId} and w.status = 'liste_attente'
		and (w.queued_at, w.id) < (${registrations.queuedAt}, ${registrations.id})) end`;
	const rows = await ctx.db
		.select({
			...itemColumns,
			registrationId: registrations.id,
			registrationStatus: registrations.status,
			position
		})
		.from(registrations)
		.innerJoin(events, eq(events.id, registrations.eventId))
		.where(
			and(
				eq(registrations.userId, actor.userId),
				inArray(registrations.status, [...ACTIVE_REGISTRATION]),
				visibleTo(actor)
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id));
	const items = await withSpaces(ctx, rows);
	type Registered = EventItem & {
		registrationId: string;
		registrationStatus: (typeof ACTIVE_REGISTRATION)[number];
		position: number | null;
	};
	const all = items as Registered[];
	return {
		upcoming: all.filter((e) => e.endsAt > now),
		past: all.filter((e) => e.endsAt <= now).reverse()
	};
}
