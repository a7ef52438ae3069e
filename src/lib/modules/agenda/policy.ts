/**
 * Who may see and organise events. Pure predicates over the actor and the event's spaces.
 */
import { atLeast, hasSpaceRole, type Actor } from '../../server/auth/policy';
import type { ContentVisibility } from '../../server/db/visibility';

export interface EventAccess {
	visibility: ContentVisibility;
	/** The organising spaces. */
	spaceIds: string[];
}

/** Public events for all; members' events for signed-in people; space events for their members. */
export function canSeeEvent(actor: Actor | null, event: EventAccess): boolean {
	if (event.visibility === 'public') return true;
	if (!actor) return false;
	if (event.visibility === 'members') return true;
	return (
		atLeast(actor, 'coordination') ||
		event.spaceIds.some((id) => hasSpaceRole(actor, id, 'referent', 'membre', 'observateur'))
	);
}

/**
 * Organising (editing, cancelling, attendance, minutes): coordination, or a référent·e of one
 * of the organising spaces. An event without a space is coordination's.
 */
export function canManageEvent(actor: Actor | null, event: Pick<EventAccess, 'spaceIds'>): boolean {
	if (atLeast(actor, 'coordination')) return true;
	return event.spaceIds.some((id) => hasSpaceRole(actor, id, 'referent'));
}

/**
 * Creating an event for these spaces: coordination, or a référent·e of every one of them (an
 * event without a space, external or démarche-wide, is coordination's).
 */
export const canCreateEvent = (actor: Actor | null, spaceIds: string[]) =>
	atLeast(actor, 'coordination') ||
	(spaceIds.length > 0 && spaceIds.every((id) => hasSpaceRole(actor, id, 'referent')));
