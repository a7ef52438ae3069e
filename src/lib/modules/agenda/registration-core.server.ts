// What every registration change shares: the event row locked for the transaction, counts, and
// the promotion of the waiting list. Capacity holds because every change that could take a place
// first locks the event row (SELECT … FOR UPDATE), so changes of one event run one after another
// whatever the app instance.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { eventSpaces, events, registrations, workshopChoices } from '../../server/db/schema';
import { NotFoundError, ValidationError } from '../../server/errors';
import type { Actor } from '../../server/auth/policy';
import { canSeeEvent } from './policy';
import type { EventRow } from './repository.server';
import { promotable, registrationClosedReason } from './registration-rules';
import type { Recipient } from './registration-emails.server';

export type Db = Ctx['db'];
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type RegistrationRow = typeof registrations.$inferSelect;

/** The event if the actor may see it (404 otherwise, like a missing one). */
export async function visibleEvent(ctx: Ctx, actor: Actor | null, eventId: string) {
	const [event] = await ctx.db.select().from(events).where(eq(events.id, eventId));
	if (!event) throw new NotFoundError('Événement introuvable.');
	const spaceIds = (
		await ctx.db
			.select({ id: eventSpaces.spaceId })
			.from(eventSpaces)
			.where(eq(eventSpaces.eventId, eventId))
	).map((s) => s.id);
	if (!canSeeEvent(actor, { visibility: event.visibility, spaceIds })) {
		throw new NotFoundError('Événement introuvable.');
	}
	return { event, spaceIds };
}

/** Locks the event row until the end of the transaction and returns its current values. */
export async function lockEvent(tx: Tx, eventId: string): Promise<EventRow> {
	const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
	if (!row) throw new NotFoundError('Événement introuvable.');
	return row;
}

/** Refuses with the French reason when registering is closed; nothing is stored. */
export function assertOpen(event: EventRow, now: Date) {
	const reason = registrationClosedReason(event, now);
	if (reason) throw new ValidationError({ form: reason }, reason);
}

export async function confirmedCount(db: Db | Tx, eventId: string) {
	const [row] = await db
		.select({ n: count() })
		.from(registrations)
		.where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmee')));
	return row?.n ?? 0;
}

/** Position on the waiting list (1 for the first), in order of arrival. */
export async function waitingPosition(db: Db | Tx, reg: Pick<RegistrationRow, 'eventId' | 'id'>) {
	// Compared in SQL: queued_at has microseconds, a JavaScript Date only milliseconds.
	const [row] = await db
		.select({ n: count() })
		.from(registrations)
		.where(
			and(
				eq(registrations.eventId, reg.eventId),
				eq(registrations.status, 'liste_attente'),
				sql`${registrations.queuedAt} <= (select queued_at from event_registrations where id = ${reg.id})`
			)
		);
	return row?.n ?? 0;
}

/** The active registration (not cancelled) of this email for the event, if any. */
export async function activeByEmail(db: Db | Tx, eventId: string, email: string) {
	const [row] = await db
		.select()
		.from(registrations)
		.where(
			and(
				eq(registrations.eventId, eventId),
				sql`lower(${registrations.email}) = lower(${email})`,
				sql`${registrations.status} <> 'annulee'`
			)
		);
	return row;
}

/** Whether an error is PostgreSQL's unique violation (drizzle wraps driver errors in `cause`). */
export function isUniqueViolation(err: unknown): boolean {
	const e = err as { code?: string; cause?: { code?: string } };
	return e?.code === '23505' || e?.cause?.code === '23505';
}

export const recipientOf = (r: RegistrationRow): Recipient => ({
	name: r.name,
	email: r.email,
	guest: !r.userId
});

/**
 * Confirms the first people waiting while places are left (event locked by the caller). Only for
 * an event still to come and not cancelled. Returns those promoted, to be emailed after commit.
 */
export async function promoteInTx(tx: Tx, event: EventRow, now: Date) {
	if (event.status === 'annule' || event.startsAt.getTime() <= now.getTime()) return [];
	const confirmed = await confirmedCount(tx, event.id);
	const [waiting] = await tx
		.select({ n: count() })
		.from(registrations)
		.where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'liste_attente')));
	const n = promotable(event.capacity, confirmed, waiting?.n ?? 0);
	if (n === 0) return [];
	const first = tx
		.select({ id: registrations.id })
		.from(registrations)
		.where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'liste_attente')))
		.orderBy(asc(registrations.queuedAt))
		.limit(n);
	return tx
		.update(registrations)
		.set({
			status: 'confirmee',
			promotedAt: sql`clock_timestamp()`,
			confirmedAt: sql`clock_timestamp()`
		})
		.where(sql`${registrations.id} in ${first}`)
		.returning();
}

/** Cancels a registration (event locked by the caller), frees its workshops, promotes. */
export async function cancelInTx(tx: Tx, event: EventRow, reg: RegistrationRow, now: Date) {
	await tx
		.update(registrations)
		.set({ status: 'annulee', cancelledAt: now })
		.where(eq(registrations.id, reg.id));
	await tx.delete(workshopChoices).where(eq(workshopChoices.registrationId, reg.id));
	return reg.status === 'confirmee' ? promoteInTx(tx, event, now) : [];
}
