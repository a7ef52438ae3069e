/**
 * The resource form's input once received: its text fields validated, the spaces and
 * productions checked against what the actor may link, and what to send back on a mistake.
 */
import type { Ctx } from '../../server/context';
import type { Actor } from '../../server/auth/policy';
import { formToObject, keepValues, validate } from '../../server/forms';
import { ValidationError } from '../../server/errors';
import { canLinkSpace } from './policy';
import { resourceSchema, type ResourceInput } from './schemas';
import { matchAuthors, productionSpaces, spaceList, type AuthorLink } from './repository.server';

/** What the form shows again after a mistake: every typed value, the ticked boxes. */
export interface FormEcho {
	values: Record<string, string>;
	lists: { themes: string[]; spaceIds: string[]; productionIds: string[] };
}

export type FormOutcome =
	| { ok: true; slug: string }
	| ({ ok: false; errors: Record<string, string>; message: string } & FormEcho);

export const FILE_AGAIN = 'Choisissez à nouveau le fichier.';
export const FILE_OR_LINK = 'Ajoutez un fichier ou un lien.';

export function echo(form: FormData): FormEcho {
	const all = (name: string) =>
		form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
	return {
		values: keepValues(form),
		lists: { themes: all('themes'), spaceIds: all('spaceIds'), productionIds: all('productionIds') }
	};
}

export function failure(form: FormData, errors: Record<string, string>): FormOutcome {
	return { ok: false, errors, message: 'Le formulaire contient des erreurs.', ...echo(form) };
}

export interface CheckedInput extends ResourceInput {
	authorLinks: AuthorLink[];
}

/**
 * Validates the text fields. `hasFile`: a file comes with the form or stays from before;
 * `keptSpaceIds` / `keptProductionIds`: links already there, which stay allowed to someone who
 * could not add them.
 */
export async function checkInput(
	ctx: Ctx,
	actor: Actor,
	form: FormData,
	opts: {
		hasFile: boolean;
		fileError: string | null;
		keptSpaceIds: string[];
		keptProductionIds?: string[];
	}
): Promise<{ ok: true; input: CheckedInput } | { ok: false; errors: Record<string, string> }> {
	const errors: Record<string, string> = {};
	let input: ResourceInput | null = null;
	try {
		input = validate(resourceSchema, formToObject(form));
	} catch (err) {
		if (!(err instanceof ValidationError)) throw err;
		Object.assign(errors, err.fields);
	}
	if (opts.fileError) errors.file = opts.fileError;
	else if (!opts.hasFile && !(input?.externalUrl ?? form.get('externalUrl'))) {
		errors.externalUrl ??= FILE_OR_LINK;
		errors.file = FILE_OR_LINK;
	}
	if (input) {
		const allowed = (id: string) => opts.keptSpaceIds.includes(id) || canLinkSpace(actor, id);
		const found = await spaceList(ctx.db, input.spaceIds);
		if (found.length !== input.spaceIds.length || !input.spaceIds.every(allowed)) {
			errors.spaceIds ??= 'Choisissez des espaces de la liste.';
		}
		// A production may be linked when its space may be (linked already, or open to the actor).
		const prods = await productionSpaces(ctx.db, input.productionIds);
		if (
			prods.length !== input.productionIds.length ||
			!prods.every(
				(p) =>
					opts.keptProductionIds?.includes(p.id) ||
					input!.spaceIds.includes(p.spaceId) ||
					allowed(p.spaceId)
			)
		) {
			errors.productionIds ??= 'Choisissez des productions de la liste.';
		}
	}
	if (!input || Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, input: { ...input, authorLinks: await matchAuthors(ctx.db, input.authors) } };
}

/** The row's columns set by the form. */
export function columnsOf(input: CheckedInput) {
	return {
		title: input.title,
		kind: input.kind,
		description: input.description,
		publishedOn: input.publishedOn,
		themes: input.themes,
		tags: input.tags,
		tagsText: input.tags.join(' '),
		externalUrl: input.externalUrl,
		licence: input.licence,
		language: input.language,
		visibility: input.visibility
	};
}
