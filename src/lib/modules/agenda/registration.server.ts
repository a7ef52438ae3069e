// Registering to an event: members with their account, guests (public events only) by name and
// email confirmed with an emailed link. Full events fill a waiting list promoted in order of
// arrival. See registration-core.server.ts for how capacity is kept.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import type { Actor } from '../../server/auth/policy';
import { registrations, users } from '../../server/db/schema';
import {
	DomainError,
	NotFoundError,
	RateLimitError,
	UnauthenticatedError,
	ValidationError
} from '../../server/errors';
import { hit } from '../../server/security/rate-limit';
import { arrivalStatus, parseGuest } from './registration-rules';
import {
	activeByEmail,
	assertOpen,
	cancelInTx,
	confirmedCount,
	isUniqueViolation,
	lockEvent,
	promoteInTx,
	recipientOf,
	visibleEvent,
	waitingPosition,
	type RegistrationRow,
	type Tx
} from './registration-core.server';
import type { EventRow } from './repository.server';
import * as mail from './registration-emails.server';
import { scheduleReminder } from './reminders.server';

const ALREADY = 'Vous êtes déjà inscrit·e à cet événement.';
const guestPerIp = { max: 10, windowSeconds: 60 * 60 };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const guestLink = (ctx: Ctx, token: string) => `${ctx.env.baseUrl}/agenda/inscription/${token}`;

/** Takes a place if one is left, else a place on the waiting list (event locked by the caller). */
async function takePlace(tx: Tx, event: EventRow, id: string) {
	const status = arrivalStatus(event.capacity, await confirmedCount(tx, event.id));
	// clock_timestamp(), not now(): the order of arrival is the order in which the lock was got.
	const [row] = await tx
		.update(registrations)
		.set({
			status,
			queuedAt: sql`clock_timestamp()`,
			confirmedAt: status === 'confirmee' ? sql`clock_timestamp()` : null
		})
		.where(eq(registrations.id, id))
		.returning();
	return row!;
}

/** Emails the outcome of a place taken, and schedules the reminder. */
async function announce(ctx: Ctx, event: EventRow, reg: RegistrationRow) {
	if (reg.status === 'confirmee') {
		await mail.sendConfirmation(ctx, event, recipientOf(reg));
		await scheduleReminder(ctx, event.id);
	} else if (reg.status === 'liste_attente') {
		await mail.sendWaitingList(ctx, event, recipientOf(reg), await waitingPosition(ctx.db, reg));
	}
}

async function announcePromoted(ctx: Ctx, event: EventRow, promoted: RegistrationRow[]) {
	for (const reg of promoted) await mail.sendPromotion(ctx, event, recipientOf(reg));
	if (promoted.length > 0) await scheduleReminder(ctx, event.id);
}

/** A member registers with their account's name, email and structure. */
export async function register(ctx: Ctx, actor: Actor | null, eventId: string, now = new Date()) {
	if (!actor) throw new UnauthenticatedError('Connectez-vous pour vous inscrire.');
	await visibleEvent(ctx, actor, eventId);
	const [user] = await ctx.db
		.select({ name: users.name, email: users.email, structureId: users.structureId })
		.from(users)
		.where(eq(users.id, actor.userId));
	if (!user?.email) {
		throw new DomainError('Ajoutez une adresse email à votre profil pour vous inscrire.');
	}
	const email = user.email;
	try {
		const { event, reg } = await ctx.db.transaction(async (tx) => {
			const event = await lockEvent(tx, eventId);
			assertOpen(event, now);
			if (await activeByEmail(tx, eventId, email)) throw new DomainError(ALREADY);
			const [draft] = await tx
				.insert(registrations)
				.values({
					eventId,
					userId: actor.userId,
					name: user.name,
					email,
					structureId: user.structureId,
					status: 'liste_attente'
				})
				.returning({ id: registrations.id });
			return { event, reg: await takePlace(tx, event, draft!.id) };
		});
		await announce(ctx, event, reg);
		return reg;
	} catch (err) {
		if (isUniqueViolation(err)) throw new DomainError(ALREADY);
		throw err;
	}
}

/** The member's active registration for the event, if any. */
export async function myRegistration(ctx: Ctx, actor: Actor, eventId: string) {
	const [row] = await ctx.db
		.select()
		.from(registrations)
		.where(
			and(
				eq(registrations.eventId, eventId),
				eq(registrations.userId, actor.userId),
				sql`${registrations.status} <> 'annulee'`
			)
		);
	return row;
}

