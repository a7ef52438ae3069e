// One row of an import file → a fiche's content or the reasons it is invalid. Names of communes
// and territories are resolved here (once per distinct value), then the row goes through the
// same validation as every other way of writing a fiche: parseFicheContent.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../../server/db/schema';
import type { Ctx } from '../../../server/context';
import { geoDepartements, geoEpcis, geoRegions } from '../../../server/db/schema';
import { ValidationError } from '../../../server/errors';
import { searchCommunes } from '../../geo/service.server';
import { normalizeQuery } from '../../geo/rules';
import { parseFicheContent, type FicheContent } from '../content.server';
import { loadReferenceLists } from '../reference.server';
import type { TerritoryKind } from '../rules';
import { referenceFields } from '../schemas';
import {
	BOOLEAN_MESSAGE,
	codeReader,
	parseBoolean,
	parseTerritoryToken,
	splitMulti
} from './cells';
import {
	cellsOf,
	isImportField,
	type ColumnMapping,
	type ImportField,
	type RowError
} from './mapping';

type Resolved = { kind: TerritoryKind; code: string } | { error: string };
type Named = { kind: TerritoryKind; code: string; label: string };

/**
 * A context whose database answers the same read query with the same result for the whole run.
 * parseFicheContent reads the commune, the reference lists and the territories of each row:
 * in a file those repeat ("69123", "departement:69"), and the geography does not change during
 * a run, so most rows then cost no query at all. Only for those reads: SIRET and slug checks go
 * to the real database.
 */
function cachedReads(ctx: Ctx): Ctx {
	const pool = (
		ctx.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }
	).$client;
	const cache = new Map<string, Promise<unknown>>();
	const client = {
		query(config: { text: string; rowMode?: string }, params: unknown[]) {
			const key = `${config.rowMode ?? ''}\u0000${config.text}\u0000${JSON.stringify(params)}`;
			let hit = cache.get(key);
			if (!hit) {
				if (cache.size >= 20_000) cache.clear();
				hit = pool.query(config, params);
				hit.catch(() => cache.delete(key));
				cache.set(key, hit);
			}
			return hit;
		}
	};
	return { ...ctx, db: drizzle(client as never, { schema, casing: 'snake_case' }) as Ctx['db'] };
}

/** Remembers up to `max` answers (distinct values of a file repeat: "Lyon", "Rhône"…). */
function memo<T>(fn: (key: string) => Promise<T>, max = 5_000) {
	const cache = new Map<string, Promise<T>>();
	return (key: string) => {
		let hit = cache.get(key);
		if (!hit) {
			if (cache.size >= max) cache.clear();
			hit = fn(key);
			cache.set(key, hit);
		}
		return hit;
	};
}

const listed = (list: Named[]) =>
	list
		.slice(0, 5)
		.map((c) => `${c.kind}:${c.code} (${c.label})`)
		.join(', ') + (list.length > 5 ? '…' : '');

/**
 * What a file's rows need from the database, loaded once per run: the reference lists (codes
 * and labels), régions, départements and EPCI by name, and memoised commune searches.
 */
