// Communes and EPCI typed in the fiche form, resolved on the server (the form works without
// JavaScript): one line each, an ambiguous name lists the choices, an unknown one is named.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { geoCommunes, geoEpcis } from '../../server/db/schema';
import { searchCommunes } from '../geo/service.server';
import { normalizeQuery } from '../geo/rules';
import type { FicheTerritory } from './content.server';
import {
	communeLabel,
	epciLabel,
	epciMatch,
	MAX_TERRITORY_LINES,
	parseTerritoryLine,
	territoryLineMessage,
	territoryLines
} from './territory-input';

type Epci = { code: string; nom: string };

// About 1,250 EPCI, read once per database: the geography only changes at start.
const epciCache = new WeakMap<object, Promise<Epci[]>>();

function allEpcis(ctx: Ctx): Promise<Epci[]> {
	let list = epciCache.get(ctx.db);
	if (!list) {
		list = ctx.db
			.select({ code: geoEpcis.code, nom: geoEpcis.nom })
			.from(geoEpcis)
			.then((rows) => rows);
		list.catch(() => epciCache.delete(ctx.db));
		epciCache.set(ctx.db, list);
	}
	return list;
}

/** EPCI whose name matches a typed text, the same names first, the most populated… by name. */
export async function searchEpcis(ctx: Ctx, typed: string, limit = 10): Promise<Epci[]> {
	const scored = (await allEpcis(ctx))
		.map((e) => ({ e, score: epciMatch(typed, e.nom) }))
		.filter((x): x is { e: Epci; score: 0 | 1 | 2 } => x.score !== null)
		.sort((a, b) => a.score - b.score || a.e.nom.localeCompare(b.e.nom, 'fr'));
	return scored.slice(0, limit).map((x) => x.e);
}

/** `rank`: 0 the same name, 1 the same EPCI name but its kind, 2 a close name. */
type Candidate = { territory: FicheTerritory; label: string; rank: number };

const choices = (list: Candidate[]) =>
	`précisez : ${list
		.slice(0, 6)
		.map((c) => c.label)
		.join(', ')}${list.length > 6 ? '…' : '.'}`;

/** One typed line: the territory it names, or a French message. */
export async function resolveTerritoryLine(
	ctx: Ctx,
	line: string
): Promise<{ territory: FicheTerritory; label: string } | { error: string }> {
	const q = parseTerritoryLine(line);
	if (q.kind === 'epci-code') {
		const found = (await allEpcis(ctx)).find((e) => e.code === q.code);
		if (!found) return { error: `intercommunalité inconnue (SIREN ${q.code}).` };
		return { territory: { kind: 'epci', code: found.code }, label: epciLabel(found) };
	}
	if (q.kind === 'postal-code') {
		const hits = await searchCommunes(ctx, q.code, 20);
		const list = hits.map<Candidate>((h) => ({
			territory: { kind: 'commune', code: h.code },
			label: communeLabel(h),
			rank: 0
		}));
		if (list.length === 1) return { territory: list[0]!.territory, label: list[0]!.label };
		if (list.length === 0) return { error: 'code postal inconnu.' };
		return { error: `plusieurs communes ont ce code postal, ${choices(list)}` };
	}
	let hits = await searchCommunes(ctx, q.name, 20);
	if (q.departement) hits = hits.filter((h) => h.departementCode === q.departement);
	const wanted = normalizeQuery(q.name);
	const candidates: Candidate[] = hits.map((h) => ({
		territory: { kind: 'commune', code: h.code },
		label: communeLabel(h),
		rank:
			normalizeQuery(h.nom) === wanted || (!!h.ancienNom && normalizeQuery(h.ancienNom) === wanted)
				? 0
				: 2
	}));
	if (!q.departement) {
		for (const e of await searchEpcis(ctx, q.name, 20)) {
			candidates.push({
				territory: { kind: 'epci', code: e.code },
				label: epciLabel(e),
				rank: epciMatch(q.name, e.nom) ?? 2
			});
		}
	}
	const best = Math.min(...candidates.map((c) => c.rank));
	const list = candidates.filter((c) => c.rank === best);
	if (list.length === 1) return { territory: list[0]!.territory, label: list[0]!.label };
	if (list.length === 0) return { error: 'commune ou intercommunalité inconnue.' };
	return { error: choices(list) };
}

/**
 * Every line of the territory field: the territories found, and one message for the lines that
 * name nothing or several things (null when every line was found).
 */
export async function resolveTerritoryText(
	ctx: Ctx,
	text: unknown
): Promise<{
	territories: FicheTerritory[];
	found: { value: string; label: string }[];
	failed: string[];
	error: string | null;
}> {
	const lines = territoryLines(text);
	if (lines.length > MAX_TERRITORY_LINES) {
		return {
			territories: [],
			found: [],
			failed: lines,
			error: `Indiquez ${MAX_TERRITORY_LINES} communes ou intercommunalités au plus à la fois.`
		};
	}
	const territories: FicheTerritory[] = [];
	const found: { value: string; label: string }[] = [];
	const failed: string[] = [];
	const problems: { line: string; message: string }[] = [];
	for (const line of lines) {
		const r = await resolveTerritoryLine(ctx, line);
		if ('error' in r) {
			failed.push(line);
			problems.push({ line, message: r.error });
		} else {
			territories.push(r.territory);
			found.push({ value: `${r.territory.kind}:${r.territory.code}`, label: r.label });
		}
	}
	return {
		territories,
		found,
		failed,
		error: problems.length > 0 ? territoryLineMessage(problems) : null
	};
}

/** Names of commune and EPCI territories for the form's list ("Lyon (69)"), in their order. */
export async function territoryItems(
	ctx: Ctx,
	territories: FicheTerritory[]
): Promise<{ value: string; label: string }[]> {
	const communeCodes = territories.filter((t) => t.kind === 'commune').map((t) => t.code);
	const communes = new Map(
		communeCodes.length === 0
			? []
			: (
					await ctx.db
						.select({
							code: geoCommunes.code,
							nom: geoCommunes.nom,
							departementCode: geoCommunes.departementCode
						})
						.from(geoCommunes)
						.where(sql`${geoCommunes.code} = any(${sql.param(communeCodes)}::text[])`)
				).map((c) => [c.code, communeLabel(c)])
	);
	const epcis = new Map((await allEpcis(ctx)).map((e) => [e.code, epciLabel(e)]));
	return territories
		.filter((t) => t.kind === 'commune' || t.kind === 'epci')
		.map((t) => ({
			value: `${t.kind}:${t.code}`,
			label:
				(t.kind === 'commune' ? communes.get(t.code) : epcis.get(t.code)) ??
				`${t.kind === 'commune' ? 'Commune' : 'EPCI'} ${t.code}`
		}));
}
