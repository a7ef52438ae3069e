/** Pure rules of joining and leaving a space, and of the involvement people state. */
import type { SpaceRole } from '../../server/auth/policy';

export const CONTRIBUTION_MAX = 1000;
export const MESSAGE_MAX = 1000;
export const HOURS_MAX = 160;
export const SPACE_ROLES: readonly SpaceRole[] = ['referent', 'membre', 'observateur'];
/** Roles a person may ask for; référent·e·s are named by the space. */
export const REQUESTABLE_ROLES: readonly SpaceRole[] = ['membre', 'observateur'];

export interface Involvement {
	contribution: string;
	hoursPerMonth: number | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** What a person brings and the hours a month they expect to give (seed 004 asks both). */
export function checkInvolvement(input: Record<string, unknown>): {
	value: Involvement;
	errors: Record<string, string>;
} {
	const errors: Record<string, string> = {};
	const contribution = text(input.contribution);
	if (!contribution) {
		errors.contribution = 'Dites en quelques mots ce que vous pouvez apporter à cet espace.';
	} else if (contribution.length > CONTRIBUTION_MAX) {
		errors.contribution = `Ce texte ne doit pas dépasser ${CONTRIBUTION_MAX} caractères.`;
	}
	const rawHours = text(input.hoursPerMonth).replace(',', '.');
	let hoursPerMonth: number | null = null;
	if (rawHours) {
		const n = Number(rawHours);
		if (!Number.isInteger(n) || n < 0 || n > HOURS_MAX) {
			errors.hoursPerMonth = `Indiquez un nombre entier d'heures par mois, entre 0 et ${HOURS_MAX}.`;
		} else hoursPerMonth = n;
	}
	return { value: { contribution, hoursPerMonth }, errors };
}

/** An optional message of a request, an invitation or a decision. */
export function checkMessage(
	v: unknown,
	field = 'message'
): {
	value: string | null;
	errors: Record<string, string>;
} {
	const s = text(v);
	if (s.length > MESSAGE_MAX) {
		return {
			value: null,
			errors: { [field]: `Le message ne doit pas dépasser ${MESSAGE_MAX} caractères.` }
		};
	}
	return { value: s || null, errors: {} };
}

/** The charter box must be ticked for the version in force, not an older one read earlier. */
export function checkCharterConsent(
	ticked: unknown,
	version: unknown,
	current: number | null
): Record<string, string> {
	if (current === null) return {};
	if (ticked !== 'on' && ticked !== 'true') {
		return { charter: `Pour rejoindre l'espace, acceptez la charte (version ${current}).` };
	}
	if (Number(version) !== current) {
		return {
			charter: `La charte a changé pendant votre lecture : relisez la version ${current} avant de l'accepter.`
		};
	}
	return {};
}

export function parseRole(
	v: unknown,
	allowed: readonly SpaceRole[] = SPACE_ROLES
): SpaceRole | null {
	return allowed.includes(v as SpaceRole) ? (v as SpaceRole) : null;
}

/** A person's main role in a space when they hold several. */
export function mainRole(roles: readonly SpaceRole[]): SpaceRole | null {
	return SPACE_ROLES.find((r) => roles.includes(r)) ?? null;
}

/**
 * A space keeps at least one référent·e: the last one can neither leave nor change role
 * (someone else must be named first).
 */
export function keepsAReferent(
	activeReferentIds: readonly string[],
	userId: string,
	newRole: SpaceRole | null
): boolean {
	if (newRole === 'referent') return true;
	return activeReferentIds.some((id) => id !== userId) || !activeReferentIds.includes(userId);
}

/** Total hours a month the members expect to give, and how many said. */
export function totalHours(members: readonly { hoursPerMonth: number | null }[]) {
	let total = 0;
	let stated = 0;
	for (const m of members) {
		if (m.hoursPerMonth === null) continue;
		total += m.hoursPerMonth;
		stated++;
	}
	return { total, stated };
}
