// Loads the geography into the geo tables at start, once per dataset version.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	geoCommuneAliases,
	geoCommunePostalCodes,
	geoCommunes,
	geoDataset,
	geoDepartements,
	geoEpcis,
	geoRegions
} from '../../server/db/schema';
import { log } from '../../server/log';
import { formatNumber } from '../../i18n/fr';
import {
	buildDataset,
	parseCentres,
	parsePoints,
	type DecoupageCommune,
	type DecoupageDepartement,
	type DecoupageEpci,
	type DecoupageRegion
} from './dataset';

/** Bump when the rows built from the same files change, so that databases are reloaded. */
const LOADER_VERSION = '1';
const GEO_LOCK = 7_421_002;
const POINTS_FILE = 'communes-points.csv';
const CENTRES_FILE = 'departements-centres.csv';

/**
 * The module's data folder (communes-points.csv, departements-centres.csv), taken from the
 * current directory: the app, the scripts and the tests always run from the project root, and the
 * built app (build/) does not carry these files, so this works from the source and from the build.
 */
export const defaultDataDir = () => path.resolve(process.cwd(), 'src/lib/modules/geo/data');

/**
 * The official divisions, read at run time from the package's data folder. Neither the package's
 * entry point (it reads ./data from the current directory) nor its JSON (8 MB, which Vite would
 * bundle) is imported.
 */
function decoupageDir() {
	const pkg = createRequire(import.meta.url).resolve(
		'@etalab/decoupage-administratif/package.json'
	);
	return path.dirname(pkg);
}

async function readJson<T>(file: string): Promise<T> {
	return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

async function readIfPresent(file: string): Promise<string | undefined> {
	try {
		return await fs.readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw err;
	}
}

/** What the data files are: the package's version and a hash of the two CSV files. */
async function currentVersion(dataDir: string) {
	const decoupage = decoupageDir();
	const { version } = await readJson<{ version: string }>(path.join(decoupage, 'package.json'));
	const points = await readIfPresent(path.join(dataDir, POINTS_FILE));
	const centres = await readIfPresent(path.join(dataDir, CENTRES_FILE));
	const hash = createHash('sha256')
		.update(`${LOADER_VERSION}\0${points ?? '-'}\0${centres ?? '-'}`)
		.digest('hex')
		.slice(0, 16);
	return { version: `decoupage-administratif@${version}+${hash}`, decoupage, points, centres };
}

export interface GeographyLoad {
	/** False when the tables already held this version (or another instance just loaded it). */
	loaded: boolean;
	version: string;
	/** Communes loaded (municipal arrondissements not counted). */
	communes?: number;
	seconds?: number;
}

const json = (rows: unknown) => sql`${JSON.stringify(rows)}::json`;

/**
 * Makes the geo tables hold the current dataset. When they already do, this is one select.
 * Otherwise every geo table is emptied and reloaded in one transaction, under an advisory lock so
 * that instances starting together load it once.
 */
export async function ensureGeography(
	ctx: Ctx,
	dataDir = defaultDataDir()
): Promise<GeographyLoad> {
	const started = performance.now();
	const current = await currentVersion(dataDir);
	const { version } = current;
	const stored = async (db: Ctx['db']) =>
		(
			await db.select({ version: geoDataset.version }).from(geoDataset).where(eq(geoDataset.id, 1))
		)[0]?.version;
	if ((await stored(ctx.db)) === version) return { loaded: false, version };

	const source = (name: string) => path.join(current.decoupage, 'data', name);
	if (current.points === undefined) {
		log.warn(`Géographie : ${path.join(dataDir, POINTS_FILE)} absent, communes sans point`);
	}
	const data = buildDataset({
		communes: await readJson<DecoupageCommune[]>(source('communes.json')),
		epcis: await readJson<DecoupageEpci[]>(source('epci.json')),
		departements: await readJson<DecoupageDepartement[]>(source('departements.json')),
		regions: await readJson<DecoupageRegion[]>(source('regions.json')),
		points: current.points === undefined ? new Map() : parsePoints(current.points, POINTS_FILE),
		centres: current.centres === undefined ? new Map() : parseCentres(current.centres, CENTRES_FILE)
	});
	if (data.skipped.length) {
		log.warn(
			`Géographie : ${data.skipped.length} communes sans département ou région connus, ignorées (${data.skipped.slice(0, 5).join(', ')}…)`
		);
	}

	const loaded = await ctx.db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${GEO_LOCK})`);
		if ((await stored(tx)) === version) return false;
		await tx.execute(
			sql`truncate ${geoCommunePostalCodes}, ${geoCommuneAliases}, ${geoCommunes}, ${geoEpcis}, ${geoDepartements}, ${geoRegions}, ${geoDataset}`
		);
		await tx.execute(sql`
			insert into geo_regions (code, nom, zone)
			select code, nom, zone
			from json_to_recordset(${json(data.regions)}) as r(code text, nom text, zone text)`);
		await tx.execute(sql`
			insert into geo_departements (code, nom, region_code, zone, lat, lon)
			select code, nom, region_code, zone, lat, lon
			from json_to_recordset(${json(data.departements)})
				as r(code text, nom text, region_code text, zone text, lat float8, lon float8)`);
		await tx.execute(sql`
			insert into geo_epcis (code, nom, type, population)
			select code, nom, type, population
			from json_to_recordset(${json(data.epcis)})
				as r(code text, nom text, type text, population int)`);
		await tx.execute(sql`
			insert into geo_communes (code, nom, type, parent_code, departement_code, region_code,
				epci_code, codes_postaux, population, lat, lon, point_source)
			select code, nom, type, parent_code, departement_code, region_code,
				epci_code, codes_postaux, population, lat, lon, point_source
			from json_to_recordset(${json(data.communes)})
				as r(code text, nom text, type geo_commune_type, parent_code text,
					departement_code text, region_code text, epci_code text, codes_postaux text[],
					population int, lat float8, lon float8, point_source text)`);
		await tx.execute(sql`
			insert into geo_commune_postal_codes (postal_code, commune_code)
			select p, code from geo_communes, unnest(codes_postaux) as p`);
		await tx.execute(sql`
			insert into geo_commune_aliases (old_code, code, nom)
			select old_code, code, nom
			from json_to_recordset(${json(data.aliases)}) as r(old_code text, code text, nom text)`);
		await tx.insert(geoDataset).values({ id: 1, version });
		// Statistics now rather than at autovacuum's next pass, for the search's plans.
		await tx.execute(
			sql`analyze ${geoCommunes}, ${geoCommunePostalCodes}, ${geoCommuneAliases}, ${geoEpcis}`
		);
		return true;
	});
	if (!loaded) return { loaded: false, version };

	const communes = data.communes.filter((c) => c.type === 'commune').length;
	const seconds = (performance.now() - started) / 1000;
	log.info(
		`Géographie chargée (${formatNumber(communes)} communes) en ${formatNumber(Math.round(seconds * 10) / 10)} s`
	);
	return { loaded: true, version, communes, seconds };
}
