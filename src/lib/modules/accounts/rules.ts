/** Pure rules of accounts: emails, passwords, token lifetimes. */

export const TOKEN_TTL_HOURS = { invitation: 7 * 24, reset: 1 } as const;
export const MIN_PASSWORD = 12;

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** A French message explaining what is wrong with a new password, or null when it is fine. */
export function passwordProblem(password: string, email?: string | null): string | null {
	if (password.length < MIN_PASSWORD) {
		return `Le mot de passe doit contenir au moins ${MIN_PASSWORD} caractères.`;
	}
	if (password.length > 256) return 'Le mot de passe ne doit pas dépasser 256 caractères.';
	if (new Set(password).size < 5) return 'Le mot de passe est trop répétitif.';
	if (email && password.toLowerCase().includes(normalizeEmail(email).split('@')[0]!)) {
		return 'Le mot de passe ne doit pas contenir votre adresse email.';
	}
	return null;
}

export function expiresAfter(hours: number, now = new Date()): Date {
	return new Date(now.getTime() + hours * 3600 * 1000);
}

export function isUsable(
	token: { expiresAt: Date; usedAt: Date | null },
	now = new Date()
): boolean {
	return token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}

export const roleLabels = {
	admin: 'Administrateur·rice',
	coordination: 'Coordination',
	copil: 'Comité de pilotage',
	membre: 'Membre'
} as const;

export const visibilityLabels = {
	private: 'Moi seul·e',
	members: 'Les membres connecté·e·s',
	public: 'Tout le monde'
} as const;
