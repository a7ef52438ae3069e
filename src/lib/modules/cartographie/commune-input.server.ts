// The commune typed in the fiche form, and the suggestions of its autocomplete.
import type { Ctx } from '../../server/context';
import { searchCommunes } from '../geo/service.server';
import { normalizeQuery } from '../geo/rules';
import { communeLabel, epciLabel } from './territory-input';
import { searchEpcis } from './territory-input.server';

/**
 * The commune a person typed ("Lyon", "69001", "Saint-Denis (974)"): its INSEE code, or a French
 * message. One exact name (or one result) is used; several ask to be more precise.
 */
export async function resolveCommune(
	ctx: Ctx,
	typed: string
): Promise<{ code: string } | { error: string }> {
	const text = typed.trim().slice(0, 120);
	if (!text) return { error: 'Indiquez la commune.' };
	// "Nom (dép.)", as the choices are written in the message below.
	const m = /^(.*?)\s*\(\s*([0-9][0-9AB][0-9]?)\s*\)$/i.exec(text);
	const query = m ? m[1]! : text;
	const dep = m ? m[2]!.toUpperCase() : null;
	let hits = await searchCommunes(ctx, query, 20);
	if (dep) hits = hits.filter((h) => h.departementCode === dep);
	const wanted = normalizeQuery(query);
	const exact = hits.filter(
		(h) =>
			normalizeQuery(h.nom) === wanted || (h.ancienNom && normalizeQuery(h.ancienNom) === wanted)
	);
	const candidates = exact.length > 0 ? exact : hits;
	if (candidates.length === 1) return { code: candidates[0]!.code };
	if (candidates.length === 0) return { error: 'Commune inconnue.' };
	const shown = candidates.slice(0, 6).map((h) => `${h.nom} (${h.departementCode})`);
	return {
		error: `Précisez la commune : ${shown.join(', ')}${candidates.length > 6 ? '…' : '.'}`
	};
}

export type Suggestion = {
	/** What the form sends back, resolved as typed ("Lyon (69)", "Métropole de Lyon (EPCI …)"). */
	label: string;
	/** Postal codes or "Intercommunalité", to tell homonyms apart. */
	detail: string;
	lat: number | null;
	lon: number | null;
};

/** Suggestions for the commune field, with the EPCI too for the territory field. */
export async function suggestPlaces(ctx: Ctx, q: string, withEpci: boolean): Promise<Suggestion[]> {
	const text = q.trim().slice(0, 100);
	if (text.length < 2) return [];
	const communes = (await searchCommunes(ctx, text, 8)).map((c) => ({
		label: communeLabel(c),
		detail: c.codesPostaux.slice(0, 3).join(', '),
		lat: c.lat,
		lon: c.lon
	}));
	if (!withEpci || /^\d+$/.test(text)) return communes;
	const epcis = (await searchEpcis(ctx, text, 5)).map((e) => ({
		label: epciLabel(e),
		detail: 'Intercommunalité',
		lat: null,
		lon: null
	}));
	return [...communes, ...epcis];
}
