import { error, fail, isHttpError, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import {
	DomainError,
	ForbiddenError,
	NotFoundError,
	RateLimitError,
	UnauthenticatedError,
	ValidationError
} from './errors';
import { keepValues } from './forms';

function loginRedirect(event: RequestEvent): never {
	const next = event.url.pathname + event.url.search;
	redirect(303, `/connexion?suite=${encodeURIComponent(next)}`);
}

function rethrowMapped(event: RequestEvent, err: unknown): never {
	if (isRedirect(err) || isHttpError(err)) throw err;
	if (err instanceof UnauthenticatedError) loginRedirect(event);
	if (err instanceof ForbiddenError) error(403, err.message);
	if (err instanceof NotFoundError) error(404, err.message);
	throw err;
}

/** Runs a load: a visitor is sent to the login page, a member without the right gets 403. */
export async function guarded<T>(event: RequestEvent, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		rethrowMapped(event, err);
	}
}

/**
 * Runs a form action: bad input comes back with French messages per field and what was typed;
 * too many attempts come back as 429 with a message.
 */
export async function formAction<T>(event: RequestEvent, fn: (form: FormData) => Promise<T>) {
	const form = await event.request.formData();
	try {
		return await fn(form);
	} catch (err) {
		const values = keepValues(form);
		if (err instanceof ValidationError) {
			return fail(400, { errors: err.fields, values, message: err.message });
		}
		if (err instanceof RateLimitError) {
			return fail(429, { errors: {} as Record<string, string>, values, message: err.message });
		}
		if (
			err instanceof DomainError &&
			!(
				err instanceof UnauthenticatedError ||
				err instanceof ForbiddenError ||
				err instanceof NotFoundError
			)
		) {
			return fail(400, { errors: {} as Record<string, string>, values, message: err.message });
		}
		rethrowMapped(event, err);
	}
}

export function requestInfo(event: RequestEvent) {
	return {
		ip: event.getClientAddress(),
		userAgent: event.request.headers.get('user-agent') ?? undefined
	};
}

/**
 * Runs a form action that ends by leaving the page: on success, redirects (303) to the path the
 * action returns; on bad input, answers like `formAction`.
 */
export async function formActionThenRedirect(
	event: RequestEvent,
	fn: (form: FormData) => Promise<string>
) {
	let location = '/';
	const failure = await formAction(event, async (form) => {
		location = await fn(form);
	});
	if (failure) return failure;
	redirect(303, location);
}
