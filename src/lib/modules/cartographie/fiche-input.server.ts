// The fiche form as people fill it (commune in words, territories from lists, checkboxes and
// typed lines), turned into the input of parseFicheContent. Shared by the
// public proposal and the private edit link.
import type { Ctx } from '../../server/context';
import { keepValues } from '../../server/forms';
import { listsOf } from './owner-form';
import { ficheSchema } from './schemas';
import { resolveCommune } from './commune-input.server';
import { resolveTerritoryText, territoryItems } from './territory-input.server';

const asList = (v: unknown): string[] =>
	(v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).filter(
		(s): s is string => typeof s === 'string' && s.trim() !== ''
	);

export interface ReadForm {
	/** The input of parseFicheContent (communeCode, territories as "kind:code"). */
	data: Record<string, unknown>;
	/** Messages found before validation (commune, typed territories), by field of the form. */
	errors: Record<string, string>;
}

/**
 * Reads the form: the commune typed in words (`commune`), départements and régions (two lists),
 * communes and EPCI already chosen (`territories`, "commune:69123") and typed (`territoriesText`,
 * one per line), the point (`lat`, `lon`, optional).
 */
export async function readFicheForm(ctx: Ctx, input: Record<string, unknown>): Promise<ReadForm> {
	const errors: Record<string, string> = {};
	const commune = await resolveCommune(ctx, typeof input.commune === 'string' ? input.commune : '');
	if ('error' in commune) errors.commune = commune.error;
	const typed = await resolveTerritoryText(ctx, input.territoriesText);
	if (typed.error) errors.territoriesText = typed.error;
	const chosen = asList(input.territories).filter((t) => /^(commune|epci):/.test(t));
	const territories = [
		...asList(input.departements).map((c) => `departement:${c}`),
		...asList(input.regions).map((c) => `region:${c}`),
		...chosen,
		...typed.territories.map((t) => `${t.kind}:${t.code}`)
	];
	return {
		data: {
			...input,
			communeCode: 'code' in commune ? commune.code : '',
			territories
		},
		errors
	};
}

/**
 * The checks that need no database, under the form's names (so that a double click on bad input
 * fails twice, before the one-time token is spent). Adds to `errors`.
 */
export function precheck(data: Record<string, unknown>, errors: Record<string, string>) {
	const parsed = ficheSchema.safeParse(data);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const key = String(issue.path[0] ?? 'form');
			if (key === 'communeCode') continue;
			errors[key] ??= issue.message;
		}
	}
	const territories = data.territories as string[];
	if (
		parsed.success &&
		!parsed.data.national &&
		territories.length === 0 &&
		!errors.territoriesText
	) {
		errors.territories =
			'Cochez « Tout le territoire national » ou indiquez au moins une commune, une intercommunalité, un département ou une région.';
	}
}

/** parseFicheContent's messages under the form's names (`communeCode` is typed as `commune`). */
export function formFields(fields: Record<string, string>): Record<string, string> {
	const { communeCode, ...rest } = fields;
	return communeCode ? { ...rest, commune: rest.commune ?? communeCode } : rest;
}

/**
 * The form as it comes back after an error: what was typed, the lists ticked, and the communes
 * and EPCI found by name, moved from the typed lines to the list (the lines not found stay).
 */
export async function keptFormState(ctx: Ctx, form: FormData) {
	const values = keepValues(form);
	const lists = listsOf(form);
	const typed = await resolveTerritoryText(ctx, values.territoriesText);
	const chosen = [...new Set([...lists.territories, ...typed.found.map((f) => f.value)])].filter(
		(v) => /^(commune|epci):[0-9A-Za-z]{2,9}$/.test(v)
	);
	values.territoriesText = typed.failed.join('\n');
	const territories = chosen.map((v) => {
		const [kind, code] = v.split(':') as ['commune' | 'epci', string];
		return { kind, code };
	});
	return {
		values,
		lists: { ...lists, territories: chosen },
		territoryItems: await territoryItems(ctx, territories)
	};
}
