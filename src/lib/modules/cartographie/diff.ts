/**
 * The differences between two contents of a fiche, field by field, as moderators read them: only
 * the fields that differ, French labels, codes turned into labels and territories into names,
 * long texts compared word by word. Pure: the names come from the caller.
 */
import { diffWords } from 'diff';
import type { FicheContent, FicheTerritory } from './content.server';

/** A piece of a long text: kept, removed or added. */
export interface DiffPart {
	kind: 'same' | 'removed' | 'added';
	text: string;
}

export type FieldDiff =
	| { field: string; label: string; type: 'text'; parts: DiffPart[] }
	| { field: string; label: string; type: 'value'; before: string | null; after: string | null }
	| { field: string; label: string; type: 'list'; added: string[]; removed: string[] };

/** How to show codes: reference labels by list field, names of territories and communes. */
export interface DiffNames {
	/** Labels by code, for cooperationKinds, dimensions, modalities, stages and cost. */
	labels: Partial<
		Record<
			'cooperationKinds' | 'dimensions' | 'modalities' | 'stages' | 'cost',
			Record<string, string>
		>
	>;
	/** Names by "kind:code" (territories) and by INSEE code under "commune:code" (the address). */
	places: Record<string, string>;
}

type Field = {
	field: keyof FicheContent | 'point';
	label: string;
	kind: 'text' | 'value' | 'yesno' | 'list' | 'code';
};

/** Every field in the order of the form, with its French label. */
export const diffFields: readonly Field[] = [
	{ field: 'name', label: 'Nom de la structure', kind: 'value' },
	{ field: 'acronym', label: 'Sigle', kind: 'value' },
	{ field: 'shortDescription', label: 'Description courte', kind: 'text' },
	{ field: 'presentation', label: 'Présentation', kind: 'text' },
	{ field: 'siret', label: 'Numéro SIRET', kind: 'value' },
	{ field: 'address', label: 'Adresse', kind: 'value' },
	{ field: 'communeCode', label: 'Commune', kind: 'code' },
	{ field: 'point', label: 'Position sur la carte', kind: 'value' },
	{ field: 'national', label: 'Intervient sur tout le territoire national', kind: 'yesno' },
	{ field: 'territories', label: "Territoire d'intervention", kind: 'list' },
	{ field: 'cooperationKinds', label: 'Types de coopération accompagnés', kind: 'list' },
	{ field: 'dimensions', label: 'Dimensions accompagnées', kind: 'list' },
	{ field: 'modalities', label: "Modalités d'accompagnement", kind: 'list' },
	{ field: 'stages', label: 'Stades des projets accompagnés', kind: 'list' },
	{ field: 'cost', label: "Coût de l'accompagnement", kind: 'code' },
	{ field: 'methodologies', label: 'Méthodologies et outils', kind: 'text' },
	{ field: 'needsSeen', label: 'Besoins observés', kind: 'text' },
	{ field: 'publics', label: 'Publics accompagnés', kind: 'text' },
	{ field: 'networks', label: 'Réseaux et partenaires', kind: 'text' },
	{ field: 'contactEmail', label: 'Adresse email de contact', kind: 'value' },
	{ field: 'contactEmailPublic', label: 'Adresse email affichée sur la fiche', kind: 'yesno' },
	{ field: 'contactPhone', label: 'Téléphone de contact', kind: 'value' },
	{ field: 'contactPhonePublic', label: 'Téléphone affiché sur la fiche', kind: 'yesno' },
	{ field: 'contactWebsite', label: 'Site web', kind: 'value' },
	{ field: 'contactWebsitePublic', label: 'Site web affiché sur la fiche', kind: 'yesno' }
];

const territoryKey = (t: FicheTerritory) => `${t.kind}:${t.code}`;

const kindWords: Record<FicheTerritory['kind'], string> = {
	commune: 'Commune',
	epci: 'EPCI',
	departement: 'Département',
	region: 'Région'
};

/** The name of a territory, or its kind and code when the name is unknown. */
export function territoryName(t: FicheTerritory, names: DiffNames): string {
	return names.places[territoryKey(t)] ?? `${kindWords[t.kind]} ${t.code}`;
}

