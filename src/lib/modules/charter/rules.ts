/** Pure rules of the charter: who is asked to accept it, what a new version needs. */

export const CHARTER_SLUG = 'charte';
export const CHARTER_PATH = '/charte';
export const PUBLISH_SUMMARY_MAX = 300;

/**
 * A person is asked to accept a new version when they take part in a space and accepted an
 * earlier one. Joining records the version in force; people placed in a space directly (seeded,
 * or before the charter existed) may accept it from its page but are not stopped.
 */
export function charterPending(
	current: number | null,
	accepted: number | null,
	inSpace: boolean
): boolean {
	return inSpace && current !== null && accepted !== null && accepted < current;
}

/**
 * Pages reachable while the charter waits for acceptance: the charter itself, leaving a space,
 * one's own data and account, signing out, and what is not a page.
 */
export function exemptFromCharterGate(pathname: string): boolean {
	return (
		pathname === CHARTER_PATH ||
		pathname === `/pages/${CHARTER_SLUG}` ||
		pathname.startsWith(`/pages/${CHARTER_SLUG}/`) ||
		pathname.startsWith('/deconnexion') ||
		pathname.startsWith('/profil') ||
		pathname.startsWith('/api/') ||
		pathname.startsWith('/donnees-personnelles') ||
		pathname.startsWith('/mentions-legales') ||
		pathname.startsWith('/accessibilite') ||
		/^\/chantiers\/[^/]+\/membres\/?$/.test(pathname)
	);
}

/** A new version needs a summary of what changed and a text that differs from the current one. */
export function checkPublish(
	summary: string,
	pageRevision: number,
	currentVersionRevision: number | null
): Record<string, string> {
	const errors: Record<string, string> = {};
	const s = summary.trim();
	if (!s) errors.summary = 'Indiquez en une phrase ce qui change dans cette version.';
	else if (s.length > PUBLISH_SUMMARY_MAX) {
		errors.summary = `Le résumé ne doit pas dépasser ${PUBLISH_SUMMARY_MAX} caractères.`;
	}
	if (currentVersionRevision !== null && pageRevision === currentVersionRevision) {
		errors.form =
			"La page de la charte n'a pas changé depuis la version en vigueur : modifiez-la avant de publier une nouvelle version.";
	}
	return errors;
}