export async function createRowReader(realCtx: Ctx) {
	const ctx = cachedReads(realCtx);
	const lists = await loadReferenceLists(ctx);
	const readers = Object.fromEntries(
		Object.entries(referenceFields).map(([field, list]) => [field, codeReader(lists[list])])
	) as Record<keyof typeof referenceFields, (v: string) => string>;

	const byName = new Map<string, Named[]>();
	const add = (kind: TerritoryKind, code: string, nom: string) => {
		const key = normalizeQuery(nom);
		byName.set(key, [...(byName.get(key) ?? []), { kind, code, label: nom }]);
	};
	for (const r of await ctx.db.select().from(geoRegions)) add('region', r.code, r.nom);
	for (const d of await ctx.db.select().from(geoDepartements)) add('departement', d.code, d.nom);
	for (const e of await ctx.db.select({ code: geoEpcis.code, nom: geoEpcis.nom }).from(geoEpcis)) {
		add('epci', e.code, e.nom);
	}

	/** Communes whose name is exactly `name` (accents, case, punctuation ignored). */
	const communesNamed = memo(async (name: string): Promise<Named[]> => {
		const wanted = normalizeQuery(name);
		const hits = await searchCommunes(ctx, name, 50);
		return hits
			.filter(
				(h) =>
					normalizeQuery(h.nom) === wanted ||
					(!!h.ancienNom && normalizeQuery(h.ancienNom) === wanted)
			)
			.map((h) => ({ kind: 'commune', code: h.code, label: `${h.nom} (${h.departementCode})` }));
	});
	const communesOfPostalCode = memo((code: string) => searchCommunes(ctx, code, 50));

	/**
	 * The commune of an address: an INSEE code as it is (checked by the fiche's validation), or a
	 * name, with the postal code when there is one ("Lyon" + 69001 → Lyon 1er Arrondissement),
	 * or with its département ("Saint-Denis (974)").
	 */
	async function commune(value: string, postalCode: string | undefined) {
		if (/^[0-9][0-9AB][0-9]{3}$/i.test(value)) return { code: value.toUpperCase() };
		const dep = /^(.*?)\s*\(\s*([0-9][0-9AB][0-9]?)\s*\)$/i.exec(value);
		const name = dep?.[1] || value;
		const wanted = normalizeQuery(name);
		if (postalCode && /^\d{5}$/.test(postalCode)) {
			const hits = await communesOfPostalCode(postalCode);
			const exact = hits.filter((h) => normalizeQuery(h.nom) === wanted);
			const close = exact.length
				? exact
				: hits.filter((h) => normalizeQuery(h.nom).startsWith(`${wanted} `));
			if (close.length === 1) return { code: close[0]!.code };
			if (close.length === 0) {
				return { error: `Commune inconnue pour le code postal ${postalCode} : « ${value} ».` };
			}
			return {
				error: `Plusieurs communes « ${value} » ont le code postal ${postalCode} : indiquez le code INSEE.`
			};
		}
		let found = await communesNamed(name);
		if (dep) found = found.filter((c) => c.label.endsWith(`(${dep[2]!.toUpperCase()})`));
		if (found.length === 1) return { code: found[0]!.code };
		if (found.length === 0) return { error: `Commune inconnue : « ${value} ».` };
		return {
			error: `Plusieurs communes s'appellent « ${value} » (${found
				.slice(0, 4)
				.map((c) => c.label)
				.join(', ')}) : ajoutez le code postal ou indiquez le code INSEE.`
		};
	}

	/** A territory written by name, when exactly one territory (of that kind) has that name. */
	async function territoryNamed(kind: TerritoryKind | null, name: string): Promise<Resolved> {
		const key = normalizeQuery(name);
		let found = [...(byName.get(key) ?? [])];
		if (kind === null || kind === 'commune') found.push(...(await communesNamed(name)));
		if (kind) found = found.filter((c) => c.kind === kind);
		if (found.length === 1) return found[0]!;
		if (found.length === 0) return { error: `« ${name} » : territoire inconnu.` };
		return {
			error: `« ${name} » : plusieurs territoires portent ce nom, précisez : ${listed(found)}.`
		};
	}

	return { ctx, readers, commune, territoryNamed };
}

export type RowReader = Awaited<ReturnType<typeof createRowReader>>;

const textFields = [
	'name',
	'acronym',
	'shortDescription',
	'presentation',
	'siret',
	'address',
	'lat',
	'lon',
	'methodologies',
	'needsSeen',
	'publics',
	'networks',
	'contactEmail',
	'contactPhone',
	'contactWebsite'
] as const;

const booleanFields = ['contactEmailPublic', 'contactPhonePublic', 'contactWebsitePublic'] as const;

/** The field of the import a validation message belongs to. */
function importFieldOf(key: string): ImportField | 'ligne' {
	if (key === 'communeCode') return 'commune';
	return isImportField(key) ? key : 'ligne';
}

/**
 * One record of the file: the fiche's content, or its problems by field. Conversion problems
 * (an unknown commune name, "peut-être" for a boolean) win over the validation's message for the
 * same field, being more precise.
 */
