// Example fiches (pure): the demo set seeded on a first start and the bench data. A seeded PRNG
// makes the output depend only on its input: the same communes, count and seed give the same
// fiches. Every value is plausible and clearly fake: names start with a prefix ("Exemple – "),
// emails are on example.org, no phone, no website.
import { slugify } from '../community/rules';
import { referenceData, type ReferenceListName } from './reference-data';
import { excerpt, SHORT_DESCRIPTION_MAX, type FicheStatus, type TerritoryKind } from './rules';

/** A commune that can hold an example fiche (a point is needed). */
export interface ExampleCommune {
	code: string;
	departement: string;
	region: string;
	epci: string | null;
	lat: number;
	lon: number;
	population: number | null;
	/** Its name, used in the fiche's name when given. */
	nom?: string;
}

export interface ExampleFiche {
	slug: string;
	name: string;
	shortDescription: string;
	presentation: string;
	communeCode: string;
	lat: number;
	lon: number;
	national: boolean;
	cooperationKinds: string[];
	dimensions: string[];
	modalities: string[];
	stages: string[];
	cost: string;
	methodologies: string;
	needsSeen: string;
	publics: string;
	networks: string;
	contactEmail: string;
	contactEmailPublic: boolean;
	contactPhone: null;
	contactWebsite: null;
	status: FicheStatus;
	lastVerifiedAt: Date;
	territories: { kind: TerritoryKind; code: string }[];
}

export interface ExampleOptions {
	/** PRNG seed. */
	seed?: number;
	/** Put before every name. */
	prefix?: string;
	status?: FicheStatus;
	/** The reference date of last_verified_at (spread over the 24 months before it). */
	now?: Date;
	/** Number of the first fiche (emails contact@exemple-<n>.example.org). */
	first?: number;
}

export const EXAMPLE_PREFIX = 'Exemple – ';

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)]!;

const int = (random: Random, min: number, max: number) =>
	min + Math.floor(random() * (max - min + 1));

/** `n` distinct codes of a reference list drawn by weight, in the list's order. */
function draw(
	random: Random,
	list: ReferenceListName,
	weights: Record<string, number>,
	n: number
): string[] {
	const pool = referenceData[list].map((i) => ({ code: i.code, w: weights[i.code] ?? 1 }));
	const chosen = new Set<string>();
	while (chosen.size < Math.min(n, pool.length)) {
		const left = pool.filter((p) => !chosen.has(p.code));
		let r = random() * left.reduce((s, p) => s + p.w, 0);
		const hit = left.find((p) => (r -= p.w) < 0) ?? left[left.length - 1]!;
		chosen.add(hit.code);
	}
	return referenceData[list].map((i) => i.code).filter((c) => chosen.has(c));
}

const label = (list: ReferenceListName, code: string) =>
	referenceData[list].find((i) => i.code === code)?.label ?? code;

const kindWeights = {
	ptce: 3,
	tiers_lieu: 3,
	pat: 2,
	scic: 3,
	pole_reseau: 2,
	non_modelisee: 2,
	autre: 1
};
const dimensionWeights = {
	modele_economique: 5,
	strategie: 5,
	gouvernance: 5,
	animation: 4,
	juridique: 2,
	evaluation: 2,
	communication: 1
};
const modalityWeights = {
	individuel: 5,
	collectif: 5,
	formation: 3,
	pairs: 3,
	compagnonnage: 2,
	outillage: 2,
	reseau: 3,
	financement: 1
};
const stageWeights = { emergence: 4, structuration: 4, developpement: 3, essaimage: 1 };
const costWeights = { gratuit: 4, mixte: 3, pris_en_charge: 2, payant: 2 };

const namePatterns = [
	"Coopérative d'accompagnement {de}",
	'Maison des coopérations {de}',
	'Agence de développement coopératif {de}',
	'Réseau des tiers-lieux {de}',
	'Incubateur de coopérations {de}',
	'Fabrique des communs {de}',
	"Atelier d'ingénierie coopérative {de}",
	'Pôle ressources ESS {de}',
	'Collectif Faire ensemble {de}',
	'Comptoir des initiatives {de}',
	'Ruche des projets partagés {de}',
	'Boussole coopérative {de}'
];

/** Places used in names when the commune has no name. */
const fictionalPlaces = [
	'du Val de Loire',
	'des Hautes Terres',
	'du Pays des Sources',
	'de la Vallée Verte',
	'des Trois Rivières',
	'du Bocage',
	'des Monts du Levant',
	'de la Plaine',
	'du Littoral',
	'des Coteaux'
];

