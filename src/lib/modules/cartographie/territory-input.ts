/**
 * Pure rules of the territories typed in the fiche form: communes (names, postal codes) and EPCI
 * (names, SIREN), one per line, resolved on the server.
 */
import { normalizeName } from '../geo/rules';

/** Longest list of typed territories read from one form. */
export const MAX_TERRITORY_LINES = 50;

/** The lines of the territory field: trimmed, without blanks or repeats ("," and ";" split too). */
export function territoryLines(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	const seen = new Set<string>();
	const lines: string[] = [];
	for (const raw of text.split(/[\n;]+/)) {
		const line = raw.replace(/\s+/g, ' ').trim().slice(0, 150);
		const key = line.toLowerCase();
		if (!line || seen.has(key)) continue;
		seen.add(key);
		lines.push(line);
	}
	return lines;
}

/** What a typed line asks for: an EPCI by SIREN, a commune of a département, or a name. */
export type TerritoryQuery =
	| { kind: 'epci-code'; code: string; name: string | null }
	| { kind: 'postal-code'; code: string }
	| { kind: 'name'; name: string; departement: string | null };

/**
 * Reads a typed line: "200046977" or "Métropole de Lyon (EPCI 200046977)" name an EPCI by its
 * SIREN, "69001" is a postal code, "Saint-Denis (974)" a commune of a département, anything else
 * a name (of a commune or an EPCI).
 */
export function parseTerritoryLine(line: string): TerritoryQuery {
	const text = line.trim();
	if (/^\d{9}$/.test(text)) return { kind: 'epci-code', code: text, name: null };
	const epci = /^(.*?)\s*\(\s*(?:EPCI|SIREN)\s*(\d{9})\s*\)$/i.exec(text);
	if (epci) return { kind: 'epci-code', code: epci[2]!, name: epci[1] || null };
	if (/^\d{5}$/.test(text)) return { kind: 'postal-code', code: text };
	const dep = /^(.*?)\s*\(\s*([0-9][0-9AB][0-9]?)\s*\)$/i.exec(text);
	if (dep && dep[1]) return { kind: 'name', name: dep[1], departement: dep[2]!.toUpperCase() };
	return { kind: 'name', name: text, departement: null };
}

/** How an EPCI is written in choices and lists: "Métropole de Lyon (EPCI 200046977)". */
export function epciLabel(e: { code: string; nom: string }): string {
	return `${e.nom} (EPCI ${e.code})`;
}

/** How a commune is written in choices and lists: "Lyon (69)". */
export function communeLabel(c: { nom: string; departementCode: string }): string {
	return `${c.nom} (${c.departementCode})`;
}

const EPCI_TYPE =
	/^(?:cc|ca|cu|communaute (?:de communes|d agglomeration|urbaine)|metropole) (?:(?:de la|de l|des|du|de|d) )?/;
const STOP_WORDS = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'et']);

/** An EPCI name without its kind ("CA du Pays de Gex" → "pays de gex"), searchable form. */
export function epciCore(name: string): string {
	const n = normalizeName(name);
	return n.replace(EPCI_TYPE, '') || n;
}

/**
 * How well an EPCI name matches a typed name: 0 the same name, 1 the same name once its kind is
 * left aside ("CC du Pays de Gex" and "Pays de Gex" both name "CA du Pays de Gex"), 2 every typed
 * word (articles aside) starts a word of the name, null otherwise. Accents, case and punctuation
 * ignored.
 */
export function epciMatch(typed: string, nom: string): 0 | 1 | 2 | null {
	const q = normalizeName(typed);
	const n = normalizeName(nom);
	if (!q) return null;
	if (q === n) return 0;
	if (epciCore(typed) === epciCore(nom)) return 1;
	const words = n.split(' ');
	const wanted = epciCore(typed)
		.split(' ')
		.filter((w) => !STOP_WORDS.has(w));
	if (wanted.length === 0) return null;
	return wanted.every((w) => words.some((x) => x.startsWith(w))) ? 2 : null;
}

/** "« Zzz » : commune ou intercommunalité inconnue." and the like, joined in one message. */
export function territoryLineMessage(problems: { line: string; message: string }[]): string {
	return problems.map((p) => `« ${p.line} » : ${p.message}`).join(' ');
}
