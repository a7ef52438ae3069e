/**
 * The library's first resources: the productions the bilan (seed 000) names, plus the study's
 * report and the questionnaire's synthesis note (seed 002). The seeds give no address for any
 * of them (« disponible via ce lien ») nor the webinars' days, so none is stored: each
 * description ends with « Lien à compléter. ». Authors are those the seeds name: the chantier
 * that produced it, and the partner it was made with.
 */
import type { ResourceKind, Theme } from '../../ressources/labels';

export const LINK_TO_COMPLETE = 'Lien à compléter.';

export interface SeedResource {
	slug: string;
	title: string;
	kind: ResourceKind;
	description: string;
	/** YYYY-MM-DD, only when the seeds give the day. */
	publishedOn?: string;
	themes: Theme[];
	tags: string[];
	spaceSlugs: string[];
	/** Keys of seeded productions (productions.ts) this resource is. */
	productionKeys: string[];
	/** Names in order; `structureSlug` links a structure of the community (structures.ts). */
	authors: { name: string; structureSlug?: string }[];
	featured?: boolean;
}

const C1 = 'chantier-1-competences-metiers';
const C2 = 'chantier-2-outils-financiers';
const C3 = 'chantier-3-accompagnement';
const C4 = 'chantier-4-ecosystemes-cooperatifs';
const C5 = 'chantier-5-valorisation';

const chantier = (n: number) => ({ name: `Chantier coopératif n°${n}` });
const LABO = { name: "Le Labo de l'ESS", structureSlug: 'labo-ess' };
const RTES = {
	name: 'Réseau des collectivités territoriales pour une économie solidaire (RTES)',
	structureSlug: 'rtes'
};

const described = (text: string) => `${text}\n\n${LINK_TO_COMPLETE}`;

const referentiel = (
	key: string,
	slug: string,
	title: string,
	what: string,
	featured = false
): SeedResource => ({
	slug,
	title,
	kind: 'referentiel',
	description: described(
		`${what} des fonctions d'animateur·rice et de développeur·euse de coopération territoriale, élaboré par les membres du chantier à partir des enseignements du rapport « Vers une société de la coopération », des réponses à un questionnaire et d'échanges avec des structures de formation.\n\nFinalisé en avril 2025, en vue d'une certification au Répertoire national des certifications professionnelles (RNCP), avec un dépôt prévu courant 2026.`
	),
	themes: ['competences-metiers'],
	tags: ['métiers de la coopération', 'RNCP', 'formation'],
	spaceSlugs: [C1],
	productionKeys: [key],
	authors: [chantier(1)],
	featured
});

const careWebinar = (key: string, slug: string, title: string, topic: string): SeedResource => ({
	slug,
	title,
	kind: 'webinaire',
	description: described(
		`Un des trois webinaires en co-apprentissage du chantier sur les écosystèmes coopératifs territoriaux, chacun sous le signe du « prendre soin ». Au programme : ${topic}.`
	),
	themes: ['ecosystemes-territoriaux'],
	tags: ['écosystèmes coopératifs', 'prendre soin'],
	spaceSlugs: [C4],
	productionKeys: [key],
	authors: [chantier(4)]
});

