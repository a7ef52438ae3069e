// Example fiches in the database: the demo set of a first start (seedExampleFiches) and the bench
// data (insertExampleFiches, used by scripts/bench-data.ts). Rows come from the pure generator
// (examples.ts) and go in by batches, a few `insert … select from json_to_recordset` each.
import { randomBytes } from 'node:crypto';
import { count, getTableColumns, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { cartoFiches } from '../../server/db/schema';
import { EXAMPLE_PREFIX, generateExampleFiches, type ExampleCommune } from './examples';
import type { FicheStatus } from './rules';

/** How many example fiches a first start with SEED_DEMO=true seeds. */
export const DEMO_FICHE_COUNT = 60;

const BATCH = 2_000;

export interface InsertExampleOptions {
	/** Put before every name (default "Exemple – "). */
	prefix?: string;
	status?: FicheStatus;
	/** PRNG seed of the first batch (the next batches use the following numbers). */
	seed?: number;
	/** One revision per fiche (default); false for bulk benchmark data. */
	revisions?: boolean;
	/** Called after each batch with the number of fiches inserted so far. */
	progress?: (done: number) => void;
}

/** Communes of metropolitan France and the DROM that have a point, with their population. */
export async function exampleCommunes(ctx: Ctx): Promise<ExampleCommune[]> {
	const { rows } = await ctx.db.execute<ExampleCommune & Record<string, unknown>>(sql`
		select c.code, c.nom, c.departement_code as departement, c.region_code as region,
			c.epci_code as epci, c.lat, c.lon, c.population
		from geo_communes c join geo_regions r on r.code = c.region_code
		where c.type = 'commune' and r.zone in ('metro', 'drom')
			and c.lat is not null and c.lon is not null
		order by c.code`);
	return rows.map((r) => ({ ...r, lat: Number(r.lat), lon: Number(r.lon) }));
}

/** jsonb_build_object of every column of carto_fiches but `search`, keyed as in a revision. */
const snapshotObject = sql.raw(
	`jsonb_build_object(${Object.entries(getTableColumns(cartoFiches))
		.filter(([key]) => key !== 'search')
		.map(([key, column]) => `'${key}', f.${column.name}`)
		.join(', ')})`
);

/** Slugs of `wanted` already in carto_fiches. */
async function takenSlugs(ctx: Ctx, wanted: string[]): Promise<Set<string>> {
	const { rows } = await ctx.db.execute<{ slug: string }>(
		sql`select slug from carto_fiches where slug = any(${sql.param(wanted)}::text[])`
	);
	return new Set(rows.map((r) => r.slug));
}

/**
 * Inserts `howMany` generated fiches (published by default) at communes of the geography, by
 * batches of 2,000, each in a transaction. Returns the number inserted (0 without geography).
 */
export async function insertExampleFiches(
	ctx: Ctx,
	howMany: number,
	options: InsertExampleOptions = {}
): Promise<number> {
	const communes = await exampleCommunes(ctx);
	if (communes.length === 0 || howMany <= 0) return 0;
	const [{ n: existing } = { n: 0 }] = await ctx.db.select({ n: count() }).from(cartoFiches);
	const now = new Date();
	let done = 0;
	for (let batch = 0; done < howMany; batch++) {
		const size = Math.min(BATCH, howMany - done);
		const fiches = generateExampleFiches(communes, size, {
			seed: (options.seed ?? 1) + batch,
			prefix: options.prefix ?? EXAMPLE_PREFIX,
			status: options.status ?? 'publiee',
			now,
			first: existing + done + 1
		});
		// Unique slugs: the generator's are unique within a batch; add a suffix to those taken.
		const slugs = () => fiches.map((f) => f.slug);
		for (let clash = await takenSlugs(ctx, slugs()); clash.size > 0;) {
			for (const f of fiches.filter((f) => clash.has(f.slug))) {
				f.slug = `${f.slug.replace(/-x[0-9a-f]{6}$/, '')}-x${randomBytes(3).toString('hex')}`;
			}
			clash = await takenSlugs(ctx, slugs());
		}
		const rows = JSON.stringify(
			fiches.map(({ territories: _t, lastVerifiedAt, ...f }) => ({
				...f,
				lastVerifiedAt: lastVerifiedAt.toISOString()
			}))
		);
		const territories = JSON.stringify(
			fiches.flatMap((f) => f.territories.map((t) => ({ slug: f.slug, ...t })))
		);
		await ctx.db.transaction(async (tx) => {
			const { rows: ids } = await tx.execute<{ id: string }>(sql`
				insert into carto_fiches (slug, name, short_description, presentation, commune_code,
					lat, lon, national, cooperation_kinds, dimensions, modalities, stages, cost,
					methodologies, needs_seen, publics, networks, contact_email, contact_email_public,
					contact_phone, contact_website, status, last_verified_at)
				select r."slug", r."name", r."shortDescription", r."presentation", r."communeCode",
					r."lat", r."lon", r."national", r."cooperationKinds", r."dimensions",
					r."modalities", r."stages", r."cost", r."methodologies", r."needsSeen",
					r."publics", r."networks", r."contactEmail", r."contactEmailPublic",
					r."contactPhone", r."contactWebsite", r."status"::carto_fiche_status,
					r."lastVerifiedAt"
				from json_to_recordset(${rows}::json) as r("slug" text, "name" text,
					"shortDescription" text, "presentation" text, "communeCode" text,
					"lat" double precision, "lon" double precision, "national" boolean,
					"cooperationKinds" text[], "dimensions" text[], "modalities" text[],
					"stages" text[], "cost" text, "methodologies" text, "needsSeen" text,
					"publics" text, "networks" text, "contactEmail" text,
					"contactEmailPublic" boolean, "contactPhone" text, "contactWebsite" text,
					"status" text, "lastVerifiedAt" timestamptz)
				returning id`);
			await tx.execute(sql`
				insert into carto_fiche_territories (fiche_id, kind, code)
				select f.id, r.kind, r.code
				from json_to_recordset(${territories}::json) as r(slug text, kind text, code text)
				join carto_fiches f on f.slug = r.slug`);
			if (options.revisions !== false) {
				await tx.execute(sql`
					insert into carto_fiche_revisions (fiche_id, data, note)
					select f.id, ${snapshotObject} || jsonb_build_object('territories', coalesce(
						(select jsonb_agg(jsonb_build_object('kind', t.kind, 'code', t.code)
							order by t.kind, t.code)
						from carto_fiche_territories t where t.fiche_id = f.id), '[]'::jsonb)),
						'Fiche d''exemple'
					from carto_fiches f
					where f.id = any(${sql.param(ids.map((r) => r.id))}::uuid[])`);
			}
		});
		done += size;
		options.progress?.(done);
	}
	return done;
}

/**
 * The demo fiches of a first start: about 60 published example fiches, only when SEED_DEMO is
 * 'true' and the cartography is still empty. startApp() calls it only on the start that seeded
 * the démarche, so deleting every fiche later does not bring them back. Returns the number inserted.
 */
export async function seedExampleFiches(ctx: Ctx): Promise<number> {
	if (ctx.env.SEED_DEMO !== 'true') return 0;
	const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(cartoFiches);
	if (n > 0) return 0;
	return insertExampleFiches(ctx, DEMO_FICHE_COUNT, { prefix: EXAMPLE_PREFIX, status: 'publiee' });
}
