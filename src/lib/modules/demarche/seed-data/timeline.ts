import type { SeedFigure, SeedMilestone } from './types';

const BILAN = 'Bilan des chantiers coopératifs';
const QUESTIONNAIRE =
	"Synthèse du questionnaire du chantier 3 sur l'accompagnement des coopérations territoriales";

/**
 * Key dates of the démarche. Less precise dates use the first day of the month or year.
 * The launch day is kept at month precision: the bilan dates it 13 October 2023, while the
 * programme of the launch meeting announces it for Thursday 19 October 2023.
 * The webinars and the first interchantier day are not dated in the seeds.
 */
export const milestones: SeedMilestone[] = [
	{
		date: '2022-09-01',
		precision: 'month',
		title: "Début de l'étude-action sur les coopérations territoriales",
		description:
			"À l'initiative du fonds de dotation Que Vol'Terre, le Labo de l'ESS engage l'étude-action « Accompagner et financer les coopérations territoriales au service de la transition écologique juste », appuyée sur un groupe de travail d'une trentaine de membres."
	},
	{
		date: '2023-10-01',
		precision: 'month',
		title: 'Journée de lancement des chantiers coopératifs',
		description:
			'Les participant·e·s partagent une vision commune des chantiers, élaborent ensemble leur charte et définissent les objectifs, le fonctionnement et la première feuille de route de chaque chantier.'
	},
	{
		date: '2024-02-01',
		precision: 'month',
		title: 'Présentation de la démarche et des cinq chantiers',
		description:
			'Un document de présentation décrit les cinq chantiers, leurs objectifs, leurs référent·e·s et les structures participantes.'
	},
	{
		date: '2024-03-12',
		precision: 'day',
		title: 'Restitution du rapport « Vers une société de la coopération »',
		description:
			"Le rapport de l'étude-action, publié en 2024, pose un diagnostic partagé sur l'accompagnement et le financement des coopérations territoriales et formule des propositions."
	},
	{
		date: '2024-10-02',
		precision: 'day',
		title: "Journée coopérative après un an d'expérimentation",
		description:
			'Seconde journée interchantiers : les participant·e·s reviennent collectivement sur la démarche et en tirent des enseignements.'
	},
	{
		date: '2025-03-27',
		precision: 'day',
		title: 'Restitution de la démarche des chantiers coopératifs'
	},
	{
		date: '2025-04-01',
		precision: 'month',
		title: 'Finalisation des référentiels des métiers de la coopération',
		description:
			"Le chantier 1 finalise les référentiels d'activités, de compétences et d'évaluation des fonctions d'animateur·rice et de développeur·euse de coopération territoriale."
	},
	{
		date: '2026-01-01',
		precision: 'year',
		title: 'Dépôt prévu des référentiels au RNCP',
		description:
			"Après l'expérimentation d'un parcours de formation pilote auprès de plusieurs cohortes, les référentiels doivent être déposés au Répertoire national des certifications professionnelles."
	}
];

/** Headline figures of the démarche ("Les chantiers coopératifs en chiffres"). */
export const figures: SeedFigure[] = [
	{
		key: 'structures',
		value: 44,
		label: 'structures coopérant sur la démarche',
		source: BILAN
	},
	{
		key: 'chantiers',
		value: 5,
		label: 'chantiers coopératifs pour relever cinq défis',
		source: BILAN
	},
	{
		key: 'copil-members',
		value: 11,
		label: 'membres du comité de pilotage',
		source: BILAN
	},
	{
		key: 'copil-meetings',
		value: 6,
		label: 'rencontres du comité de pilotage',
		source: BILAN
	},
	{
		key: 'chantier-meetings',
		value: 32,
		label: 'rencontres de chantiers coopératifs',
		source: BILAN
	},
	{
		key: 'interchantier-days',
		value: 2,
		label: 'journées de travail interchantiers',
		source: BILAN
	},
	{
		key: 'hours-total',
		value: 2600,
		label: 'heures cumulées consacrées à la démarche',
		source: BILAN
	},
	{
		key: 'hours-volunteer',
		value: 1600,
		label: "heures d'engagement bénévole des participant·e·s",
		source: BILAN
	},
	{
		key: 'participants',
		value: 90,
		label: 'participant·e·s sollicité·e·s à différentes étapes (plus de 90)',
		source: BILAN
	},
	{
		key: 'webinars',
		value: 5,
		label: 'webinaires disponibles en ligne',
		source: BILAN
	},
	{
		key: 'mapped-support-structures',
		value: 60,
		label: "structures d'accompagnement à la coopération recensées dans la cartographie",
		source: BILAN
	},
	{
		key: 'job-frameworks',
		value: 1,
		label: 'référentiel métier',
		source: BILAN
	},
	{
		key: 'trainings',
		value: 1,
		label: 'formation',
		source: BILAN
	},
	{
		key: 'local-authorities-sheets',
		value: 1,
		label: 'fiche sur le rôle des collectivités',
		source: BILAN
	},
	{
		key: 'platforms',
		value: 1,
		label: 'plateforme collaborative',
		source: BILAN
	},
	{
		key: 'peer-exchange-need',
		value: 85,
		label:
			"pour cent des répondant·e·s au questionnaire souhaitent renforcer l'échange entre pairs",
		source: QUESTIONNAIRE
	}
];
