/**
 * Pure preparation of the geography dataset: the official divisions of
 * @etalab/decoupage-administratif plus the points of the CSV files, turned into the rows of the
 * geo tables (keys named as the columns, for `json_to_recordset`). No I/O here: see load.server.ts.
 */

export type PointSource = 'geonames' | 'code_postal' | 'departement';

export interface DecoupageCommune {
	code: string;
	nom: string;
	type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
	departement?: string;
	region?: string;
	codesPostaux?: string[];
	population?: number;
	anciensCodes?: string[];
	/** For a commune déléguée or associée: the current commune it belongs to. */
	chefLieu?: string;
	/** For a municipal arrondissement: its commune. */
	commune?: string;
}

export interface DecoupageEpci {
	code: string;
	nom: string;
	type: string;
	populationTotale?: number;
	membres: { code: string }[];
}

export interface DecoupageDepartement {
	code: string;
	nom: string;
	region: string;
	zone: string;
}

export interface DecoupageRegion {
	code: string;
	nom: string;
	zone: string;
}

export interface Point {
	lat: number;
	lon: number;
}

export interface Sources {
	communes: DecoupageCommune[];
	epcis: DecoupageEpci[];
	departements: DecoupageDepartement[];
	regions: DecoupageRegion[];
	/** Points by commune code (data/communes-points.csv); the others get their département's centre. */
	points: Map<string, Point & { source: PointSource }>;
	/** Centres by département code (data/departements-centres.csv). */
	centres: Map<string, Point>;
}

export interface CommuneRow {
	code: string;
	nom: string;
	type: 'commune' | 'arrondissement';
	parent_code: string | null;
	departement_code: string;
	region_code: string;
	epci_code: string | null;
	codes_postaux: string[];
	population: number | null;
	lat: number | null;
	lon: number | null;
	point_source: PointSource | null;
}

export interface Dataset {
	regions: { code: string; nom: string; zone: string }[];
	departements: {
		code: string;
		nom: string;
		region_code: string;
		zone: string;
		lat: number | null;
		lon: number | null;
	}[];
	epcis: { code: string; nom: string; type: string; population: number | null }[];
	communes: CommuneRow[];
	aliases: { old_code: string; code: string; nom: string | null }[];
	/** Codes of current communes left out because their département or région is unknown. */
	skipped: string[];
}

