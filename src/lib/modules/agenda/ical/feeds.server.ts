/**
 * Subscribable iCalendar feeds: the public agenda, a space's public events, and a person's
 * own feed behind a secret token. Each holds the upcoming events and those of the last six
 * months; visibility is the query's (visibleTo, the SQL form of canSeeEvent).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import type { Actor, SpaceRole } from '../../../server/auth/policy';
import { isMember } from '../../../server/auth/policy';
import {
	calendarFeedTokens,
	eventSpaces,
	events,
	registrations,
	spaceMembers,
	spaces,
	users
} from '../../../server/db/schema';
import { NotFoundError, UnauthenticatedError } from '../../../server/errors';
import { visibleTo } from '../views-query.server';
import { buildCalendar, type IcsEvent } from './build';
import { calendarRows, calendarSite, type CalendarRows } from './rows.server';

/** How far back a feed goes. */
export const FEED_PAST_DAYS = 183;
/** What subscribers are asked to keep between two refreshes. */
const REFRESH_SECONDS = 3600;

export interface Feed {
	body: string;
	/** Strong validator of the body. */
	etag: string;
	lastModified: Date;
	/** Number of event rows read. */
	count: number;
}

const since = (now: Date) => new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);

function toFeed(ctx: Ctx, rows: CalendarRows, name: string, description: string): Feed {
	const body = buildCalendar(rows.events, rows.series, {
		...calendarSite(ctx),
		name,
		description,
		method: 'PUBLISH',
		refreshSeconds: REFRESH_SECONDS
	});
	const times = [...rows.events, ...rows.series].map((r) => r.updatedAt.getTime());
	return {
		body,
		etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
		lastModified: new Date(times.length > 0 ? Math.max(...times) : 0),
		count: rows.events.length
	};
}

/**
 * A feed of the events matching `where` within the window: one query for the events, one
 * for their series, one for their spaces, and one for the hidden occurrences of those series
 * (the benchmark calls this with 1,000 events).
 */
export async function buildFeed(
	ctx: Ctx,
	where: SQL | undefined,
	meta: { name: string; description: string },
	now = new Date()
): Promise<Feed> {
	const rows = await feedRows(ctx, where, now);
	return toFeed(ctx, rows, meta.name, meta.description);
}

/**
 * The window's rows matching `where`. A series' occurrences that do not match (another
 * visibility, edited on their own) become EXDATEs: the RRULE must not give their times.
 */
async function feedRows(ctx: Ctx, where: SQL | undefined, now: Date): Promise<CalendarRows> {
	const rows = await calendarRows(ctx, and(gte(events.endsAt, since(now)), where));
	if (rows.series.length === 0) return rows;
	const hidden = await ctx.db
		.select({ seriesId: events.seriesId, recurrenceId: events.recurrenceId })
		.from(events)
		.where(
			and(
				inArray(
					events.seriesId,
					rows.series.map((s) => s.id)
				),
				isNotNull(events.recurrenceId),
				where ? sql`not coalesce((${where}), false)` : sql`false`
			)
		);
	if (hidden.length === 0) return rows;
	const series = rows.series.map((s) => {
		const more = hidden.filter((h) => h.seriesId === s.id).map((h) => h.recurrenceId!);
		return more.length > 0 ? { ...s, exdates: [...s.exdates, ...more] } : s;
	});
	return { ...rows, series };
}

/** /agenda.ics: every public event. */
export function publicFeed(ctx: Ctx, now = new Date()): Promise<Feed> {
	return buildFeed(
		ctx,
		visibleTo(null),
		{ name: 'Agenda des chantiers', description: 'Les événements publics de la démarche.' },
		now
	);
}

/** /chantiers/[slug]/agenda.ics: the public events a space organises. */
export async function spaceFeed(ctx: Ctx, slug: string, now = new Date()): Promise<Feed> {
	const [space] = await ctx.db
		.select({ id: spaces.id, title: spaces.title, shortTitle: spaces.shortTitle })
		.from(spaces)
		.where(eq(spaces.slug, slug));
	if (!space) throw new NotFoundError();
	const label = space.shortTitle ?? space.title;
	return buildFeed(
		ctx,
		and(
			visibleTo(null),
			sql`exists (select 1 from ${eventSpaces} es where es.event_id = ${events.id} and es.space_id = ${space.id})`
		),
		{ name: `Agenda — ${label}`, description: `Les événements publics de ${space.title}.` },
		now
	);
}