/** Cancels a registration under the event lock; the first people waiting take the place. */
async function cancel(ctx: Ctx, eventId: string, registrationId: string, now: Date) {
	const { event, reg, promoted } = await ctx.db.transaction(async (tx) => {
		const event = await lockEvent(tx, eventId);
		const [reg] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
		if (!reg || reg.status === 'annulee') {
			throw new DomainError('Cette inscription est déjà annulée.');
		}
		if (event.startsAt.getTime() <= now.getTime()) {
			throw new DomainError(
				'L’événement a déjà commencé : l’inscription ne peut plus être annulée.'
			);
		}
		return { event, reg, promoted: await cancelInTx(tx, event, reg, now) };
	});
	await mail.sendUnregistered(ctx, event, recipientOf(reg));
	await announcePromoted(ctx, event, promoted);
	return { cancelled: reg, promoted };
}

/** A member unregisters (from the list too); returns who was promoted. */
export async function unregister(ctx: Ctx, actor: Actor | null, eventId: string, now = new Date()) {
	if (!actor) throw new UnauthenticatedError('Connectez-vous pour vous désinscrire.');
	await visibleEvent(ctx, actor, eventId);
	const mine = await myRegistration(ctx, actor, eventId);
	if (!mine) throw new DomainError('Vous n’êtes pas inscrit·e à cet événement.');
	return cancel(ctx, eventId, mine.id, now);
}

/**
 * A guest without an account asks to register to a public event: stored 'a_confirmer' (no place
 * taken) and a link is emailed. A filled honeypot (`website_url`) is ignored silently (null).
 * Asking again for a registration still to confirm sends a new link.
 */
export async function registerGuest(
	ctx: Ctx,
	eventId: string,
	input: Record<string, unknown>,
	info: RequestInfo = {},
	now = new Date()
) {
	if (typeof input.website_url === 'string' && input.website_url.trim() !== '') return null;
	const { event: visible } = await visibleEvent(ctx, null, eventId);
	assertOpen(visible, now);
	const { data, errors } = parseGuest(input);
	if (!data) throw new ValidationError(errors);
	if ((await hit(ctx.db, `agenda-guest-ip:${info.ip ?? 'unknown'}`, guestPerIp)) > guestPerIp.max) {
		throw new RateLimitError(
			'Trop d’inscriptions depuis cette connexion. Réessayez dans une heure.'
		);
	}
	const token = randomBytes(32).toString('base64url');
	const tokenHash = hashToken(token);
	try {
		const event = await ctx.db.transaction(async (tx) => {
			const event = await lockEvent(tx, eventId);
			assertOpen(event, now);
			const existing = await activeByEmail(tx, eventId, data.email);
			if (existing && existing.status !== 'a_confirmer') {
				throw new DomainError('Cette adresse est déjà inscrite à cet événement.');
			}
			if (existing) {
				await tx
					.update(registrations)
					.set({ tokenHash, name: data.name })
					.where(eq(registrations.id, existing.id));
			} else {
				await tx.insert(registrations).values({
					eventId,
					name: data.name,
					email: data.email,
					status: 'a_confirmer',
					tokenHash
				});
			}
			return event;
		});
		await mail.sendGuestLink(ctx, event, { ...data, guest: true }, guestLink(ctx, token));
		return { email: data.email };
	} catch (err) {
		if (isUniqueViolation(err)) {
			throw new DomainError('Cette adresse est déjà inscrite à cet événement.');
		}
		throw err;
	}
}

/** The registration behind a guest's link, with its event. */
export async function byToken(ctx: Ctx, token: string) {
	if (!/^[\w-]{20,100}$/.test(token)) throw new NotFoundError('Ce lien n’est pas valide.');
	const [reg] = await ctx.db
		.select()
		.from(registrations)
		.where(eq(registrations.tokenHash, hashToken(token)));
	if (!reg) throw new NotFoundError('Ce lien n’est pas valide.');
	return reg;
}

/** The guest confirms with the link: a place, or the waiting list. Confirming twice is harmless. */
export async function confirmGuest(ctx: Ctx, token: string, now = new Date()) {
	const found = await byToken(ctx, token);
	const { event, reg, changed } = await ctx.db.transaction(async (tx) => {
		const event = await lockEvent(tx, found.eventId);
		const [reg] = await tx.select().from(registrations).where(eq(registrations.id, found.id));
		if (reg!.status !== 'a_confirmer') return { event, reg: reg!, changed: false };
		assertOpen(event, now);
		return { event, reg: await takePlace(tx, event, reg!.id), changed: true };
	});
	if (changed) await announce(ctx, event, reg);
	return reg;
}

/** The guest cancels with the same link. */
export async function cancelGuest(ctx: Ctx, token: string, now = new Date()) {
	const reg = await byToken(ctx, token);
	return cancel(ctx, reg.eventId, reg.id, now);
}

/**
 * After a change that may free places (capacity raised): promotes the first people waiting, with
 * their emails. For the event service to call after an update.
 */
export async function promoteWaiting(ctx: Ctx, eventId: string, now = new Date()) {
	const { event, promoted } = await ctx.db.transaction(async (tx) => {
		const event = await lockEvent(tx, eventId);
		return { event, promoted: await promoteInTx(tx, event, now) };
	});
	await announcePromoted(ctx, event, promoted);
	return promoted;
}
