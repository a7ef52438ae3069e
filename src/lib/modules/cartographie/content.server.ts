// The content of a fiche (every field people write, with its territories), shared by the public
// proposal, the private edit link, pending changes, revisions and the CSV import: one validation,
// one shape, one way to write it.
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	cartoFicheRevisions,
	cartoFiches,
	cartoFicheTerritories,
	geoCommunes,
	geoDepartements,
	geoEpcis,
	geoRegions
} from '../../server/db/schema';
import { ValidationError } from '../../server/errors';
import { validate } from '../../server/forms';
import { getCommune } from '../geo/service.server';
import type { TerritoryKind } from './rules';
import { ficheSchema, referenceFields, type FicheInput } from './schemas';
import { loadReferenceLists, type ReferenceLists } from './reference.server';

export type Fiche = typeof cartoFiches.$inferSelect;
export type FicheTerritory = { kind: TerritoryKind; code: string };

/** The columns of a fiche that its content sets (not its status, slug, dates or flags). */
export const contentColumns = [
	'name',
	'acronym',
	'shortDescription',
	'presentation',
	'siret',
	'address',
	'communeCode',
	'lat',
	'lon',
	'national',
	'cooperationKinds',
	'dimensions',
	'modalities',
	'stages',
	'cost',
	'methodologies',
	'needsSeen',
	'publics',
	'networks',
	'contactEmail',
	'contactEmailPublic',
	'contactPhone',
	'contactPhonePublic',
	'contactWebsite',
	'contactWebsitePublic'
] as const satisfies readonly (keyof Fiche)[];

export type ContentColumn = (typeof contentColumns)[number];

/**
 * What people write of a fiche: the content columns and the territories of intervention. The
 * logo (a stored file's key) travels with a fiche's content, a revision or a change when known;
 * absent, applying the content leaves the fiche's logo as it is.
 */
export type FicheContent = Pick<Fiche, ContentColumn> & {
	territories: FicheTerritory[];
	logoPath?: string | null;
};

/** The content of a stored fiche (or of a revision's / a change's data). */
export function contentOf(row: Record<string, unknown>): FicheContent {
	const out = {} as Record<string, unknown>;
	for (const c of contentColumns) out[c] = row[c] ?? (Array.isArray(row[c]) ? [] : null);
	for (const c of ['cooperationKinds', 'dimensions', 'modalities', 'stages'] as const) {
		if (!Array.isArray(out[c])) out[c] = [];
	}
	for (const c of ['national', 'contactEmailPublic', 'contactPhonePublic'] as const) {
		out[c] = out[c] === true;
	}
	out.contactWebsitePublic = row.contactWebsitePublic !== false;
	const territories = Array.isArray(row.territories) ? (row.territories as FicheTerritory[]) : [];
	const logo = 'logoPath' in row ? { logoPath: (row.logoPath as string | null) ?? null } : {};
	return {
		...(out as Pick<Fiche, ContentColumn>),
		territories: sortTerritories(territories),
		...logo
	};
}

const kindOrder: Record<TerritoryKind, number> = { region: 0, departement: 1, epci: 2, commune: 3 };