/** "de Lyon", "d'Annecy", "du Mans", "des Sables-d'Olonne". */
export function ofPlace(nom: string): string {
	if (/^Le /.test(nom)) return `du ${nom.slice(3)}`;
	if (/^Les /.test(nom)) return `des ${nom.slice(4)}`;
	if (/^L'/.test(nom)) return `de l'${nom.slice(2)}`;
	if (/^[AEIOUYÉÈÊÎÔH]/i.test(nom)) return `d'${nom}`;
	return `de ${nom}`;
}

const openers = [
	'Accompagne',
	'Outille et accompagne',
	'Soutient',
	'Aide',
	'Conseille et accompagne'
];

const scopes: Record<'national' | TerritoryKind, string> = {
	national: 'partout en France',
	region: "à l'échelle de la région",
	departement: 'dans le département',
	epci: "sur le territoire de l'intercommunalité",
	commune: 'dans la commune et ses environs'
};

const stageSentences: Record<string, string> = {
	emergence: 'dès les premières idées',
	structuration: 'pendant leur structuration',
	developpement: 'dans leur développement',
	essaimage: "jusqu'à l'essaimage"
};

const kindPlurals: Record<string, string> = {
	ptce: 'les PTCE',
	tiers_lieu: 'les tiers-lieux',
	pat: 'les projets alimentaires territoriaux',
	scic: 'les SCIC et coopératives',
	pole_reseau: 'les pôles, clusters et réseaux',
	non_modelisee: 'les coopérations non modélisées',
	autre: 'les coopérations territoriales'
};

const methodologies = [
	'Diagnostic partagé, ateliers de coconstruction, outils de gouvernance partagée.',
	'Méthodes d’intelligence collective, cartographie des parties prenantes, feuille de route.',
	'Recherche-action, études de faisabilité, modèles économiques hybrides.',
	'Design de services, prototypage, retours d’expérience entre pairs.',
	'Animation de communautés, formations-actions, boîte à outils en licence libre.'
];

const needs = [
	'Consolider le modèle économique et diversifier les ressources.',
	'Clarifier la gouvernance entre les partenaires.',
	'Trouver des financements pour la phase d’amorçage.',
	'Mobiliser les collectivités et les entreprises du territoire.',
	'Mesurer l’impact social et territorial.',
	'Outiller l’animation d’un collectif qui grandit.'
];

const publics = [
	'Collectifs citoyens, associations, entreprises de l’ESS.',
	'Collectivités territoriales et leurs partenaires.',
	'Porteurs de projets, coopératives, tiers-lieux.',
	'Entreprises, associations et acteurs publics engagés dans une coopération.'
];

const networks = [
	'Réseau fictif des accompagnateurs',
	'Union exemple des coopératives',
	'Collectif exemple des tiers-lieux',
	'Fédération exemple de l’ESS'
];

const presentationParagraphs = [
	'Notre équipe pluridisciplinaire intervient auprès des collectifs qui veulent coopérer durablement sur leur territoire.',
	'Nous privilégions une posture d’accompagnement : les décisions restent aux personnes accompagnées, nous apportons méthodes et regards extérieurs.',
	'Chaque accompagnement commence par un temps d’écoute pour comprendre l’histoire du projet et ses besoins.',
	'Nous travaillons en lien avec les collectivités, les réseaux de l’ESS et les autres structures d’accompagnement.',
	'Les outils que nous produisons sont partagés librement avec les autres accompagnateurs.'
];

/** Cumulated weights of the communes (population, at least 1), for a binary search. */
function cumulated(communes: readonly ExampleCommune[]): number[] {
	let total = 0;
	return communes.map((c) => (total += Math.max(1, c.population ?? 1)));
}

function pickCommune(random: Random, communes: readonly ExampleCommune[], cum: number[]) {
	const r = random() * cum[cum.length - 1]!;
	let lo = 0;
	let hi = cum.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cum[mid]! > r) hi = mid;
		else lo = mid + 1;
	}
	return communes[lo]!;
}

const DAY = 86_400_000;

/**
 * `count` example fiches at communes drawn among `communes` (weighted by population). Territory:
 * national (~10 %), the commune's région (~30 %), its département, sometimes with a neighbour of
 * the same région (~45 %), its EPCI or the commune itself (~15 %). Slugs are unique within the
 * output.
 */
