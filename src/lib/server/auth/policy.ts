/**
 * Who may do what. Pure predicates: no database, no framework. Every service calls
 * `assertCan` first; routes only forward the actor.
 */
import { ForbiddenError, UnauthenticatedError } from '../errors';

export type GlobalRole = 'admin' | 'coordination' | 'copil' | 'membre';
export type SpaceRole = 'referent' | 'membre' | 'observateur';

export interface Actor {
	userId: string;
	role: GlobalRole;
	/** Roles held in spaces, by space id. */
	spaceRoles: Record<string, SpaceRole[]>;
	/** Given the moderator role of the cartography (users.carto_moderator), whatever the role. */
	cartoModerator?: boolean;
	/** Charter versions (in force, last accepted by the person), read with the session. */
	charter?: { current: number | null; accepted: number | null };
}

export interface Resource {
	spaceId?: string;
	ownerId?: string;
}

const rank: Record<GlobalRole, number> = { membre: 1, copil: 2, coordination: 3, admin: 4 };

export const atLeast = (actor: Actor | null, role: GlobalRole) =>
	!!actor && rank[actor.role] >= rank[role];
export const isMember = (actor: Actor | null): actor is Actor => !!actor;
export const hasSpaceRole = (
	actor: Actor | null,
	spaceId: string | undefined,
	...roles: SpaceRole[]
) => !!actor && !!spaceId && (actor.spaceRoles[spaceId] ?? []).some((r) => roles.includes(r));
const isOwner = (actor: Actor | null, r?: Resource) =>
	!!actor && !!r?.ownerId && r.ownerId === actor.userId;

const rules = {
	/** Reading the community directory's member contact details beyond "public". */
	'community.members.read': (a) => isMember(a),
	'community.structures.manage': (a) => atLeast(a, 'coordination'),
	/**
	 * Seeing every fiche of the cartography, whatever its status, deciding on fiches and changes,
	 * restoring revisions: coordination, admins, and the people given the moderator role.
	 */
	'cartographie.moderate': (a) => atLeast(a, 'coordination') || (!!a && a.cartoModerator === true),
	/** Editing the cartography's reference lists and granting the moderator role. */
	'cartographie.manage': (a) => atLeast(a, 'coordination'),
	'profile.edit': (a, r) => isOwner(a, r) || atLeast(a, 'admin'),
	'admin.access': (a) => atLeast(a, 'coordination'),
	'emails.read': (a) => atLeast(a, 'admin'),
	'audit.read': (a) => atLeast(a, 'admin'),
	'users.invite': (a) => atLeast(a, 'coordination'),
	'users.list': (a) => atLeast(a, 'coordination'),
	'users.setRole': (a) => atLeast(a, 'admin'),
	'joinRequests.decide': (a) => atLeast(a, 'coordination'),
	'space.read.private': (a, r) =>
		atLeast(a, 'coordination') || hasSpaceRole(a, r?.spaceId, 'referent', 'membre', 'observateur'),
	'space.manage': (a, r) => atLeast(a, 'coordination') || hasSpaceRole(a, r?.spaceId, 'referent'),
	/** Creating spaces beyond the chantiers and the comité de pilotage. */
	'space.create': (a) => atLeast(a, 'coordination'),
	/** Asking to join a space (the charter is checked by the service). */
	'space.join': (a) => isMember(a),
	/** Writing in a space: its pages, roadmap and productions (observers read only). */
	'space.contribute': (a, r) =>
		atLeast(a, 'coordination') || hasSpaceRole(a, r?.spaceId, 'referent', 'membre'),
	/** Editing the démarche's own pages (no space) and publishing a charter version. */
	'pages.root.edit': (a) => atLeast(a, 'coordination'),
	'charter.publish': (a) => atLeast(a, 'coordination')
} satisfies Record<string, (actor: Actor | null, resource?: Resource) => boolean>;

export type Action = keyof typeof rules;

export function can(actor: Actor | null, action: Action, resource?: Resource): boolean {
	return rules[action](actor, resource);
}

/** Throws Unauthenticated for a visitor, Forbidden for a member without the right. */
export function assertCan(
	actor: Actor | null,
	action: Action,
	resource?: Resource
): asserts actor is Actor {
	if (can(actor, action, resource)) return;
	if (!actor) throw new UnauthenticatedError();
	throw new ForbiddenError();
}

/**
 * Whether a content with this visibility may be read: public by all, members by signed-in
 * members, space by the space's members (any role) and coordination.
 */
export function canRead(
	actor: Actor | null,
	visibility: 'public' | 'members' | 'space',
	spaceId?: string | null
): boolean {
	if (visibility === 'public') return true;
	if (visibility === 'members') return isMember(actor);
	return can(actor, 'space.read.private', { spaceId: spaceId ?? undefined });
}

/** Roles a given actor may grant when inviting or changing a role. */
export function grantableRoles(actor: Actor | null): GlobalRole[] {
	if (atLeast(actor, 'admin')) return ['membre', 'copil', 'coordination', 'admin'];
	if (atLeast(actor, 'coordination')) return ['membre', 'copil'];
	return [];
}
