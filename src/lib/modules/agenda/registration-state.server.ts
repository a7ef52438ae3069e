// What the registration panel of an event page shows to the person looking at it.
import { and, count, eq } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { Actor } from '../../server/auth/policy';
import { registrations } from '../../server/db/schema';
import type { EventRow } from './repository.server';
import { confirmedCount, waitingPosition } from './registration-core.server';
import { myRegistration } from './registration.server';
import { placesLeft, registrationClosedReason, workshopSlots } from './registration-rules';
import { choicesOf, workshopsOf } from './workshops.server';

export type RegistrableEventRow = Pick<
	EventRow,
	| 'id'
	| 'slug'
	| 'status'
	| 'startsAt'
	| 'registrationOpen'
	| 'registrationDeadline'
	| 'capacity'
	| 'visibility'
>;

/** The workshop slots of an event, with what `registrationId` (if any) chose in each. */
export async function slotsFor(ctx: Ctx, eventId: string, registrationId: string | null) {
	const workshops = await workshopsOf(ctx.db, eventId);
	const chosen = new Set(
		registrationId ? (await choicesOf(ctx.db, registrationId)).map((c) => c.itemId) : []
	);
	return workshopSlots(workshops).map((slot) => ({
		startsAt: slot.startsAt,
		endsAt: slot.workshops[0]!.endsAt,
		chosenId: slot.workshops.find((w) => chosen.has(w.id))?.id ?? null,
		workshops: slot.workshops.map((w) => ({
			id: w.id,
			title: w.title,
			room: w.room,
			capacity: w.capacity,
			placesLeft: w.placesLeft
		}))
	}));
}

/** The registration panel's data (the caller has checked that the actor may see the event). */
export async function registrationState(
	ctx: Ctx,
	actor: Actor | null,
	event: RegistrableEventRow,
	now = new Date()
) {
	const confirmed = await confirmedCount(ctx.db, event.id);
	const [waiting] = await ctx.db
		.select({ n: count() })
		.from(registrations)
		.where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'liste_attente')));
	const mine = actor ? await myRegistration(ctx, actor, event.id) : undefined;
	const slots = await slotsFor(ctx, event.id, mine?.status === 'confirmee' ? mine.id : null);
	return {
		eventId: event.id,
		slug: event.slug,
		closedReason: registrationClosedReason(event, now),
		/** Whether changes (unregistering, workshops) are still possible: before the start. */
		upcoming: event.status === 'confirme' && event.startsAt.getTime() > now.getTime(),
		capacity: event.capacity,
		confirmed,
		waiting: waiting?.n ?? 0,
		placesLeft: placesLeft(event.capacity, confirmed),
		deadline: event.registrationDeadline,
		signedIn: !!actor,
		guestAllowed: !actor && event.visibility === 'public',
		mine: mine
			? {
					status: mine.status,
					position: mine.status === 'liste_attente' ? await waitingPosition(ctx.db, mine) : null
				}
			: null,
		slots
	};
}

export type RegistrationState = Awaited<ReturnType<typeof registrationState>>;
