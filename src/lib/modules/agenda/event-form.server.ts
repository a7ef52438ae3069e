/**
 * What the event forms need: the spaces the actor may organise for, and the values of an
 * existing event as the form writes them (local times, last day of an all-day event).
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import type { Ctx } from '../../server/context';
import { eventSeries, spaces } from '../../server/db/schema';
import { atLeast, hasSpaceRole, type Actor } from '../../server/auth/policy';
import { formActionThenRedirect } from '../../server/http';
import { DEFAULT_TIME_ZONE, instantToLocal, instantToLocalDate } from './time';
import { managedEvent } from './service.server';
import { communeText } from './commune.server';
import { choiceOf } from './repeat';
import type { EventRow } from './repository.server';
import { canProposeEvent } from './views.server';
import { ForbiddenError, UnauthenticatedError } from '../../server/errors';

/** Spaces the actor may organise for: all for coordination, else those they are référent·e of. */
async function spaceChoices(ctx: Ctx, actor: Actor) {
	const all = atLeast(actor, 'coordination');
	const mine = Object.keys(actor.spaceRoles).filter((id) => hasSpaceRole(actor, id, 'referent'));
	if (!all && mine.length === 0) return [];
	return ctx.db
		.select({
			id: spaces.id,
			slug: spaces.slug,
			label: sql<string>`coalesce(${spaces.shortTitle}, ${spaces.title})`
		})
		.from(spaces)
		.where(all ? undefined : inArray(spaces.id, mine))
		.orderBy(sql`${spaces.kind} = 'copil' desc`, asc(spaces.number), asc(spaces.title));
}

export async function newEventForm(ctx: Ctx, actor: Actor | null, espace: string | null) {
	if (!actor) throw new UnauthenticatedError();
	if (!canProposeEvent(actor)) {
		throw new ForbiddenError('Seul·e·s la coordination et les référent·e·s créent des événements.');
	}
	const choices = await spaceChoices(ctx, actor);
	const pre = choices.find((s) => s.slug === espace) ?? (choices.length === 1 ? choices[0] : null);
	return {
		spaces: choices,
		values: {
			kind: 'reunion_chantier',
			visibility: 'public',
			registrationOpen: 'on',
			timeZone: DEFAULT_TIME_ZONE
		} as Record<string, string>,
		spaceIds: pre ? [pre.id] : []
	};
}

/** The event as the form's fields. */
export function formValues(e: EventRow, rrule: string | null): Record<string, string> {
	const z = e.timeZone;
	const local = (d: Date) => (e.allDay ? instantToLocalDate(d, z) : instantToLocal(d, z));
	const end = e.allDay ? new Date(e.endsAt.getTime() - 12 * 3600_000) : e.endsAt;
	const v: Record<string, string> = {
		kind: e.kind,
		title: e.title,
		description: e.description ?? '',
		start: local(e.startsAt),
		end: local(end),
		timeZone: z,
		placeName: e.placeName ?? '',
		address: e.address ?? '',
		communeInsee: e.communeInsee ?? '',
		onlineUrl: e.onlineUrl ?? '',
		visibility: e.visibility,
		capacity: e.capacity === null ? '' : String(e.capacity),
		registrationDeadline: e.registrationDeadline ? instantToLocal(e.registrationDeadline, z) : '',
		rrule: rrule ?? ''
	};
	if (e.allDay) v.allDay = 'on';
	if (e.registrationOpen) v.registrationOpen = 'on';
	const choice = choiceOf(rrule, v.start!, z);
	v.repeat = choice.repeat;
	v.repeatUntil = choice.until;
	v.rrule = choice.rrule;
	return v;
}

export async function editEventForm(ctx: Ctx, actor: Actor | null, slug: string) {
	const { event, spaceIds, actor: who } = await managedEvent(ctx, actor, slug);
	const [series] = event.seriesId
		? await ctx.db.select().from(eventSeries).where(eq(eventSeries.id, event.seriesId))
		: [];
	const choices = await spaceChoices(ctx, who);
	// A space already organising stays offered even to someone who cannot add it.
	const missing = spaceIds.filter((id) => !choices.some((c) => c.id === id));
	const extra = missing.length
		? await ctx.db
				.select({
					id: spaces.id,
					slug: spaces.slug,
					label: sql<string>`coalesce(${spaces.shortTitle}, ${spaces.title})`
				})
				.from(spaces)
				.where(inArray(spaces.id, missing))
		: [];
	return {
		event: {
			slug: event.slug,
			title: event.title,
			status: event.status,
			inSeries: !!event.seriesId,
			detached: event.detached
		},
		spaces: [...choices, ...extra],
		values: {
			...formValues(event, series?.rrule ?? null),
			commune: await communeText(ctx, event.communeInsee)
		},
		spaceIds
	};
}

/**
 * formActionThenRedirect for the event forms: on bad input the chosen spaces come back too
 * (the generic values keep one value per field).
 */
export async function eventFormAction(
	event: RequestEvent,
	fn: (form: FormData) => Promise<string>
) {
	const copy = await event.request.clone().formData();
	const result = await formActionThenRedirect(event, fn);
	const spaceIds = copy.getAll('spaceIds').filter((v): v is string => typeof v === 'string');
	return fail(result.status, { ...result.data, spaceIds });
}