export async function readRow(
	reader: RowReader,
	record: readonly string[],
	mapping: ColumnMapping
): Promise<{ content: FicheContent } | { errors: Partial<Record<ImportField | 'ligne', string>> }> {
	const cells = cellsOf(record, mapping);
	const input: Record<string, unknown> = {};
	const problems: Partial<Record<ImportField | 'ligne', string>> = {};

	for (const f of textFields) input[f] = cells[f] ?? '';

	input.communeCode = '';
	if (cells.commune) {
		const found = await reader.commune(cells.commune, cells.postalCode);
		if ('code' in found) input.communeCode = found.code;
		else problems.commune = found.error;
	}

	for (const f of booleanFields) {
		const value = parseBoolean(cells[f]);
		if (value === 'invalid') problems[f] = BOOLEAN_MESSAGE;
		// Without a value, the defaults of the form: the website public, email and phone private.
		const on = value === 'invalid' || value === null ? f === 'contactWebsitePublic' : value;
		input[f] = on ? 'on' : '';
	}
	const national = parseBoolean(cells.national);
	if (national === 'invalid') problems.national = BOOLEAN_MESSAGE;
	let isNational = national === true;

	for (const f of ['cooperationKinds', 'dimensions', 'modalities', 'stages'] as const) {
		input[f] = splitMulti(cells[f]).map(reader.readers[f]);
	}
	const costs = splitMulti(cells.cost);
	if (costs.length > 1) problems.cost = 'Une seule valeur attendue.';
	input.cost = costs.length === 1 ? reader.readers.cost(costs[0]!) : '';

	const territories: string[] = [];
	const territoryErrors: string[] = [];
	for (const value of splitMulti(cells.territories)) {
		const token = parseTerritoryToken(value);
		if (token.type === 'national') isNational = true;
		else if (token.type === 'code') territories.push(`${token.kind}:${token.code}`);
		else if (token.type === 'invalid') territoryErrors.push(token.message);
		else {
			const found = await reader.territoryNamed(token.kind, token.name);
			if ('error' in found) territoryErrors.push(found.error);
			else territories.push(`${found.kind}:${found.code}`);
		}
	}
	if (territoryErrors.length > 0) problems.territories = territoryErrors.slice(0, 5).join(' ');
	input.territories = territories;
	input.national = isNational ? 'on' : '';

	try {
		const content = await parseFicheContent(reader.ctx, input);
		if (Object.keys(problems).length === 0) return { content };
	} catch (err) {
		if (!(err instanceof ValidationError)) throw err;
		for (const [key, message] of Object.entries(err.fields)) {
			const field = importFieldOf(key);
			problems[field] ??= message;
		}
	}
	return { errors: problems };
}

export interface CheckedRow {
	row: number;
	content: FicheContent | null;
	errors: RowError[];
}

/** Runs `fn` on every item with at most `limit` at a time, keeping the order of the results. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>) {
	const out = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return out;
}

/**
 * Checks a batch of records, then the SIRET numbers of its valid rows: a SIRET already seen
 * earlier in the file (`seen`, kept by the caller across batches) or held by an existing fiche
 * (looked up through `db`, the import's transaction when there is one) makes the row invalid.
 * A few rows are checked at once (each runs a few queries), leaving the pool to the site.
 */
export async function checkBatch(
	db: Ctx['db'],
	reader: RowReader,
	batch: { row: number; record: string[] }[],
	mapping: ColumnMapping,
	seen: Map<string, number>
): Promise<CheckedRow[]> {
	const checked = await mapLimited(batch, 4, async ({ row, record }): Promise<CheckedRow> => {
		const result = await readRow(reader, record, mapping);
		if ('content' in result) return { row, content: result.content, errors: [] };
		const errors = Object.entries(result.errors).map(
			([field, message]) => [row, field, message] as RowError
		);
		return { row, content: null, errors };
	});

	for (const r of checked) {
		const siret = r.content?.siret;
		if (!siret) continue;
		const first = seen.get(siret);
		if (first !== undefined) {
			r.errors.push([r.row, 'siret', `SIRET en double : déjà à la ligne ${first} du fichier.`]);
			r.content = null;
		} else seen.set(siret, r.row);
	}
	const sirets = checked.flatMap((r) => (r.content?.siret ? [r.content.siret] : []));
	if (sirets.length > 0) {
		const { rows } = await db.execute<{ siret: string; name: string }>(
			sql`select siret, name from carto_fiches where siret = any(${sql.param(sirets)}::text[])`
		);
		const existing = new Map(rows.map((r) => [r.siret, r.name]));
		for (const r of checked) {
			const name = r.content?.siret ? existing.get(r.content.siret) : undefined;
			if (name !== undefined) {
				r.errors.push([r.row, 'siret', `Une fiche existe déjà avec ce SIRET : « ${name} ».`]);
				r.content = null;
			}
		}
	}
	return checked;
}
