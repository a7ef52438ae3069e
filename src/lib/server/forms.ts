import type { z } from 'zod';
import { ValidationError } from './errors';

/** Reads a form into a plain object (repeated names become arrays). */
export function formToObject(form: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		const prev = out[key];
		out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}

/** Validates input with a zod schema; throws ValidationError with one French message per field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = String(issue.path[0] ?? 'form');
		fields[key] ??= issue.message;
	}
	throw new ValidationError(fields);
}

/** Values to send back to the form after an error: never passwords. */
export function keepValues(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string' && !/password|mot_de_passe|token|website_url/i.test(key)) {
			out[key] = value;
		}
	}
	return out;
}

/** The file chosen in a file field; null when none was (browsers then send an empty, unnamed part). */
export function formFile(form: FormData, name: string): File | null {
	const value = form.get(name);
	if (typeof value === 'string' || value === null) return null;
	return value.size === 0 && value.name === '' ? null : value;
}

/** A "go on to" path from a URL parameter, kept only if it stays on this site ("//host" and "/\host" leave it). */
export const safeNext = (next: string | null | undefined) =>
	next && /^\/(?![/\\])/.test(next) ? next : '/';