/** The token's owner as an actor (role and space roles), or null for an unknown token. */
async function ownerOf(ctx: Ctx, token: string): Promise<Actor | null> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const [row] = await ctx.db
		.select({
			userId: users.id,
			role: users.role,
			memberships: sql<{ spaceId: string; role: SpaceRole }[]>`coalesce((
				select json_agg(json_build_object('spaceId', ${spaceMembers.spaceId}, 'role', ${spaceMembers.role}))
				from ${spaceMembers}
				where ${spaceMembers.userId} = ${users.id} and ${spaceMembers.until} is null
			), '[]'::json)`
		})
		.from(calendarFeedTokens)
		.innerJoin(users, eq(users.id, calendarFeedTokens.userId))
		.where(and(eq(calendarFeedTokens.token, token), eq(users.status, 'active')));
	if (!row) return null;
	const spaceRoles: Actor['spaceRoles'] = {};
	for (const m of row.memberships) (spaceRoles[m.spaceId] ??= []).push(m.role);
	return { userId: row.userId, role: row.role, spaceRoles };
}

/**
 * /agenda/flux/[token].ics: the events of my spaces that I may see, and those I registered
 * for (confirmed or waiting). An occurrence that is there only through a registration is
 * written on its own, not as its whole series.
 */
export async function personalFeed(ctx: Ctx, token: string, now = new Date()): Promise<Feed> {
	const actor = await ownerOf(ctx, token);
	if (!actor) throw new NotFoundError();
	const mine = Object.keys(actor.spaceRoles).map((id) => sql`${id}::uuid`);
	const inMySpaces =
		mine.length === 0
			? sql`false`
			: sql`exists (select 1 from ${eventSpaces} es where es.event_id = ${events.id}
				and es.space_id in (${sql.join(mine, sql`, `)}))`;
	const registered = sql`exists (select 1 from ${registrations} r where r.event_id = ${events.id}
		and r.user_id = ${actor.userId} and r.status in ('confirmee', 'liste_attente'))`;
	const rows = await feedRows(
		ctx,
		and(visibleTo(actor), sql`(${inMySpaces} or ${registered})`),
		now
	);
	const viaSpace = (e: IcsEvent) =>
		(rows.spaceIds?.get(e.id) ?? []).some((id) => actor.spaceRoles[id]);
	const standalone = (e: IcsEvent): IcsEvent => (viaSpace(e) ? e : { ...e, seriesId: null });
	return toFeed(
		ctx,
		{ events: rows.events.map(standalone), series: rows.series },
		'Mon agenda — Chantiers',
		'Les événements de mes espaces et mes inscriptions.'
	);
}

const newToken = () => randomBytes(32).toString('base64url');

/** The member's feed token, made on first use. */
export async function feedTokenFor(ctx: Ctx, actor: Actor | null): Promise<string> {
	if (!isMember(actor)) throw new UnauthenticatedError();
	await ctx.db
		.insert(calendarFeedTokens)
		.values({ userId: actor.userId, token: newToken() })
		.onConflictDoNothing();
	const [row] = await ctx.db
		.select({ token: calendarFeedTokens.token })
		.from(calendarFeedTokens)
		.where(eq(calendarFeedTokens.userId, actor.userId));
	return row!.token;
}

/** A new secret: the old address stops working at once. */
export async function regenerateFeedToken(ctx: Ctx, actor: Actor | null): Promise<string> {
	if (!isMember(actor)) throw new UnauthenticatedError();
	const token = newToken();
	await ctx.db
		.insert(calendarFeedTokens)
		.values({ userId: actor.userId, token })
		.onConflictDoUpdate({
			target: calendarFeedTokens.userId,
			set: { token, createdAt: new Date() }
		});
	return token;
}
