import type { SeedAction } from './types';

/**
 * The realisations and next steps of each space, as actions of its feuille de route, from the
 * « Réalisations et prochaines étapes » of the bilan (seed 000) and the February 2024
 * presentation (seed 001). Done actions carry a date only where the seeds give one; where the
 * seeds say nothing of what comes next, the action says it is an example.
 */
export const roadmaps: Record<string, SeedAction[]> = {
	'chantier-1-competences-metiers': [
		{
			objective: 'operationnel:0',
			title: 'Analyser les enseignements du rapport et les référentiels existants',
			description:
				'Point de départ des travaux : le rapport « Vers une société de la coopération » et les référentiels qui existent déjà.',
			status: 'fait'
		},
		{
			objective: 'operationnel:0',
			title:
				'Interroger les acteur·rice·s par questionnaire et échanger avec des organismes de formation',
			status: 'fait'
		},
		{
			objective: 'operationnel:0',
			title: "Finaliser les référentiels d'activités, de compétences et d'évaluation",
			description:
				"Référentiels des fonctions d'animateur·rice et de développeur·euse de coopération territoriale, finalisés en avril 2025.",
			status: 'fait',
			doneAt: '2025-04-01',
			productions: ['c1-activites', 'c1-competences', 'c1-evaluation']
		},
		{
			objective: 'operationnel:0',
			title: 'Déposer les référentiels au Répertoire national des certifications professionnelles',
			description: "Dépôt au RNCP prévu courant 2026, après l'expérimentation du parcours pilote.",
			status: 'a_faire',
			productions: ['c1-activites', 'c1-competences', 'c1-evaluation']
		},
		{
			objective: 'operationnel:1',
			title: 'Expérimenter un parcours de formation pilote avec plusieurs cohortes',
			description:
				"Parcours animé par Savoir Devenir, avec l'appui du Labo de l'ESS et des membres du chantier.",
			status: 'a_faire'
		},
		{
			objective: 'operationnel:1',
			title: "Affiner l'offre pédagogique à partir de l'expérimentation",
			status: 'a_faire'
		}
	],
	'chantier-2-outils-financiers': [
		{
			objective: 'operationnel:0',
			title: 'Approfondir le diagnostic des outils de financement des coopérations',
			description:
				'En prolongement du rapport « Vers une société de la coopération », qui montre des outils peu adaptés aux coopérations territoriales.',
			status: 'fait'
		},
		{
			objective: 'operationnel:0',
			title: "Expérimenter une méthode de financement à partir d'un diagnostic territorial",
			description:
				'Piste inscrite dans la présentation de février 2024 ; le bilan de 2025 ne dit pas ce qu’elle est devenue.',
			status: 'a_faire'
		},
		{
			objective: 'operationnel:1',
			title: 'Webinaire : le Générateur Bourgogne-Franche-Comté',
			status: 'fait',
			productions: ['c2-generateur']
		},
		{
			objective: 'operationnel:1',
			title: 'Webinaire : des financeurs privés témoignent',
			description: 'GRDF, le collectif Racines et la fondation territoriale de Nouvelle-Aquitaine.',
			status: 'fait',
			productions: ['c2-financeurs']
		},
		{
			objective: 'operationnel:1',
			title:
				"Mettre en ligne le webinaire des financeurs privés sur la chaîne YouTube du Labo de l'ESS",
			status: 'en_cours',
			productions: ['c2-financeurs']
		}
	],
	'chantier-3-accompagnement': [
		{
			objective: 'operationnel:0',
			title: "Diffuser un questionnaire aux structures d'accompagnement",
			description: '60 réponses recueillies.',
			status: 'fait'
		},
		{
			objective: 'operationnel:0',
			title: "Publier la cartographie des offres d'accompagnement sur la plateforme",
			status: 'fait',
			productions: ['c3-cartographie']
		},
		{
			objective: 'operationnel:0',
			title: 'Organiser des échanges de pratiques entre accompagnateur·rice·s',
			description:
				'Besoin exprimé dans les réponses au questionnaire : davantage de partage d’expérience entre pairs.',
			status: 'a_faire'
		},
		{
			objective: 'operationnel:1',
			title: 'Co-écrire avec le chantier 5 une note de synthèse des réponses au questionnaire',
			status: 'fait',
			productions: ['c3-note']
		},
		{
			objective: 'operationnel:2',
			title: "Repérer de nouvelles méthodes d'accompagnement à partir du questionnaire",
			status: 'a_faire'
		}
	],
	'chantier-4-ecosystemes-cooperatifs': [
		{
			objective: 'operationnel:0',
			title: 'Caractériser les écosystèmes coopératifs selon le type de territoire',
			description:
				'Points de départ, spécificités, échelles, marqueurs communs ou singuliers, en territoire rural, urbain ou périurbain.',
			status: 'fait'
		},
		{
			objective: 'operationnel:1',
			title: 'Webinaire « La posture »',
			status: 'fait',
			productions: ['c4-posture']
		},
		{
			objective: 'operationnel:1',
			title: 'Webinaire « La transmission »',
			status: 'fait',
			productions: ['c4-transmission']
		},
		{
			objective: 'operationnel:2',
			title: 'Webinaire « Le rapport au temps »',
			status: 'fait',
			productions: ['c4-temps']
		},
		{
			objective: 'operationnel:2',
			title: 'Tirer les enseignements des trois webinaires',
			description: "Exemple : le bilan n'indique pas les prochaines étapes de ce chantier.",
			status: 'a_faire'
		}
	],
	'chantier-5-valorisation': [
		{
			objective: 'strategique:0',
			title: "Webinaire de lancement sur une stratégie d'influence",
			description: 'Une stratégie fondée sur une « cause » définie collectivement.',
			status: 'fait'
		},
		{
			objective: 'strategique:0',
			title: 'Travailler trois causes en atelier lors d’un rassemblement interchantiers',
			status: 'fait'
		},
		{
			objective: 'strategique:0',
			title:
				'Réaliser avec le RTES une fiche « Points de RepèrESS » sur la coopération territoriale',
			status: 'fait',
			productions: ['c5-reperess']
		},
		{
			objective: 'strategique:0',
			title: "Co-produire avec le chantier 3 un panorama de l'accompagnement des coopérations",
			status: 'fait',
			productions: ['c5-panorama']
		},
		{
			objective: 'strategique:0',
			title: "Poursuivre l'action de valorisation à partir des résultats des chantiers",
			description: 'Action qui se poursuit en 2025, selon le bilan.',
			status: 'en_cours'
		}
	],
	'comite-de-pilotage': [
		{
			objective: 'operationnel:0',
			title: 'Ouvrir une plateforme collaborative pour les chantiers',
			description:
				'Plateforme développée avec YesWiki pour partager ressources, informations et travaux.',
			status: 'fait'
		},
		{
			objective: 'operationnel:1',
			title: 'Organiser la journée de lancement des chantiers coopératifs',
			status: 'fait',
			doneAt: '2023-10-13'
		},
		{
			objective: 'operationnel:1',
			title: "Organiser la journée coopérative après un an d'expérimentation",
			status: 'fait',
			doneAt: '2024-10-02'
		},
		{
			objective: 'strategique:0',
			title: 'Restituer la démarche des chantiers coopératifs',
			status: 'fait',
			doneAt: '2025-03-27',
			productions: ['copil-bilan']
		},
		{
			objective: 'operationnel:2',
			title: 'Rechercher les financements de la suite de la démarche',
			description:
				"Le bilan rappelle que la démarche prend du temps et doit être financée, au-delà de l'apport du fonds de dotation Que Vol'Terre.",
			status: 'en_cours'
		}
	]
};