export function generateExampleFiches(
	communes: readonly ExampleCommune[],
	count: number,
	options: ExampleOptions = {}
): ExampleFiche[] {
	if (communes.length === 0 || count <= 0) return [];
	const random = mulberry32(options.seed ?? 1);
	const prefix = options.prefix ?? EXAMPLE_PREFIX;
	const status = options.status ?? 'publiee';
	const now = (options.now ?? new Date()).getTime();
	const first = options.first ?? 1;
	const cum = cumulated(communes);
	const departementsOf = new Map<string, string[]>();
	for (const c of communes) {
		const list = departementsOf.get(c.region) ?? [];
		if (!list.includes(c.departement)) list.push(c.departement);
		departementsOf.set(c.region, list);
	}
	const slugs = new Set<string>();
	const fiches: ExampleFiche[] = [];

	for (let i = 0; i < count; i++) {
		const n = first + i;
		const commune = pickCommune(random, communes, cum);
		const place = commune.nom ? ofPlace(commune.nom) : pick(random, fictionalPlaces);
		const name = `${prefix}${pick(random, namePatterns).replace('{de}', place)}`;

		let slug = slugify(name) || 'exemple';
		if (slugs.has(slug)) slug = `${slug}-${n}`;
		slugs.add(slug);

		const t = random();
		let scope: keyof typeof scopes;
		const territories: ExampleFiche['territories'] = [];
		if (t < 0.1) {
			scope = 'national';
		} else if (t < 0.4) {
			scope = 'region';
			territories.push({ kind: 'region', code: commune.region });
		} else if (t < 0.85) {
			scope = 'departement';
			territories.push({ kind: 'departement', code: commune.departement });
			const others = (departementsOf.get(commune.region) ?? []).filter(
				(d) => d !== commune.departement
			);
			if (others.length > 0 && random() < 0.25) {
				territories.push({ kind: 'departement', code: pick(random, others) });
			}
		} else if (commune.epci && random() < 0.6) {
			scope = 'epci';
			territories.push({ kind: 'epci', code: commune.epci });
		} else {
			scope = 'commune';
			territories.push({ kind: 'commune', code: commune.code });
		}

		const kinds = draw(random, 'cooperation_kind', kindWeights, int(random, 1, 3));
		const profile = random();
		const dimensionCount =
			profile < 0.7 ? int(random, 3, 4) : profile < 0.9 ? int(random, 1, 2) : int(random, 5, 7);
		const dimensions = draw(random, 'dimension', dimensionWeights, dimensionCount);
		const modalities = draw(random, 'modality', modalityWeights, int(random, 2, 4));
		const stages = draw(random, 'stage', stageWeights, int(random, 1, 4));
		const cost = draw(random, 'cost', costWeights, 1)[0]!;

		const kindText = kinds.map((k) => kindPlurals[k] ?? label('cooperation_kind', k));
		const kindPhrase =
			kindText.length === 1
				? kindText[0]!
				: `${kindText.slice(0, -1).join(', ')} et ${kindText[kindText.length - 1]}`;
		const dimensionPhrase = dimensions
			.slice(0, 3)
			.map((d) => label('dimension', d).toLowerCase())
			.join(', ');
		const shortDescription = excerpt(
			`${pick(random, openers)} ${kindPhrase} ${stageSentences[stages[0]!]}, ${scopes[scope]} : ${dimensionPhrase}.`,
			SHORT_DESCRIPTION_MAX
		);

		const paragraphs = [...presentationParagraphs]
			.sort(() => random() - 0.5)
			.slice(0, int(random, 2, 3));
		const presentation = [
			'Cette fiche est un exemple : la structure n’existe pas.',
			...paragraphs,
			`Nos modalités d’accompagnement :\n\n${modalities.map((m) => `- ${label('modality', m)}`).join('\n')}`
		].join('\n\n');

		// 80 % verified within 18 months, 20 % stale (18 to 24 months).
		const ageDays = random() < 0.8 ? random() * 540 : 540 + random() * 190;

		fiches.push({
			slug,
			name,
			shortDescription,
			presentation,
			communeCode: commune.code,
			lat: commune.lat,
			lon: commune.lon,
			national: scope === 'national',
			cooperationKinds: kinds,
			dimensions,
			modalities,
			stages,
			cost,
			methodologies: pick(random, methodologies),
			needsSeen: pick(random, needs),
			publics: pick(random, publics),
			networks: pick(random, networks),
			contactEmail: `contact@exemple-${n}.example.org`,
			contactEmailPublic: true,
			contactPhone: null,
			contactWebsite: null,
			status,
			lastVerifiedAt: new Date(now - Math.round(ageDays * DAY)),
			territories
		});
	}
	return fiches;
}
