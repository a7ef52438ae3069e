import type { SeedSpace } from './types';

/**
 * Date of the later source: the "Bilan des chantiers coopératifs" (seed 000) lists the
 * "Restitution de la démarche" on 27 March 2025. Référent·e·s who appear in the February
 * 2024 presentation (seed 001) but not in the bilan are kept as former référent·e·s
 * until that date; the exact date of the change is not known.
 */
const BILAN_DATE = '2025-03-27';

/** The five chantiers coopératifs and the comité de pilotage (seeds 000 and 001). */
export const spaces: SeedSpace[] = [
	{
		slug: 'chantier-1-competences-metiers',
		kind: 'chantier',
		number: 1,
		title: 'Développer les compétences et métiers des acteur·rice·s de la coopération',
		shortTitle: 'Compétences et métiers',
		defi: "Les coopérations territoriales reposent sur des métiers à part entière, ceux d'animateur·rice et de développeur·euse de coopération, dont le rôle essentiel reste peu reconnu. Le chantier veut qualifier leurs missions, leurs compétences et leurs savoir-faire, et encourager des parcours de formation qui associent apports théoriques et expérimentation.",
		summary:
			"Le chantier a choisi de travailler sur la reconnaissance des fonctions d'animateur·rice et de développeur·euse de coopération territoriale. En s'appuyant sur le rapport « Vers une société de la coopération », sur un questionnaire et sur des échanges avec des organismes de formation, ses membres ont produit des référentiels d'activités, de compétences et d'évaluation, finalisés en avril 2025. Un parcours de formation pilote, animé par Savoir Devenir avec l'appui du Labo de l'ESS et des membres du chantier, sera expérimenté avec plusieurs cohortes avant un dépôt au Répertoire national des certifications professionnelles (RNCP) prévu en 2026.",
		strategicObjectives: [
			'Donner de la visibilité aux métiers de la coopération territoriale et les valoriser',
			'Acculturer le secteur public à la coopération',
			'Créer une culture commune dans la formation à la coopération territoriale'
		],
		operationalObjectives: [
			'Élaborer un référentiel métier de la coopération territoriale à partir des référentiels existants',
			"Créer des parcours de formation aux métiers de la coopération, sur la base d'un état des lieux des formations existantes et d'une analyse des besoins"
		],
		members: [{ personKey: 'sophie-aouizerate', role: 'referent', structureSlug: 'savoir-devenir' }]
	},
	{
		slug: 'chantier-2-outils-financiers',
		kind: 'chantier',
		number: 2,
		title: 'Développer des outils financiers au service de la coopération',
		shortTitle: 'Outils financiers',
		defi: 'Le rapport « Vers une société de la coopération » a montré que les outils de financement existants sont mal adaptés aux coopérations territoriales : mise en concurrence par les appels à projets, accès difficile, calendriers qui ne suivent pas le rythme des projets coopératifs. Le chantier approfondit ce diagnostic et cherche les leviers pour financer les coopérations dans leur diversité, à chaque stade de leur développement.',
		summary:
			"Les travaux du chantier sur la place des financeur·euse·s dans les coopérations territoriales ont nourri deux webinaires. Le premier présente le Générateur Bourgogne-Franche-Comté, qui fait collaborer collectivités, acteur·rice·s de terrain et structures d'accompagnement pour faire émerger des coopérations. Le second donne la parole à des financeurs privés (GRDF, le collectif Racines, la fondation territoriale de Nouvelle-Aquitaine) sur l'intérêt de construire en coopération le financement des porteur·euse·s de projet. Lors de la présentation de février 2024, le chantier envisageait aussi d'expérimenter une méthode de financement de la coopération à partir d'un diagnostic territorial.",
		strategicObjectives: [],
		operationalObjectives: [
			'Problématiser les freins au financement des coopérations',
			'Recenser les outils existants de financement de la coopération territoriale'
		],
		members: [{ personKey: 'wafae-kerzazi', role: 'referent', structureSlug: 'centsept' }]
	},
	{
		slug: 'chantier-3-accompagnement',
		kind: 'chantier',
		number: 3,
		title:
			"Inventer et formaliser des dispositifs d'accompagnement adaptés aux coopérations territoriales",
		shortTitle: 'Accompagnement',
		defi: "Dans le prolongement de l'étude, le chantier veut compléter l'état des lieux de l'accompagnement des coopérations territoriales, en faciliter l'accès pour les porteur·euse·s de projet et développer les échanges de pratiques entre accompagnateur·rice·s, en croisant réflexion et expérimentation.",
		summary:
			"Un questionnaire adressé aux structures d'accompagnement a recueilli 60 réponses. Il a servi à construire une cartographie des offres d'accompagnement adaptées aux coopérations territoriales, consultable sur la plateforme : chaque structure y a une fiche décrivant son offre, les coopérations accompagnées, les besoins repérés et ses méthodes, ce qui aide les porteur·euse·s de projet à trouver un appui près de chez eux. L'analyse des réponses éclaire aussi le fonctionnement et les besoins des accompagnateur·rice·s, qui souhaitent davantage d'échanges entre pairs et de nouvelles méthodes. Une note de synthèse a été co-écrite avec le chantier 5.",
		strategicObjectives: [],
		operationalObjectives: [
			'Créer une cartographie et un réseau des accompagnateur·rice·s de la coopération',
			"Consolider un argumentaire sur les spécificités de l'accompagnement des projets de coopération",
			"Expérimenter des modes d'accompagnement de la coopération, en partant de ce qui existe"
		],
		members: [{ personKey: 'sylvia-garzon', role: 'referent', structureSlug: 'makesense' }]
	},
	{
		slug: 'chantier-4-ecosystemes-cooperatifs',
		kind: 'chantier',
		number: 4,
		title: 'Développer les écosystèmes coopératifs territoriaux',
		shortTitle: 'Écosystèmes coopératifs',
		defi: "Certaines initiatives abordent leur territoire de façon systémique pour agir sur l'ensemble des causes des problèmes qu'elles identifient : elles forment de véritables écosystèmes coopératifs territoriaux. Le chantier cherche à mieux les caractériser (freins, facteurs de réussite, méthodes) et à les valoriser, en rendant visible leur contribution à la transition écologique juste des territoires.",
		summary:
			"Le chantier a d'abord travaillé sur les points de départ, les spécificités, les échelles et les marqueurs communs ou singuliers des écosystèmes coopératifs territoriaux, selon le type de territoire (rural, urbain, périurbain…). Il a ensuite réalisé trois webinaires en co-apprentissage, tous placés sous le signe du « prendre soin » : la posture (acteur·rice·s, partenaires, animation, développement), la transmission (évaluation, création de communs) et le rapport au temps (émergence, structuration, développement, ouverture).",
		strategicObjectives: [],
		operationalObjectives: [
			"Identifier les typologies d'écosystèmes coopératifs territoriaux : grille d'analyse, particularités, objectifs de départ, identité, thématiques",
			'Identifier leurs principes actifs fondamentaux, leurs invariants',
			"Déterminer la valeur ajoutée d'un écosystème coopératif territorial et rendre compte de ce qui permet sa mise en mouvement"
		],
		members: [{ personKey: 'celine-coubard', role: 'referent', structureSlug: 'intersticiel' }]
	},
	{
		slug: 'chantier-5-valorisation',
		kind: 'chantier',
		number: 5,
		title: 'Développer des coopérations à un niveau national et local',
		shortTitle: 'Valorisation et plaidoyer',
		defi: "Démontrer ce que la coopération apporte concrètement à la transition dans les territoires est un enjeu majeur. En s'appuyant sur l'étude et sur les enseignements des quatre autres chantiers, ce chantier mène une réflexion transversale pour porter plus loin la question des coopérations territoriales, de leur accompagnement et de leur financement.",
		summary:
			"Un webinaire de lancement a ouvert la réflexion sur une stratégie d'influence fondée sur une « cause » définie collectivement. Lors d'un rassemblement interchantiers, trois causes ont été travaillées en atelier : la coopération comme levier efficace de la transition écologique juste, la coopération comme méthode de pilotage territorial qui s'apprend, et la coopération comme moteur d'une culture de la co-décision. Le chantier a ciblé en priorité les collectivités territoriales, avec une première fiche « Points de RepèrESS » sur la coopération territoriale réalisée avec le RTES, et a co-produit avec le chantier 3 un panorama des enjeux de l'accompagnement des coopérations territoriales dans l'ESS. Intitulé en février 2024 « Construire un plaidoyer sur le financement et l'accompagnement des coopérations à un niveau national et local », le chantier a ensuite pris son titre actuel.",
		strategicObjectives: [
			"Valoriser les travaux des autres chantiers pour démontrer la plus-value de la coopération comme méthode d'action du développement territorial"
		],
		operationalObjectives: [],
		members: [
			{ personKey: 'julien-neiertz', role: 'referent' },
			{
				personKey: 'bruno-lasnier',
				role: 'referent',
				structureSlug: 'mouvement-economie-solidaire',
				until: BILAN_DATE
			}
		]
	},
	{
		slug: 'comite-de-pilotage',
		kind: 'copil',
		title: 'Comité de pilotage',
		shortTitle: 'Comité de pilotage',
		defi: "Instance de gouvernance partagée de la démarche, le comité de pilotage en assure le suivi et fait le lien entre les chantiers. Il compte 11 membres et il est coordonné par le chargé de projets collectifs du Labo de l'ESS, coordinateur de la démarche.",
		summary:
			"Le comité de pilotage s'est réuni six fois. Il élabore la feuille de route d'ensemble, facilite les échanges entre les projets portés par les chantiers, met en place les outils utiles à leur bon déroulement, organise les temps interchantiers et recherche les moyens financiers nécessaires. Le Labo de l'ESS anime le comité, coordonne la recherche de financements et documente, capitalise et valorise les travaux et la démarche.",
		strategicObjectives: [
			'Assurer le suivi de la démarche des chantiers coopératifs',
			"Faire le lien entre les chantiers et entre les projets qu'ils portent",
			'Élaborer la feuille de route globale de la démarche'
		],
		operationalObjectives: [
			'Mettre en œuvre les outils nécessaires au bon déroulement des chantiers',
			'Organiser les temps interchantiers',
			'Rechercher les moyens financiers nécessaires à la démarche'
		],
		members: [{ personKey: 'mickael-vartuaroglu', role: 'referent', structureSlug: 'labo-ess' }]
	}
];
