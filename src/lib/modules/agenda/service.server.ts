/**
 * Events: creating (a single event or a series), editing one occurrence or the whole series,
 * cancelling and removing occurrences. Every change that matters to a calendar raises the
 * SEQUENCE and is announced to the people registered.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { eventSeries, eventSpaces, events, registrations, spaces } from '../../server/db/schema';
import { atLeast, type Actor } from '../../server/auth/policy';
import {
	ForbiddenError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../server/errors';
import { eventSlug } from './labels';
import { canCreateEvent, canManageEvent } from './policy';
import { parseEventInput, type EventInput } from './schemas';
import { typedCommune } from './commune.server';
import { eventBySlug, freeEventSlug, insertEvent, type EventRow } from './repository.server';
import { notifyRegistered } from './notices.server';
import { afterEventChange } from './after-change.server';
import {
	horizonFrom,
	insertOccurrences,
	seriesStarts,
	spaceIdsOf,
	wallMinutes,
	type Template
} from './series.server';
import { canProposeEvent } from './views.server';

export type Scope = 'occurrence' | 'series';
type Db = Ctx['db'];

/** Organising needs a role that can organise at all; then the event's own rule. */
function assertOrganiser(actor: Actor | null): asserts actor is Actor {
	if (!actor) throw new UnauthenticatedError();
	if (!canProposeEvent(actor)) {
		throw new ForbiddenError(
			'Seul·e·s la coordination et les référent·e·s organisent des événements.'
		);
	}
}

/** The event of a slug that the actor may organise, with its spaces. */
export async function managedEvent(ctx: Ctx, actor: Actor | null, slug: string) {
	assertOrganiser(actor);
	const event = await eventBySlug(ctx.db, slug);
	if (!event) throw new NotFoundError('Événement introuvable.');
	const spaceIds = await spaceIdsOf(ctx.db, event.id);
	if (!canManageEvent(actor, { spaceIds })) {
		throw new ForbiddenError('Seul·e·s les organisateur·rice·s peuvent modifier cet événement.');
	}
	return { event, spaceIds, actor };
}

/** The input, once the actor may organise for its spaces and they exist. */
async function checkedInput(ctx: Ctx, actor: Actor, raw: unknown): Promise<EventInput> {
	const fields = (raw ?? {}) as Record<string, unknown>;
	const commune = await typedCommune(ctx, fields);
	const parsed = parseEventInput({ ...fields, communeInsee: commune.communeInsee });
	if (!parsed.ok || commune.error) {
		const errors = parsed.ok ? {} : parsed.errors;
		throw new ValidationError(commune.error ? { ...errors, commune: commune.error } : errors);
	}
	const input = parsed.value;
	if (!canCreateEvent(actor, input.spaceIds)) {
		throw new ValidationError({
			spaceIds: atLeast(actor, 'coordination')
				? 'Choisissez un espace de la liste.'
				: 'Choisissez au moins un espace, parmi ceux dont vous êtes référent·e.'
		});
	}
	if (input.spaceIds.length > 0) {
		const found = await ctx.db
			.select({ id: spaces.id })
			.from(spaces)
			.where(inArray(spaces.id, input.spaceIds));
		if (found.length !== input.spaceIds.length) {
			throw new ValidationError({ spaceIds: 'Choisissez un espace de la liste.' });
		}
	}
	return input;
}

/** The columns of an event set by the form, times aside. */
function fieldsOf(input: EventInput) {
	return {
		kind: input.kind,
		title: input.title,
		description: input.description,
		allDay: input.allDay,
		timeZone: input.timeZone,
		placeName: input.placeName,
		address: input.address,
		communeInsee: input.communeInsee,
		onlineUrl: input.onlineUrl,
		visibility: input.visibility,
		registrationOpen: input.registrationOpen,
		capacity: input.capacity
	};
}

const deadlineBefore = (input: EventInput) =>
	input.registrationDeadline
		? input.startsAt.getTime() - input.registrationDeadline.getTime()
		: null;