export const resources: SeedResource[] = [
	{
		slug: 'vers-une-societe-de-la-cooperation',
		title: 'Vers une société de la coopération',
		kind: 'rapport',
		description: described(
			"Le rapport de l'étude-action « Accompagner et financer les coopérations territoriales au service de la transition écologique juste », menée par le Labo de l'ESS à l'initiative du fonds de dotation Que Vol'Terre (2024). Il pose un diagnostic partagé sur l'accompagnement et le financement des coopérations territoriales et formule des propositions et des pistes d'action, dont sont nés les cinq chantiers coopératifs."
		),
		themes: ['accompagnement', 'outils-financiers'],
		tags: ['étude-action', 'coopérations territoriales', 'transition écologique juste'],
		spaceSlugs: [],
		productionKeys: [],
		authors: [LABO],
		featured: true
	},
	referentiel(
		'c1-activites',
		'referentiel-activites-metiers-cooperation-territoriale',
		"Référentiel d'activités des métiers de la coopération territoriale",
		'Les activités'
	),
	referentiel(
		'c1-competences',
		'referentiel-competences-metiers-cooperation-territoriale',
		'Référentiel de compétences des métiers de la coopération territoriale',
		'Les compétences',
		true
	),
	referentiel(
		'c1-evaluation',
		'referentiel-evaluation-metiers-cooperation-territoriale',
		"Référentiel d'évaluation des métiers de la coopération territoriale",
		"L'évaluation"
	),
	{
		slug: 'webinaire-generateur-bourgogne-franche-comte',
		title: 'Webinaire : le Générateur Bourgogne-Franche-Comté',
		kind: 'webinaire',
		description: described(
			"Témoignage d'un projet où collectivités, acteur·rice·s de terrain et acteur·rice·s de l'accompagnement collaborent au service de l'émergence de projets de coopérations territoriales : le Générateur Bourgogne-Franche-Comté. Un des deux webinaires nourris par la réflexion du chantier sur la place des financeur·euse·s dans les coopérations territoriales."
		),
		themes: ['outils-financiers'],
		tags: ['financement', 'collectivités'],
		spaceSlugs: [C2],
		productionKeys: ['c2-generateur'],
		authors: [chantier(2)]
	},
	{
		slug: 'webinaire-financer-en-cooperation-financeurs-prives',
		title: 'Webinaire : financer en coopération, des financeurs privés témoignent',
		kind: 'webinaire',
		description: described(
			"Témoignage de structures privées de financement — GRDF, le collectif Racines et la fondation territoriale de Nouvelle-Aquitaine — sur le montage et l'intérêt, pour les financeur·euse·s, de développer en coopération les processus de financement des porteur·euse·s de projet.\n\nÀ paraître sur la chaîne YouTube du Labo de l'ESS."
		),
		themes: ['outils-financiers'],
		tags: ['financement', 'financeurs privés'],
		spaceSlugs: [C2],
		productionKeys: ['c2-financeurs'],
		authors: [chantier(2)]
	},
	careWebinar(
		'c4-posture',
		'webinaire-la-posture',
		'Webinaire « La posture »',
		"les acteur·rice·s, les partenaires, l'animation, le développement"
	),
	careWebinar(
		'c4-transmission',
		'webinaire-la-transmission',
		'Webinaire « La transmission »',
		"l'évaluation, la création de communs"
	),
	careWebinar(
		'c4-temps',
		'webinaire-le-rapport-au-temps',
		'Webinaire « Le rapport au temps »',
		"l'émergence, la structuration, le développement, l'ouverture"
	),
	{
		slug: 'note-synthese-questionnaire-accompagnement-cooperations',
		title: "Note de synthèse du questionnaire sur l'accompagnement des coopérations territoriales",
		kind: 'rapport',
		description: described(
			"« L'accompagnement des coopérations territoriales : enjeux et défis » — synthèse des réponses au questionnaire des chantiers coopératifs dédié à l'exploration des pratiques d'accompagnement des coopérations territoriales. Les 60 réponses ont nourri la cartographie de la plateforme ; la note en reprend les retours marquants : fonctionnement et besoins des structures d'accompagnement, échange entre pairs, nouvelles méthodes. Co-produite par les chantiers 3 et 5."
		),
		themes: ['accompagnement'],
		tags: ['questionnaire', "structures d'accompagnement"],
		spaceSlugs: [C3, C5],
		productionKeys: ['c3-note'],
		authors: [chantier(3), chantier(5)]
	},
	{
		slug: 'points-de-reperess-cooperation-territoriale',
		title: 'Points de RepèrESS : la coopération territoriale',
		kind: 'fiche',
		description: described(
			'Fiche « Points de RepèrESS » réalisée par le chantier avec le Réseau des collectivités territoriales pour une économie solidaire (RTES) sur la place des collectivités territoriales, actrices clés de coopérations territoriales réussies.'
		),
		themes: ['cooperations-national-local'],
		tags: ['collectivités territoriales', 'plaidoyer'],
		spaceSlugs: [C5],
		productionKeys: ['c5-reperess'],
		authors: [chantier(5), RTES],
		featured: true
	}
];
