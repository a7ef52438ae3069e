// The registration forms of an event page: each action calls one service and answers with a
// French message for the panel (or the page shown without JavaScript).
import { eq } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { events } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import {
	DomainError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../server/errors';
import { eventBySlug } from './repository.server';
import { visibleEvent, waitingPosition } from './registration-core.server';
import {
	byToken,
	cancelGuest,
	confirmGuest,
	register,
	registerGuest,
	unregister
} from './registration.server';
import { registrationClosedReason } from './registration-rules';
import { registrationState, slotsFor } from './registration-state.server';
import { chooseWorkshop, chooseWorkshopFor } from './workshops.server';

export interface RegistrationFeedback {
	done: 'register' | 'unregister' | 'guest' | 'workshop';
	message: string;
}

/** Members' actions: a visitor is sent to sign in before anything is looked up. */
function member(actor: Actor | null, message: string): Actor {
	if (!actor) throw new UnauthenticatedError(message);
	return actor;
}

function assertItemId(itemId: string) {
	if (!/^[0-9a-f-]{36}$/i.test(itemId)) {
		throw new ValidationError({ workshop: 'Choisissez un atelier.' }, 'Choisissez un atelier.');
	}
}

/** The event behind the address, if the actor may see it. */
export async function eventForRegistration(ctx: Ctx, actor: Actor | null, slug: string) {
	const row = await eventBySlug(ctx.db, slug);
	if (!row) throw new NotFoundError('Événement introuvable.');
	return (await visibleEvent(ctx, actor, row.id)).event;
}

/** What the registration page (and the event page's panel) shows. */
export async function registrationPage(ctx: Ctx, actor: Actor | null, slug: string) {
	const event = await eventForRegistration(ctx, actor, slug);
	return {
		event: { slug: event.slug, title: event.title, startsAt: event.startsAt, allDay: event.allDay },
		registration: await registrationState(ctx, actor, event)
	};
}

export async function registerAction(
	ctx: Ctx,
	actor: Actor | null,
	slug: string
): Promise<RegistrationFeedback> {
	const me = member(actor, 'Connectez-vous pour vous inscrire.');
	const event = await eventForRegistration(ctx, me, slug);
	const reg = await register(ctx, me, event.id);
	if (reg.status === 'confirmee') {
		return {
			done: 'register',
			message:
				'Votre inscription est confirmée. Un email de confirmation, avec le fichier à ajouter à votre agenda, vous a été envoyé.'
		};
	}
	const position = await waitingPosition(ctx.db, reg);
	return {
		done: 'register',
		message: `L’événement est complet : vous êtes sur la liste d’attente, en position ${position}. Vous serez prévenu·e par email si une place se libère.`
	};
}

export async function unregisterAction(
	ctx: Ctx,
	actor: Actor | null,
	slug: string
): Promise<RegistrationFeedback> {
	const me = member(actor, 'Connectez-vous pour vous désinscrire.');
	const event = await eventForRegistration(ctx, me, slug);
	await unregister(ctx, me, event.id);
	return { done: 'unregister', message: 'Votre désinscription est enregistrée.' };
}

export async function guestAction(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	input: Record<string, unknown>,
	info: RequestInfo
): Promise<RegistrationFeedback> {
	const event = await eventForRegistration(ctx, actor, slug);
	const sent = await registerGuest(ctx, event.id, input, info);
	const to = sent?.email ?? (typeof input.email === 'string' ? input.email.trim() : '');
	return {
		done: 'guest',
		message: `Un email vient d’être envoyé à ${to} : ouvrez le lien qu’il contient pour confirmer votre inscription.`
	};
}

export async function workshopAction(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	itemId: string
): Promise<RegistrationFeedback> {
	const me = member(actor, 'Connectez-vous pour choisir un atelier.');
	const event = await eventForRegistration(ctx, me, slug);
	assertItemId(itemId);
	const item = await chooseWorkshop(ctx, me, event.id, itemId);
	return { done: 'workshop', message: `Atelier choisi : ${item.title}.` };
}

/** The guest's link page: their registration and the event (the token is the only key). */
export async function guestLinkPage(ctx: Ctx, token: string) {
	const reg = await byToken(ctx, token);
	const [event] = await ctx.db.select().from(events).where(eq(events.id, reg.eventId));
	return {
		event: {
			slug: event!.slug,
			title: event!.title,
			startsAt: event!.startsAt,
			allDay: event!.allDay,
			upcoming: event!.status === 'confirme' && event!.startsAt.getTime() > Date.now(),
			closedReason: registrationClosedReason(event!, new Date())
		},
		registration: {
			name: reg.name,
			email: reg.email,
			status: reg.status,
			position: reg.status === 'liste_attente' ? await waitingPosition(ctx.db, reg) : null
		},
		slots: reg.status === 'confirmee' ? await slotsFor(ctx, reg.eventId, reg.id) : []
	};
}

export async function confirmGuestAction(ctx: Ctx, token: string) {
	const reg = await confirmGuest(ctx, token);
	return {
		done: 'confirm' as const,
		message:
			reg.status === 'confirmee'
				? 'Votre inscription est confirmée. Un email de confirmation, avec le fichier à ajouter à votre agenda, vous a été envoyé.'
				: 'L’événement est complet : vous êtes sur la liste d’attente. Vous serez prévenu·e par email si une place se libère.'
	};
}

export async function cancelGuestAction(ctx: Ctx, token: string) {
	await cancelGuest(ctx, token);
	return { done: 'cancel' as const, message: 'Votre désinscription est enregistrée.' };
}

/** A guest with a confirmed place chooses a workshop from their link's page. */
export async function guestWorkshopAction(ctx: Ctx, token: string, itemId: string) {
	const reg = await byToken(ctx, token);
	assertItemId(itemId);
	const [event] = await ctx.db.select().from(events).where(eq(events.id, reg.eventId));
	if (!event || event.startsAt.getTime() <= Date.now()) {
		throw new DomainError('L’événement a commencé : les ateliers ne peuvent plus être changés.');
	}
	const item = await chooseWorkshopFor(ctx, reg.id, itemId);
	return { done: 'workshop' as const, message: `Atelier choisi : ${item.title}.` };
}
