// Workshop choice: a confirmed registration picks one workshop per time slot of the programme.
// The workshop's row is locked while its places are counted, so its capacity holds too.
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { Actor } from '../../server/auth/policy';
import { programmeItems, registrations, workshopChoices } from '../../server/db/schema';
import { DomainError, UnauthenticatedError, ValidationError } from '../../server/errors';
import { visibleEvent } from './registration-core.server';
import { myRegistration } from './registration.server';
import { placesLeft } from './registration-rules';

/** The event's workshops in programme order, with their places taken. */
export async function workshopsOf(db: Ctx['db'], eventId: string) {
	const rows = await db
		.select({
			id: programmeItems.id,
			kind: programmeItems.kind,
			title: programmeItems.title,
			room: programmeItems.room,
			startsAt: programmeItems.startsAt,
			endsAt: programmeItems.endsAt,
			capacity: programmeItems.capacity,
			taken: count(workshopChoices.registrationId)
		})
		.from(programmeItems)
		.leftJoin(workshopChoices, eq(workshopChoices.itemId, programmeItems.id))
		.where(and(eq(programmeItems.eventId, eventId), eq(programmeItems.kind, 'atelier')))
		.groupBy(programmeItems.id)
		.orderBy(asc(programmeItems.startsAt), asc(programmeItems.position), asc(programmeItems.title));
	return rows.map((w) => ({ ...w, placesLeft: placesLeft(w.capacity, w.taken) }));
}

/** The workshops chosen by a registration, by item id. */
export async function choicesOf(db: Ctx['db'], registrationId: string) {
	return db
		.select({ itemId: workshopChoices.itemId, slotStartsAt: workshopChoices.slotStartsAt })
		.from(workshopChoices)
		.where(eq(workshopChoices.registrationId, registrationId));
}

const FULL = 'Cet atelier est complet : choisissez-en un autre.';

/**
 * Chooses a workshop for a confirmed registration, replacing the choice of the same slot.
 * Refused when the workshop is full or not a workshop of this event.
 */
export async function chooseWorkshopFor(ctx: Ctx, registrationId: string, itemId: string) {
	return ctx.db.transaction(async (tx) => {
		const [item] = await tx
			.select()
			.from(programmeItems)
			.where(eq(programmeItems.id, itemId))
			.for('update');
		const [reg] = await tx
			.select()
			.from(registrations)
			.where(eq(registrations.id, registrationId))
			.for('update');
		if (!item || !reg || item.eventId !== reg.eventId || item.kind !== 'atelier') {
			throw new ValidationError({ workshop: 'Choisissez un atelier du programme.' });
		}
		if (reg.status !== 'confirmee') {
			throw new DomainError('Seules les personnes inscrites choisissent leur atelier.');
		}
		const [taken] = await tx
			.select({ n: count() })
			.from(workshopChoices)
			.where(
				and(eq(workshopChoices.itemId, itemId), ne(workshopChoices.registrationId, registrationId))
			);
		if (placesLeft(item.capacity, taken?.n ?? 0) === 0) {
			throw new ValidationError({ workshop: FULL }, FULL);
		}
		await tx
			.insert(workshopChoices)
			.values({ registrationId, itemId, slotStartsAt: item.startsAt })
			.onConflictDoUpdate({
				target: [workshopChoices.registrationId, workshopChoices.slotStartsAt],
				set: { itemId }
			});
		return item;
	});
}

/** A member chooses their workshop for one slot. */
export async function chooseWorkshop(
	ctx: Ctx,
	actor: Actor | null,
	eventId: string,
	itemId: string
) {
	if (!actor) throw new UnauthenticatedError('Connectez-vous pour choisir un atelier.');
	const { event } = await visibleEvent(ctx, actor, eventId);
	if (event.startsAt.getTime() <= Date.now()) {
		throw new DomainError('L’événement a commencé : les ateliers ne peuvent plus être changés.');
	}
	const mine = await myRegistration(ctx, actor, eventId);
	if (!mine) throw new DomainError('Inscrivez-vous d’abord à l’événement.');
	return chooseWorkshopFor(ctx, mine.id, itemId);
}
