/**
 * The event of an « after the meeting » page (attendance, minutes, attachments), once the actor
 * may see it or organise it.
 */
import type { Ctx } from '../../server/context';
import type { Actor } from '../../server/auth/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../server/errors';
import { canManageEvent, canSeeEvent } from './policy';
import { eventBySlug, spacesOfEvent } from './repository.server';

export const eventPath = (slug: string) => `/agenda/${slug}`;

/** The event and its organising spaces, for someone who may see it. */
export async function visibleEvent(ctx: Ctx, actor: Actor | null, slug: string) {
	const event = await eventBySlug(ctx.db, slug);
	if (!event) throw new NotFoundError('Événement introuvable.');
	const spaces = await spacesOfEvent(ctx.db, event.id);
	const access = { visibility: event.visibility, spaceIds: spaces.map((s) => s.id) };
	if (!canSeeEvent(actor, access)) {
		if (!actor) throw new UnauthenticatedError();
		throw new ForbiddenError('Cet événement est réservé aux membres de ses espaces.');
	}
	return { event, spaces, canManage: canManageEvent(actor, access) };
}

/** The same, for one of its organisers only. */
export async function managedEvent(ctx: Ctx, actor: Actor | null, slug: string) {
	const found = await visibleEvent(ctx, actor, slug);
	if (!actor) throw new UnauthenticatedError();
	if (!found.canManage) {
		throw new ForbiddenError('Seul·e·s les organisateur·rice·s de l’événement peuvent faire cela.');
	}
	return { ...found, actor };
}
