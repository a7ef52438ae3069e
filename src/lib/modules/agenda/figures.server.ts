/**
 * Figures of the agenda for a period, overall and per space: meetings by kind (past, not
 * cancelled), distinct participants, hours given and volunteer / paid hours. The yearly Bilan
 * reads them too. Only aggregates leave this service, so they cover every event, whatever its
 * visibility.
 */
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { attendance, eventSpaces, events, registrations, spaces } from '../../server/db/schema';
import {
	aggregate,
	emptyFigures,
	type FigureAttendance,
	type FigureEvent,
	type Figures,
	type FiguresFilters
} from './figures';
import { plannedMinutes } from './hours';

export interface FiguresPeriod {
	/** Local days in Europe/Paris, inclusive (« 2024-01-01 »); null leaves that side open. */
	from: string | null;
	to: string | null;
	/** Only this space's events (its id). */
	spaceId?: string | null;
}

export interface SpaceFigures {
	space: {
		id: string;
		slug: string;
		title: string;
		shortTitle: string | null;
		number: number | null;
	};
	figures: Figures;
}

const localDay = sql`(${events.startsAt} at time zone 'Europe/Paris')::date`;

/** The events and attendance rows the figures of a period are made of. */
async function rowsOf(ctx: Ctx, period: FiguresPeriod, now: Date) {
	const where = [ne(events.status, 'annule'), lte(events.startsAt, now)];
	if (period.from) where.push(sql`${localDay} >= ${period.from}::date`);
	if (period.to) where.push(sql`${localDay} <= ${period.to}::date`);
	if (period.spaceId) {
		where.push(
			inArray(
				events.id,
				ctx.db
					.select({ id: eventSpaces.eventId })
					.from(eventSpaces)
					.where(eq(eventSpaces.spaceId, period.spaceId))
			)
		);
	}
	const rows = await ctx.db
		.select({
			id: events.id,
			kind: events.kind,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			allDay: events.allDay,
			recorded: events.attendanceMinutes,
			spaceIds: sql<
				string[]
			>`coalesce((select array_agg(${eventSpaces.spaceId}) from ${eventSpaces} where ${eventSpaces.eventId} = ${events.id}), '{}')`
		})
		.from(events)
		.where(and(...where));
	const list: FigureEvent[] = rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		spaceIds: r.spaceIds,
		plannedMinutes: plannedMinutes(r.startsAt, r.endsAt, r.allDay),
		recordedMinutes: r.recorded
	}));
	const ids = list.map((e) => e.id);
	const people: FigureAttendance[] = ids.length
		? await ctx.db
				.select({
					eventId: attendance.eventId,
					// A member by account; a guest by the email of their registration, else their name.
					participant: sql<string>`coalesce('u:' || ${attendance.userId}::text, 'e:' || lower(${registrations.email}), 'n:' || lower(trim(${attendance.name})))`,
					timeKind: attendance.timeKind,
					minutes: attendance.minutes
				})
				.from(attendance)
				.leftJoin(registrations, eq(registrations.id, attendance.registrationId))
				.where(inArray(attendance.eventId, ids))
		: [];
	return { list, people };
}

/** The figures of a period (or of one space over it). */
export async function periodFigures(
	ctx: Ctx,
	period: FiguresPeriod,
	now = new Date()
): Promise<Figures> {
	const { list, people } = await rowsOf(ctx, period, now);
	return aggregate(list, people, period.spaceId ?? undefined);
}

/** Overall and per-space figures of a period; spaces without any meeting in it are left out. */
export async function figuresBySpace(
	ctx: Ctx,
	period: Omit<FiguresPeriod, 'spaceId'>,
	now = new Date()
): Promise<{ overall: Figures; spaces: SpaceFigures[] }> {
	const { list, people } = await rowsOf(ctx, period, now);
	const all = await ctx.db
		.select({
			id: spaces.id,
			slug: spaces.slug,
			title: spaces.title,
			shortTitle: spaces.shortTitle,
			number: spaces.number
		})
		.from(spaces)
		.orderBy(sql`${spaces.number} nulls last`, asc(spaces.title));
	return {
		overall: aggregate(list, people),
		spaces: all
			.map((space) => ({ space, figures: aggregate(list, people, space.id) }))
			.filter((s) => s.figures.meetingsTotal > 0)
	};
}

/** What the public figures page shows for its filters: only aggregates. */
export async function figuresPage(ctx: Ctx, filters: FiguresFilters, now = new Date()) {
	const period = { from: filters.from, to: filters.to };
	const { overall, spaces: bySpace } = await figuresBySpace(ctx, period, now);
	const allSpaces = await ctx.db
		.select({
			id: spaces.id,
			slug: spaces.slug,
			title: spaces.title,
			shortTitle: spaces.shortTitle
		})
		.from(spaces)
		.orderBy(sql`${spaces.number} nulls last`, asc(spaces.title));
	const chosen = allSpaces.find((s) => s.slug === filters.space) ?? null;
	const years = await ctx.db
		.selectDistinct({ year: sql<number>`extract(year from ${localDay})::int` })
		.from(events)
		.where(and(ne(events.status, 'annule'), lte(events.startsAt, now)))
		.orderBy(sql`1 desc`);
	const [examples] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(events)
		.where(and(eq(events.isExample, true), ne(events.status, 'annule'), lte(events.startsAt, now)));
	return {
		filters,
		space: chosen,
		figures: chosen
			? (bySpace.find((s) => s.space.id === chosen.id)?.figures ?? emptyFigures())
			: overall,
		bySpace,
		spaces: allSpaces,
		years: years.map((y) => y.year),
		hasExamples: (examples?.n ?? 0) > 0
	};
}
