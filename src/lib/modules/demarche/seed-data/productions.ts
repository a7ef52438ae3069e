import type { SeedDecision, SeedProduction } from './types';

const LINK = 'Lien à compléter.';

/**
 * What the spaces produced, from the bilan (seed 000). No link is given in the seeds for these
 * productions (the bilan only says « disponible via ce lien »), so none is stored.
 */
export const productions: SeedProduction[] = [
	...(
		[
			['c1-activites', "Référentiel d'activités des métiers de la coopération territoriale"],
			['c1-competences', 'Référentiel de compétences des métiers de la coopération territoriale'],
			['c1-evaluation', "Référentiel d'évaluation des métiers de la coopération territoriale"]
		] as const
	).map(([key, title]) => ({
		key,
		spaceSlug: 'chantier-1-competences-metiers',
		title,
		kind: 'referentiel' as const,
		date: '2025-04-01',
		datePrecision: 'month' as const,
		description: `Pour les fonctions d'animateur·rice et de développeur·euse de coopération territoriale. Finalisé en avril 2025, en vue d'un dépôt au RNCP courant 2026.\n\n${LINK}`
	})),
	{
		key: 'c2-generateur',
		spaceSlug: 'chantier-2-outils-financiers',
		title: 'Webinaire : le Générateur Bourgogne-Franche-Comté',
		kind: 'webinaire',
		datePrecision: 'day',
		description: `Témoignage d'un projet où collectivités, acteur·rice·s de terrain et structures d'accompagnement collaborent pour faire émerger des coopérations territoriales.\n\n${LINK}`
	},
	{
		key: 'c2-financeurs',
		spaceSlug: 'chantier-2-outils-financiers',
		title: 'Webinaire : financer en coopération, des financeurs privés témoignent',
		kind: 'webinaire',
		datePrecision: 'day',
		description: `GRDF, le collectif Racines et la fondation territoriale de Nouvelle-Aquitaine expliquent l'intérêt, pour les financeur·euse·s, de construire en coopération le financement des porteur·euse·s de projet.\n\nÀ paraître sur la chaîne YouTube du Labo de l'ESS. ${LINK}`
	},
	{
		key: 'c3-cartographie',
		spaceSlug: 'chantier-3-accompagnement',
		title: "Cartographie des offres d'accompagnement des coopérations territoriales",
		kind: 'cartographie',
		datePrecision: 'day',
		description:
			"Construite à partir des 60 réponses au questionnaire du chantier : une fiche par structure d'accompagnement (offre, coopérations accompagnées, besoins repérés, méthodes).\n\nConsultable dans [la cartographie de la plateforme](/cartographie)."
	},
	{
		key: 'c3-note',
		spaceSlug: 'chantier-3-accompagnement',
		title: "Note de synthèse du questionnaire sur l'accompagnement des coopérations territoriales",
		kind: 'note',
		datePrecision: 'day',
		description: `Les retours marquants du questionnaire adressé aux structures d'accompagnement, co-écrits avec le chantier 5.\n\n${LINK}`
	},
	...(
		[
			[
				'c4-posture',
				'Webinaire « La posture »',
				'Les acteur·rice·s, les partenaires, l’animation, le développement.'
			],
			['c4-transmission', 'Webinaire « La transmission »', 'L’évaluation, la création de communs.'],
			[
				'c4-temps',
				'Webinaire « Le rapport au temps »',
				'L’émergence, la structuration, le développement, l’ouverture.'
			]
		] as const
	).map(([key, title, topic]) => ({
		key,
		spaceSlug: 'chantier-4-ecosystemes-cooperatifs',
		title,
		kind: 'webinaire' as const,
		datePrecision: 'day' as const,
		description: `Webinaire en co-apprentissage sur les écosystèmes coopératifs territoriaux, sous le signe du « prendre soin » : ${topic.charAt(0).toLowerCase()}${topic.slice(1)}\n\n${LINK}`
	})),
	{
		key: 'c5-reperess',
		spaceSlug: 'chantier-5-valorisation',
		title: 'Points de RepèrESS : la coopération territoriale',
		kind: 'fiche',
		datePrecision: 'day',
		description: `Fiche réalisée avec le Réseau des collectivités territoriales pour une économie solidaire (RTES) sur la place des collectivités dans les coopérations territoriales.\n\n${LINK}`
	},
	{
		key: 'c5-panorama',
		spaceSlug: 'chantier-5-valorisation',
		title: "Panorama des enjeux de l'accompagnement des coopérations territoriales dans l'ESS",
		kind: 'panorama',
		datePrecision: 'day',
		description: `Co-produit avec le chantier 3, pour mieux comprendre les enjeux et les défis de l'accompagnement des coopérations territoriales.\n\n${LINK}`
	},
	{
		key: 'copil-bilan',
		spaceSlug: 'comite-de-pilotage',
		title: 'Bilan des chantiers coopératifs',
		kind: 'rapport',
		date: '2025-03-27',
		datePrecision: 'day',
		description: `Le bilan de la démarche présenté lors de sa restitution : les cinq chantiers, leurs réalisations, les leçons tirées collectivement et les suites.\n\n${LINK}`
	}
];

/**
 * The comité de pilotage's relevé de décisions: decisions the bilan states, dated by the event
 * where they were carried out. The seeds do not date the decisions themselves, which each entry
 * says.
 */
export const decisions: SeedDecision[] = [
	{
		spaceSlug: 'comite-de-pilotage',
		date: '2023-10-13',
		decision:
			'Lancer cinq chantiers coopératifs pour répondre aux cinq défis définis collectivement',
		details:
			"Lancement lors de la journée du 13 octobre 2023 (date du bilan ; le programme de la journée annonçait le 19 octobre). Exemple de décision : la date à laquelle elle a été prise n'est pas connue.",
		status: 'realisee'
	},
	{
		spaceSlug: 'comite-de-pilotage',
		date: '2023-10-13',
		decision: 'Adopter une charte commune aux chantiers coopératifs',
		details:
			"La charte a été élaborée ensemble lors de la journée de lancement. Exemple de décision : sa date d'adoption n'est pas connue.",
		status: 'realisee'
	},
	{
		spaceSlug: 'comite-de-pilotage',
		date: '2024-10-02',
		decision:
			"Faire un bilan d'étape lors d'une journée interchantiers après un an d'expérimentation",
		details: 'Journée coopérative du 2 octobre 2024. Exemple de décision, datée par la journée.',
		status: 'realisee'
	},
	{
		spaceSlug: 'comite-de-pilotage',
		date: '2025-03-27',
		decision: 'Présenter le bilan de la démarche lors de sa restitution',
		details: 'Restitution du 27 mars 2025. Exemple de décision, datée par la restitution.',
		status: 'realisee'
	},
	{
		spaceSlug: 'comite-de-pilotage',
		date: '2025-03-27',
		decision:
			"Poursuivre en 2025 l'action de valorisation et la reconnaissance au RNCP des métiers de la coopération",
		details:
			'Suites décrites dans le bilan. Exemple de décision : rattachée ici à la restitution, sa date exacte n’est pas connue.',
		status: 'en_cours'
	}
];