const point = (c: FicheContent) =>
	c.lat === null || c.lon === null
		? null
		: `${c.lat.toFixed(5).replace('.', ',')} ; ${c.lon.toFixed(5).replace('.', ',')}`;

/** Word by word: the pieces removed from `before` and added in `after`, in reading order. */
export function wordDiff(before: string | null, after: string | null): DiffPart[] {
	const parts: DiffPart[] = [];
	for (const c of diffWords(before ?? '', after ?? '')) {
		const kind = c.added ? 'added' : c.removed ? 'removed' : 'same';
		const last = parts.at(-1);
		if (last && last.kind === kind) last.text += c.value;
		else parts.push({ kind, text: c.value });
	}
	return parts.filter((p) => p.text !== '');
}

const sameList = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The fields of `after` that differ from `before` (null `before`: everything `after` fills in,
 * as for a new fiche). Lists give their added and removed items, in the order of `after` / `before`.
 */
export function diffContent(
	before: FicheContent | null,
	after: FicheContent,
	names: DiffNames
): FieldDiff[] {
	const out: FieldDiff[] = [];
	for (const { field, label, kind } of diffFields) {
		if (field === 'point') {
			const b = before ? point(before) : null;
			const a = point(after);
			if (b !== a) out.push({ field, label, type: 'value', before: b, after: a });
			continue;
		}
		if (field === 'territories') {
			const b = (before?.territories ?? []).map(territoryKey);
			const a = after.territories.map(territoryKey);
			const added = after.territories.filter((t) => !b.includes(territoryKey(t)));
			const removed = (before?.territories ?? []).filter((t) => !a.includes(territoryKey(t)));
			if (added.length || removed.length) {
				out.push({
					field,
					label,
					type: 'list',
					added: added.map((t) => territoryName(t, names)),
					removed: removed.map((t) => territoryName(t, names))
				});
			}
			continue;
		}
		const b = before ? before[field] : null;
		const a = after[field];
		if (kind === 'list') {
			const bl = (b as string[] | null) ?? [];
			const al = a as string[];
			if (sameList(bl, al)) continue;
			const labels = names.labels[field as keyof DiffNames['labels']] ?? {};
			const added = al.filter((c) => !bl.includes(c)).map((c) => labels[c] ?? c);
			const removed = bl.filter((c) => !al.includes(c)).map((c) => labels[c] ?? c);
			// Only the order changed: nothing a reader of the fiche would notice.
			if (added.length || removed.length) out.push({ field, label, type: 'list', added, removed });
			continue;
		}
		if (kind === 'yesno') {
			const bv = before ? b === true : null;
			if (bv === a) continue;
			out.push({
				field,
				label,
				type: 'value',
				before: bv === null ? null : bv ? 'Oui' : 'Non',
				after: a ? 'Oui' : 'Non'
			});
			continue;
		}
		const bs = (b as string | null) ?? null;
		const as = (a as string | null) ?? null;
		if (bs === as) continue;
		if (kind === 'text') {
			out.push({ field, label, type: 'text', parts: wordDiff(bs, as) });
		} else if (kind === 'code') {
			const show = (code: string | null) => {
				if (code === null) return null;
				if (field === 'communeCode') return names.places[`commune:${code}`] ?? code;
				return names.labels.cost?.[code] ?? code;
			};
			out.push({ field, label, type: 'value', before: show(bs), after: show(as) });
		} else {
			out.push({ field, label, type: 'value', before: bs, after: as });
		}
	}
	return out;
}

/** The "kind:code" keys of every place two contents name (for the caller to look them up). */
export function placesOf(...contents: (FicheContent | null)[]): FicheTerritory[] {
	const seen = new Map<string, FicheTerritory>();
	for (const c of contents) {
		if (!c) continue;
		for (const t of c.territories) seen.set(territoryKey(t), t);
		if (c.communeCode) {
			seen.set(`commune:${c.communeCode}`, { kind: 'commune', code: c.communeCode });
		}
	}
	return [...seen.values()];
}

/** Who wrote a revision, in words: the account's name, or how it came without an account. */
export function revisionAuthor(r: { authorName: string | null; note: string | null }): string {
	if (r.authorName) return r.authorName;
	if (r.note === 'Proposition') return 'Proposition sans compte';
	if (r.note?.startsWith('Import')) return 'Import';
	return 'Via le lien privé';
}
