/** Domain errors thrown by services; routes map them to HTTP answers (see http.ts). */
export class DomainError extends Error {}

export class NotFoundError extends DomainError {
	constructor(message = 'Page introuvable.') {
		super(message);
	}
}

export class ForbiddenError extends DomainError {
	constructor(message = "Vous n'avez pas accès à cette action.") {
		super(message);
	}
}

export class UnauthenticatedError extends DomainError {
	constructor(message = 'Connectez-vous pour continuer.') {
		super(message);
	}
}

/** Bad input: one French message per field, shown next to it. */
export class ValidationError extends DomainError {
	constructor(
		public readonly fields: Record<string, string>,
		message = 'Le formulaire contient des erreurs.'
	) {
		super(message);
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An identifier from a URL or a form that is not a UUID cannot name anything: 404. */
export function assertUuid(id: string | null | undefined, message?: string): asserts id is string {
	if (!id || !UUID.test(id)) throw new NotFoundError(message);
}

export class RateLimitError extends DomainError {
	constructor(message = 'Trop de tentatives. Veuillez réessayer dans quelques minutes.') {
		super(message);
	}
}