/** Turns the official divisions and the points into the rows of the geo tables. */
export function buildDataset(src: Sources): Dataset {
	const regions = src.regions.map((r) => ({ code: r.code, nom: r.nom, zone: r.zone }));
	const regionCodes = new Set(regions.map((r) => r.code));
	const departements = src.departements
		.filter((d) => regionCodes.has(d.region))
		.map((d) => {
			const centre = src.centres.get(d.code);
			return {
				code: d.code,
				nom: d.nom,
				region_code: d.region,
				zone: d.zone,
				lat: centre?.lat ?? null,
				lon: centre?.lon ?? null
			};
		});
	const departementCodes = new Set(departements.map((d) => d.code));

	const epciOf = new Map<string, string>();
	for (const e of src.epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

	const communes: CommuneRow[] = [];
	const skipped: string[] = [];
	for (const c of src.communes) {
		if (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
		if (!c.departement || !departementCodes.has(c.departement) || !c.region) {
			skipped.push(c.code);
			continue;
		}
		if (!regionCodes.has(c.region)) {
			skipped.push(c.code);
			continue;
		}
		const arrondissement = c.type === 'arrondissement-municipal';
		const parent = arrondissement ? (c.commune ?? null) : null;
		const own = src.points.get(c.code);
		const centre = own ? undefined : src.centres.get(c.departement);
		communes.push({
			code: c.code,
			nom: c.nom,
			type: arrondissement ? 'arrondissement' : 'commune',
			parent_code: parent,
			departement_code: c.departement,
			region_code: c.region,
			epci_code: epciOf.get(parent ?? c.code) ?? null,
			codes_postaux: [...new Set(c.codesPostaux ?? [])],
			population: c.population ?? null,
			lat: own?.lat ?? centre?.lat ?? null,
			lon: own?.lon ?? centre?.lon ?? null,
			point_source: own ? own.source : centre ? 'departement' : null
		});
	}
	const communeCodes = new Set(communes.map((c) => c.code));
	const epcis = src.epcis.map((e) => ({
		code: e.code,
		nom: e.nom,
		type: e.type,
		population: e.populationTotale ?? null
	}));
	const epciCodes = new Set(epcis.map((e) => e.code));
	for (const c of communes) if (c.epci_code && !epciCodes.has(c.epci_code)) c.epci_code = null;

	return {
		regions,
		departements,
		epcis,
		communes,
		aliases: buildAliases(src.communes, communeCodes),
		skipped
	};
}

/**
 * Former codes leading to a current commune. Communes déléguées and associées come first (they
 * carry a name, and say where the former commune is today); `anciensCodes` add the other codes.
 */
export function buildAliases(
	all: DecoupageCommune[],
	current: Set<string>
): { old_code: string; code: string; nom: string | null }[] {
	const aliases = new Map<string, { old_code: string; code: string; nom: string | null }>();
	for (const c of all) {
		if (c.type !== 'commune-deleguee' && c.type !== 'commune-associee') continue;
		if (!c.chefLieu || !current.has(c.chefLieu) || aliases.has(c.code)) continue;
		aliases.set(c.code, { old_code: c.code, code: c.chefLieu, nom: c.nom });
	}
	for (const c of all) {
		if (c.type !== 'commune-actuelle' || !current.has(c.code)) continue;
		for (const old of c.anciensCodes ?? []) {
			if (!aliases.has(old)) aliases.set(old, { old_code: old, code: c.code, nom: null });
		}
	}
	return [...aliases.values()];
}

const pointSources = new Set(['geonames', 'code_postal', 'departement']);

/** Rows of a small CSV file without quoted commas, as objects keyed by the header's names. */
export function parseCsv(text: string, file: string, required: string[]) {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const header = (lines[0] ?? '').split(',').map((h) => h.trim());
	const missing = required.filter((r) => !header.includes(r));
	if (missing.length) {
		throw new Error(`${file} : colonnes manquantes dans l'en-tête (${missing.join(', ')})`);
	}
	const rows: { line: number; get(name: string): string }[] = [];
	lines.forEach((text, i) => {
		if (i === 0 || !text.trim()) return;
		const fields = text.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
		if (fields.length !== header.length) {
			throw new Error(
				`${file}, ligne ${i + 1} : ${fields.length} champs au lieu de ${header.length}`
			);
		}
		rows.push({ line: i + 1, get: (name) => fields[header.indexOf(name)]! });
	});
	return rows;
}

function coordinates(row: { line: number; get(name: string): string }, file: string): Point {
	const lat = Number(row.get('lat'));
	const lon = Number(row.get('lon'));
	const ok = (v: string, n: number, max: number) =>
		v !== '' && Number.isFinite(n) && Math.abs(n) <= max;
	if (!ok(row.get('lat'), lat, 90) || !ok(row.get('lon'), lon, 180)) {
		throw new Error(`${file}, ligne ${row.line} : coordonnées invalides`);
	}
	return { lat, lon };
}

/** data/communes-points.csv: `code,lat,lon,source`. */
export function parsePoints(text: string, file = 'communes-points.csv'): Sources['points'] {
	const points: Sources['points'] = new Map();
	for (const row of parseCsv(text, file, ['code', 'lat', 'lon', 'source'])) {
		const source = row.get('source');
		if (!pointSources.has(source)) {
			throw new Error(`${file}, ligne ${row.line} : source inconnue « ${source} »`);
		}
		points.set(row.get('code'), { ...coordinates(row, file), source: source as PointSource });
	}
	return points;
}

/** data/departements-centres.csv: `code,lat,lon`. */
export function parseCentres(text: string, file = 'departements-centres.csv'): Map<string, Point> {
	const centres = new Map<string, Point>();
	for (const row of parseCsv(text, file, ['code', 'lat', 'lon'])) {
		centres.set(row.get('code'), coordinates(row, file));
	}
	return centres;
}
