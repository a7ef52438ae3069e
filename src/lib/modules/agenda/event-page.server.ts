/**
 * The event page and the carnet de bord: one event the actor may see, with its spaces,
 * programme, series and attachments. A hidden event answers 404, like a missing one.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	attendance,
	eventAttachments,
	eventSeries,
	geoCommunes,
	programmeItems,
	registrations,
	structures
} from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { NotFoundError } from '../../server/errors';
import { renderMarkdown } from '../pages/markdown';
import { canManageEvent, canSeeEvent } from './policy';
import { eventBySlug, spacesOfEvent } from './repository.server';
import { describeRrule } from './rrule-text';
import { groupProgramme } from './programme';

/** The event of a slug if the actor may see it, with its organising spaces. */
export async function seenEvent(ctx: Ctx, actor: Actor | null, slug: string) {
	const event = await eventBySlug(ctx.db, slug);
	if (!event) throw new NotFoundError('Événement introuvable.');
	const spaces = await spacesOfEvent(ctx.db, event.id);
	const spaceIds = spaces.map((s) => s.id);
	if (!canSeeEvent(actor, { visibility: event.visibility, spaceIds })) {
		throw new NotFoundError('Événement introuvable.');
	}
	return { event, spaces, spaceIds, canManage: canManageEvent(actor, { spaceIds }) };
}

export async function programmeOf(ctx: Ctx, eventId: string) {
	return ctx.db
		.select()
		.from(programmeItems)
		.where(eq(programmeItems.eventId, eventId))
		.orderBy(asc(programmeItems.startsAt), asc(programmeItems.position));
}

export async function attachmentsOf(ctx: Ctx, eventId: string) {
	return ctx.db
		.select({
			id: eventAttachments.id,
			title: eventAttachments.title,
			fileName: eventAttachments.fileName,
			contentType: eventAttachments.contentType,
			fileSize: eventAttachments.fileSize
		})
		.from(eventAttachments)
		.where(eq(eventAttachments.eventId, eventId))
		.orderBy(asc(eventAttachments.createdAt));
}

async function communeName(ctx: Ctx, code: string | null) {
	if (!code) return null;
	const [c] = await ctx.db
		.select({ nom: geoCommunes.nom })
		.from(geoCommunes)
		.where(eq(geoCommunes.code, code));
	return c?.nom ?? null;
}

/** Everything /agenda/[slug] shows. */
export async function getEventPage(ctx: Ctx, actor: Actor | null, slug: string) {
	const { event, spaces, canManage } = await seenEvent(ctx, actor, slug);
	const [commune, items, attachments, series] = await Promise.all([
		communeName(ctx, event.communeInsee),
		programmeOf(ctx, event.id),
		attachmentsOf(ctx, event.id),
		event.seriesId
			? ctx.db.select().from(eventSeries).where(eq(eventSeries.id, event.seriesId))
			: Promise.resolve([])
	]);
	const s = series[0];
	return {
		event: {
			...event,
			commune,
			descriptionHtml: event.description ? renderMarkdown(event.description) : null,
			minutesHtml: event.minutes ? renderMarkdown(event.minutes) : null
		},
		spaces: spaces.map((sp) => ({ slug: sp.slug, label: sp.shortTitle ?? sp.title })),
		programme: groupProgramme(items),
		attachments,
		series: s ? { repeats: describeRrule(s.rrule), detached: event.detached } : null,
		canManage
	};
}

/**
 * The structures taking part: those of confirmed registrations, and of attendees once the
 * attendance is recorded (then attendance is what happened).
 */
async function structuresTakingPart(ctx: Ctx, eventId: string, recorded: boolean) {
	const source = recorded
		? ctx.db
				.select({ id: attendance.structureId })
				.from(attendance)
				.where(eq(attendance.eventId, eventId))
		: ctx.db
				.select({ id: registrations.structureId })
				.from(registrations)
				.where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmee')));
	const ids = [...new Set((await source).map((r) => r.id).filter((id): id is string => !!id))];
	if (ids.length === 0) return [];
	return ctx.db
		.select({
			slug: structures.slug,
			name: structures.name,
			acronym: structures.acronym
		})
		.from(structures)
		.where(inArray(structures.id, ids))
		.orderBy(asc(sql`lower(${structures.name})`));
}

/** The printable carnet de bord: programme, structures, presentations. */
export async function getCarnet(ctx: Ctx, actor: Actor | null, slug: string) {
	const page = await getEventPage(ctx, actor, slug);
	const [counts] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(registrations)
		.where(and(eq(registrations.eventId, page.event.id), eq(registrations.status, 'confirmee')));
	const recorded = !!page.event.attendanceRecordedAt;
	return {
		...page,
		structures: await structuresTakingPart(ctx, page.event.id, recorded),
		fromAttendance: recorded,
		confirmed: counts?.n ?? 0
	};
}
