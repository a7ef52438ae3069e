/**
 * Pure rules reading one cell of an imported file: booleans, multi-valued cells, codes or labels
 * of the reference lists, territories. No database: names of communes and territories are
 * resolved in rows.server.ts.
 */
import { normalizeName } from '../../geo/rules';
import type { TerritoryKind } from '../rules';
import { splitMultiValues } from '../opendata/multi-values';
import { compactName } from './mapping';

const yes = new Set(['oui', 'o', 'true', 'vrai', '1', 'yes', 'y', 'x']);
const no = new Set(['non', 'n', 'false', 'faux', '0', 'no']);

export const BOOLEAN_MESSAGE = 'Valeur attendue : oui ou non (ou true / false, 1 / 0).';

/** oui / non, true / false, 1 / 0 (and vrai / faux, yes / no); empty is null; else 'invalid'. */
export function parseBoolean(value: string | undefined): boolean | null | 'invalid' {
	if (value === undefined || value.trim() === '') return null;
	const v = normalizeName(value);
	if (yes.has(v)) return true;
	if (no.has(v)) return false;
	return 'invalid';
}

/**
 * The values of a multi-valued cell ("a | b|c"), read as the open data export writes them ("\|"
 * is a "|" inside a value): trimmed, without blanks or repeats.
 */
export function splitMulti(value: string | undefined): string[] {
	if (!value) return [];
	const seen = new Set<string>();
	const out: string[] = [];
	for (const part of splitMultiValues(value)) {
		const v = part.replace(/\s+/g, ' ').trim();
		if (v && !seen.has(v)) {
			seen.add(v);
			out.push(v);
		}
	}
	return out;
}

/**
 * Reads the codes of a reference list from codes or labels, case, accents and punctuation
 * ignored ("Tiers-lieu", "tiers_lieu", "TIERS LIEU" → tiers_lieu). A value matching nothing is
 * kept as it is, so that the fiche's validation names it ("Choix inconnu : …").
 */
export function codeReader(items: readonly { code: string; label: string }[]) {
	const byName = new Map<string, string>();
	for (const item of items) byName.set(normalizeName(item.label), item.code);
	// Codes win over labels when both could match.
	for (const item of items) byName.set(normalizeName(item.code), item.code);
	return (value: string): string => byName.get(normalizeName(value)) ?? value;
}

/** What one value of a territories cell asks for. */
export type TerritoryToken =
	| { type: 'national' }
	| { type: 'code'; kind: TerritoryKind; code: string }
	/** A name to resolve, of one kind when written "departement:Rhône", else of any kind. */
	| { type: 'name'; kind: TerritoryKind | null; name: string }
	| { type: 'invalid'; message: string };

const kindNames: Record<string, TerritoryKind> = {
	commune: 'commune',
	epci: 'epci',
	interco: 'epci',
	intercommunalite: 'epci',
	departement: 'departement',
	dep: 'departement',
	dept: 'departement',
	region: 'region',
	reg: 'region'
};

const nationalNames = new Set([
	'national',
	'nationale',
	'france',
	'france entiere',
	'toute la france'
]);

const codePatterns: Record<TerritoryKind, RegExp> = {
	commune: /^[0-9][0-9AB][0-9]{3}$/,
	epci: /^[0-9]{9}$/,
	departement: /^(?:[0-9]{2}|2[AB]|97[0-9])$/,
	region: /^[0-9]{2}$/
};

/**
 * One value of a territories cell: "national", "departement:69", "region:84", "commune:69123",
 * "epci:200046977", a kind and a name ("departement:Rhône"), a bare EPCI SIREN (9 digits) or
 * INSEE commune code (5 characters), or a name. Bare 2-digit codes are refused: "84" is both a
 * département and a région.
 */
export function parseTerritoryToken(value: string): TerritoryToken {
	const text = value.trim();
	if (nationalNames.has(normalizeName(text))) return { type: 'national' };
	const colon = text.indexOf(':');
	if (colon > 0) {
		const kind = kindNames[compactName(text.slice(0, colon))];
		const rest = text.slice(colon + 1).trim();
		if (!kind) {
			return {
				type: 'invalid',
				message: `« ${text} » : type de territoire inconnu (commune, epci, departement ou region).`
			};
		}
		if (!rest) return { type: 'invalid', message: `« ${text} » : code manquant.` };
		const code = rest.toUpperCase();
		if (codePatterns[kind].test(code)) return { type: 'code', kind, code };
		if (/^[0-9]+$/.test(rest)) {
			return { type: 'invalid', message: `« ${text} » : code de territoire invalide.` };
		}
		return { type: 'name', kind, name: rest };
	}
	if (codePatterns.epci.test(text)) return { type: 'code', kind: 'epci', code: text };
	if (codePatterns.commune.test(text.toUpperCase())) {
		return { type: 'code', kind: 'commune', code: text.toUpperCase() };
	}
	if (/^[0-9][0-9AB]?[0-9]?$/i.test(text)) {
		return {
			type: 'invalid',
			message: `« ${text} » : précisez departement:${text} ou region:${text}.`
		};
	}
	return { type: 'name', kind: null, name: text };
}
