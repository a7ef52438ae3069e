/**
 * The rows a calendar file is built from: events (one query), their series (one query) and
 * the names of their organising spaces (one query), whatever the number of events.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import { eventSeries, eventSpaces, events, geoCommunes, spaces } from '../../../server/db/schema';
import type { CalendarOptions, IcsEvent, IcsSeries } from './build';

const columns = {
	id: events.id,
	slug: events.slug,
	kind: events.kind,
	title: events.title,
	description: events.description,
	startsAt: events.startsAt,
	endsAt: events.endsAt,
	allDay: events.allDay,
	timeZone: events.timeZone,
	placeName: events.placeName,
	address: events.address,
	commune: sql<
		string | null
	>`(select c.nom from ${geoCommunes} c where c.code = ${events.communeInsee})`,
	onlineUrl: events.onlineUrl,
	status: events.status,
	seriesId: events.seriesId,
	recurrenceId: events.recurrenceId,
	detached: events.detached,
	sequence: events.sequence,
	createdAt: events.createdAt,
	updatedAt: events.updatedAt
};

export interface CalendarRows {
	events: IcsEvent[];
	series: IcsSeries[];
	/** The organising spaces' ids, by event. */
	spaceIds?: Map<string, string[]>;
}

/** Events matching `where`, with their spaces, and the series of those in one. */
export async function calendarRows(
	ctx: Ctx,
	where: SQL | undefined,
	opts: { withSeries?: boolean } = {}
): Promise<CalendarRows> {
	const rows: IcsEvent[] = await ctx.db
		.select(columns)
		.from(events)
		.where(where)
		.orderBy(asc(events.startsAt), asc(events.id));
	if (rows.length === 0) return { events: [], series: [] };
	const ids = rows.map((r) => r.id);
	const seriesIds = [...new Set(rows.map((r) => r.seriesId).filter((id) => id !== null))];
	const [links, series] = await Promise.all([
		ctx.db
			.select({
				eventId: eventSpaces.eventId,
				spaceId: eventSpaces.spaceId,
				label: sql<string>`coalesce(${spaces.shortTitle}, ${spaces.title})`
			})
			.from(eventSpaces)
			.innerJoin(spaces, eq(spaces.id, eventSpaces.spaceId))
			.where(sql`${eventSpaces.eventId} = any(${`{${ids.join(',')}}`}::uuid[])`)
			.orderBy(spaces.number, spaces.title),
		opts.withSeries === false || seriesIds.length === 0
			? Promise.resolve([] as IcsSeries[])
			: ctx.db
					.select()
					.from(eventSeries)
					.where(and(inArray(eventSeries.id, seriesIds)))
	]);
	const byEvent = new Map<string, string[]>();
	const spaceIds = new Map<string, string[]>();
	for (const l of links) {
		byEvent.set(l.eventId, [...(byEvent.get(l.eventId) ?? []), l.label]);
		spaceIds.set(l.eventId, [...(spaceIds.get(l.eventId) ?? []), l.spaceId]);
	}
	for (const r of rows) r.spaces = byEvent.get(r.id) ?? [];
	return { events: rows, series, spaceIds };
}

/** Site address and UID host: UIDs name the site (ORIGIN), else « chantiers ». */
export function calendarSite(ctx: Ctx): Pick<CalendarOptions, 'baseUrl' | 'uidHost'> {
	let uidHost = 'chantiers';
	if (ctx.env.ORIGIN) uidHost = new URL(ctx.env.ORIGIN).host;
	return { baseUrl: ctx.env.baseUrl, uidHost };
}

/** The address part of MAIL_FROM (« Nom <adresse> » or « adresse »), as the organiser. */
export function calendarOrganizer(ctx: Ctx): { name: string; email: string } | undefined {
	const m = /^\s*(?:"?([^"<]*)"?\s*)?<([^>]+)>\s*$/.exec(ctx.env.MAIL_FROM);
	const email = (m?.[2] ?? ctx.env.MAIL_FROM).trim();
	if (!email.includes('@')) return undefined;
	return { name: m?.[1]?.trim() || 'Chantiers', email };
}
