/**
 * Who may see and edit resources. Pure predicates over the actor and the resource's spaces.
 */
import { atLeast, hasSpaceRole, isMember, type Actor } from '../../server/auth/policy';
import type { ContentVisibility } from '../../server/db/visibility';

export interface ResourceAccess {
	visibility: ContentVisibility;
	/** The linked spaces: "space" visibility means the members of any of them. */
	spaceIds: string[];
	createdBy: string | null;
}

/** Public for all; members' for signed-in people; space resources for the spaces' members. */
export function canSeeResource(actor: Actor | null, r: Omit<ResourceAccess, 'createdBy'>): boolean {
	if (r.visibility === 'public') return true;
	if (!actor) return false;
	if (r.visibility === 'members') return true;
	return (
		atLeast(actor, 'coordination') ||
		r.spaceIds.some((id) => hasSpaceRole(actor, id, 'referent', 'membre', 'observateur'))
	);
}

/** Any signed-in member may add a resource to the library. */
export const canCreateResource = (actor: Actor | null): actor is Actor => isMember(actor);

/** Editing and removing: its author, coordination, or a référent·e of a linked space. */
export function canEditResource(actor: Actor | null, r: ResourceAccess): boolean {
	if (!actor) return false;
	if (atLeast(actor, 'coordination')) return true;
	if (r.createdBy && r.createdBy === actor.userId) return true;
	return r.spaceIds.some((id) => hasSpaceRole(actor, id, 'referent'));
}

/** Choosing the resources featured on the home page. */
export const canFeatureResource = (actor: Actor | null) => atLeast(actor, 'coordination');

/** Linking a resource to a space: coordination, or a contributor of that space. */
export const canLinkSpace = (actor: Actor | null, spaceId: string) =>
	atLeast(actor, 'coordination') || hasSpaceRole(actor, spaceId, 'referent', 'membre');