export async function createEvent(ctx: Ctx, actor: Actor | null, raw: unknown, now = new Date()) {
	assertOrganiser(actor);
	const input = await checkedInput(ctx, actor, raw);
	return ctx.db.transaction(async (tx) => {
		const template: Template = { ...fieldsOf(input), createdBy: actor.userId };
		if (!input.rrule) {
			const slug = await freeEventSlug(tx, eventSlug(input.title, input.startLocal.slice(0, 10)));
			return insertEvent(
				tx,
				{
					...template,
					slug,
					startsAt: input.startsAt,
					endsAt: input.endsAt,
					registrationDeadline: input.registrationDeadline
				},
				input.spaceIds
			);
		}
		const horizon = horizonFrom(now > input.startsAt ? now : input.startsAt);
		const [series] = await tx
			.insert(eventSeries)
			.values({
				rrule: input.rrule,
				dtstartLocal: input.startLocal.slice(0, input.allDay ? 10 : 16),
				timeZone: input.timeZone,
				durationMinutes: wallMinutes(input.startsAt, input.endsAt, input.timeZone),
				allDay: input.allDay,
				generatedUntil: horizon
			})
			.returning();
		const starts = seriesStarts(series!, horizon);
		if (starts.length === 0) {
			throw new ValidationError({ rrule: 'Cette règle ne donne aucune date : vérifiez-la.' });
		}
		const rows = await insertOccurrences(
			tx,
			series!,
			template,
			input.spaceIds,
			starts,
			deadlineBefore(input)
		);
		return rows[0]!;
	});
}

export async function confirmedCounts(db: Db, ids: string[]) {
	if (ids.length === 0) return new Map<string, number>();
	const rows = await db
		.select({ id: registrations.eventId, n: sql<number>`count(*)::int` })
		.from(registrations)
		.where(and(inArray(registrations.eventId, ids), eq(registrations.status, 'confirmee')))
		.groupBy(registrations.eventId);
	return new Map(rows.map((r) => [r.id, r.n]));
}

/** Refuses a capacity below the confirmed registrations of any of the events. */
export async function assertCapacity(db: Db, capacity: number | null, ids: string[]) {
	if (capacity === null) return;
	const most = Math.max(0, ...(await confirmedCounts(db, ids)).values());
	if (capacity < most) {
		throw new ValidationError({
			capacity: `Il y a déjà ${most} inscrit·e·s confirmé·e·s : le nombre de places ne peut pas être inférieur à ${most}.`
		});
	}
}

export async function replaceSpaces(db: Db, ids: string[], spaceIds: string[]) {
	if (ids.length === 0) return;
	await db.delete(eventSpaces).where(inArray(eventSpaces.eventId, ids));
	if (spaceIds.length === 0) return;
	await db
		.insert(eventSpaces)
		.values(ids.flatMap((eventId) => spaceIds.map((spaceId) => ({ eventId, spaceId }))));
}

/** Edits one event, or one occurrence on its own (it becomes detached from the series). */
export async function updateOccurrence(ctx: Ctx, event: EventRow, input: EventInput) {
	const changed = await ctx.db.transaction(async (tx) => {
		await assertCapacity(tx, input.capacity, [event.id]);
		const [row] = await tx
			.update(events)
			.set({
				...fieldsOf(input),
				startsAt: input.startsAt,
				endsAt: input.endsAt,
				registrationDeadline: input.registrationDeadline,
				detached: event.seriesId !== null,
				sequence: sql`${events.sequence} + 1`,
				updatedAt: new Date()
			})
			.where(eq(events.id, event.id))
			.returning();
		await replaceSpaces(tx, [event.id], input.spaceIds);
		return row!;
	});
	await notifyRegistered(ctx, [changed], 'change');
	await afterEventChange(ctx, [changed]);
	return { event: changed, kept: [] as EventRow[] };
}

export { fieldsOf, deadlineBefore, checkedInput };
