// "Ma commune": what people typed → one commune, a few to choose from, or nothing.
import type { Ctx } from '../../server/context';
import { getCommune, searchCommunes } from '../geo/service.server';
import { isPostalCode, normalizeName, normalizeQuery } from '../geo/rules';
import { placeLabel } from './search';

export type PlaceChoice = { code: string; label: string };

export type PlaceResolution =
	| { kind: 'none' }
	| { kind: 'found'; code: string; label: string }
	| { kind: 'choose'; choices: PlaceChoice[] }
	| { kind: 'unknown' };

/**
 * Resolves the "Ma commune" field. `typed` is what people typed (a name or a postal code);
 * `code` the INSEE code chosen before (kept in the URL): it wins while the field still shows its
 * label (an emptied field drops it). Exactly one good match (the only commune of a postal code,
 * the only commune with exactly that name, or "Nom (dép.)") is used; several are offered as
 * choices; none gives 'unknown'.
 */
export async function resolvePlace(
	ctx: Ctx,
	typed: string | undefined,
	code: string | undefined
): Promise<PlaceResolution> {
	const wanted = typed?.trim().slice(0, 100) ?? '';
	if (code && /^[0-9AB]{5}$/i.test(code)) {
		const commune = await getCommune(ctx, code);
		if (commune) {
			const label = placeLabel(commune.nom, commune.departement.code);
			// No field at all (a link with the code only), or the field still shows its label.
			if (typed === undefined || normalizeName(wanted) === normalizeName(label)) {
				return { kind: 'found', code: commune.code, label };
			}
		}
	}
	if (!wanted) return { kind: 'none' };
	const withDep = /^(.*\S)\s*\(\s*([0-9][0-9AB]?[0-9]?)\s*\)$/i.exec(wanted);
	const query = withDep ? withDep[1]! : wanted;
	const hits = await searchCommunes(ctx, query, 8);
	const inDep = withDep
		? hits.filter((h) => h.departementCode.toUpperCase() === withDep[2]!.toUpperCase())
		: hits;
	const term = normalizeQuery(query);
	const exact = isPostalCode(query)
		? inDep
		: inDep.filter(
				(h) => normalizeName(h.nom) === term || (h.ancienNom && normalizeName(h.ancienNom) === term)
			);
	const choose = (list: typeof hits): PlaceResolution => ({
		kind: 'choose',
		choices: list.map((h) => ({ code: h.code, label: placeLabel(h.nom, h.departementCode) }))
	});
	if (exact.length === 1) {
		const h = exact[0]!;
		return { kind: 'found', code: h.code, label: placeLabel(h.nom, h.departementCode) };
	}
	if (exact.length > 1) return choose(exact);
	if (inDep.length > 0) return choose(inDep);
	return { kind: 'unknown' };
}