/** Territories without duplicates, in a stable order (région, département, EPCI, commune). */
export function sortTerritories(territories: FicheTerritory[]): FicheTerritory[] {
	const seen = new Set<string>();
	return territories
		.filter((t) => {
			const key = `${t.kind}:${t.code}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.code.localeCompare(b.code));
}

/** Field errors for codes that are not in their reference list. */
function unknownCodes(data: FicheInput, lists: ReferenceLists): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const [field, list] of Object.entries(referenceFields) as [
		keyof typeof referenceFields,
		keyof ReferenceLists
	][]) {
		const known = new Set(lists[list].map((i) => i.code));
		const value = data[field];
		const values = value === null ? [] : Array.isArray(value) ? value : [value];
		const bad = values.filter((c) => !known.has(c));
		if (bad.length > 0) {
			errors[field] =
				bad.length === 1 ? `Choix inconnu : ${bad[0]}.` : `Choix inconnus : ${bad.join(', ')}.`;
		}
	}
	return errors;
}

/** The territories whose code does not exist in the geography, as "kind:code". */
async function unknownTerritories(ctx: Ctx, territories: FicheTerritory[]): Promise<string[]> {
	if (territories.length === 0) return [];
	const tables = {
		commune: geoCommunes,
		epci: geoEpcis,
		departement: geoDepartements,
		region: geoRegions
	} as const;
	const missing: string[] = [];
	for (const kind of Object.keys(tables) as TerritoryKind[]) {
		const wanted = [...new Set(territories.filter((t) => t.kind === kind).map((t) => t.code))];
		if (wanted.length === 0) continue;
		const table = tables[kind];
		const found = await ctx.db
			.select({ code: table.code })
			.from(table)
			.where(sql`${table.code} = any(${sql.param(wanted)}::text[])`);
		const known = new Set(found.map((r) => r.code));
		missing.push(...wanted.filter((c) => !known.has(c)).map((c) => `${kind}:${c}`));
	}
	return missing;
}

/**
 * Validates a fiche's content from a form or an import row (`communeCode` an INSEE code,
 * `territories` as "kind:code" strings or objects). Every problem comes at once, as French
 * messages by field, in one ValidationError. Without a point, the commune's point is used.
 */
export async function parseFicheContent(ctx: Ctx, input: unknown): Promise<FicheContent> {
	let data: FicheInput | undefined;
	const errors: Record<string, string> = {};
	try {
		data = validate(ficheSchema, input);
	} catch (err) {
		if (!(err instanceof ValidationError)) throw err;
		Object.assign(errors, err.fields);
	}
	const raw = (input ?? {}) as Record<string, unknown>;
	let commune: Awaited<ReturnType<typeof getCommune>> = null;
	const communeCode =
		data?.communeCode ?? (typeof raw.communeCode === 'string' ? raw.communeCode.trim() : '');
	if (!errors.communeCode && communeCode) {
		commune = await getCommune(ctx, communeCode);
		if (!commune) errors.communeCode = 'Commune inconnue.';
	}
	if (data) {
		Object.assign(errors, unknownCodes(data, await loadReferenceLists(ctx)));
		const missing = await unknownTerritories(ctx, data.territories);
		if (missing.length > 0) {
			errors.territories = `Territoire inconnu : ${missing.slice(0, 5).join(', ')}.`;
		}
		if (!data.national && data.territories.length === 0) {
			errors.territories ??=
				"Indiquez le territoire d'intervention (communes, EPCI, départements, régions) ou cochez « national ».";
		}
	}
	if (!data || !commune || Object.keys(errors).length > 0) throw new ValidationError(errors);

	const f = data;
	const hasPoint = f.lat !== null && f.lon !== null;
	const lat = hasPoint ? f.lat : commune.lat;
	const lon = hasPoint ? f.lon : commune.lon;
	return {
		name: f.name!,
		acronym: f.acronym,
		shortDescription: f.shortDescription!,
		presentation: f.presentation,
		siret: f.siret,
		address: f.address,
		communeCode: commune.code,
		lat: lat !== null && lon !== null ? lat : null,
		lon: lat !== null && lon !== null ? lon : null,
		national: f.national,
		cooperationKinds: f.cooperationKinds,
		dimensions: f.dimensions,
		modalities: f.modalities,
		stages: f.stages,
		cost: f.cost,
		methodologies: f.methodologies,
		needsSeen: f.needsSeen,
		publics: f.publics,
		networks: f.networks,
		contactEmail: f.contactEmail,
		contactEmailPublic: f.contactEmailPublic,
		contactPhone: f.contactPhone,
		contactPhonePublic: f.contactPhonePublic,
		contactWebsite: f.contactWebsite,
		contactWebsitePublic: f.contactWebsitePublic,
		territories: sortTerritories(f.territories)
	};
}

/** What a revision keeps: the whole fiche as saved (without its search column), territories. */
export function snapshot(fiche: Fiche, territories: FicheTerritory[]): Record<string, unknown> {
	const { search: _search, ...rest } = fiche;
	return { ...rest, territories: sortTerritories(territories) };
}

type Db = Ctx['db'];

export async function territoriesOf(db: Db, ficheId: string): Promise<FicheTerritory[]> {
	const rows = await db
		.select({ kind: cartoFicheTerritories.kind, code: cartoFicheTerritories.code })
		.from(cartoFicheTerritories)
		.where(eq(cartoFicheTerritories.ficheId, ficheId));
	return sortTerritories(rows);
}

/**
 * Writes a new content on an existing fiche inside the caller's transaction `tx`: its columns,
 * its territories (replaced), `updatedAt`, and one revision (author, note). `extra` sets other
 * columns in the same update (e.g. `lastVerifiedAt`). Returns the updated fiche, or null when it
 * does not exist.
 */
export async function applyFicheContent(
	tx: Db,
	ficheId: string,
	content: FicheContent,
	revision: { authorId: string | null; note: string },
	extra: Partial<Omit<Fiche, 'id' | 'search'>> = {}
): Promise<Fiche | null> {
	const { territories, logoPath, ...columns } = content;
	const logo = logoPath === undefined ? {} : { logoPath };
	const [fiche] = await tx
		.update(cartoFiches)
		.set({ ...columns, ...logo, ...extra, updatedAt: new Date() })
		.where(eq(cartoFiches.id, ficheId))
		.returning();
	if (!fiche) return null;
	const kept = sortTerritories(territories);
	await tx.delete(cartoFicheTerritories).where(eq(cartoFicheTerritories.ficheId, ficheId));
	if (kept.length > 0) {
		await tx.insert(cartoFicheTerritories).values(kept.map((t) => ({ ficheId, ...t })));
	}
	await tx.insert(cartoFicheRevisions).values({
		ficheId,
		data: snapshot(fiche, kept),
		authorId: revision.authorId,
		note: revision.note
	});
	return fiche;
}
