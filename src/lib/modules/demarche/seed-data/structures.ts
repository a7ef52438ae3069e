import type { SeedStructure } from './types';

/**
 * The community of the chantiers coopératifs, as listed in the "Bilan des chantiers
 * coopératifs" (seed 000, "La communauté des chantiers coopératifs"), in the same order.
 *
 * Counting notes:
 * - the extracted list has 44 lines, but one line merges two entries
 *   ("CRESS AURA et IDF" and "Ecossolies", which are separate cells in seed 001);
 * - "CRESS AURA et IDF" names two distinct chambers, stored here as two structures;
 * - hence 46 structures, while the bilan's headline figure says "44 structures".
 * Compared with the February 2024 presentation (seed 001): ESS France, the IE-EFC,
 * Inter-Made, L'opération Milliard and the RTES were added, Mouvement Colibri no longer
 * appears (not included, as we follow seed 000).
 * The structures of all référent·e·s are in this list. Descriptions only state well-known
 * public facts, or facts from the seeds; when unsure they stay generic.
 */
export const structures: SeedStructure[] = [
	{
		slug: 'actes',
		name: 'Actes',
		kind: 'autre',
		description: 'Structure participant à la démarche des chantiers coopératifs.'
	},
	{
		slug: 'activ-action',
		name: "Activ'Action",
		kind: 'association',
		description:
			"Association qui anime des ateliers collectifs pour les personnes en recherche d'emploi ou en transition professionnelle.",
		region: 'National'
	},
	{
		slug: 'aema-groupe',
		name: 'Aéma Groupe',
		kind: 'entreprise',
		description:
			'Groupe mutualiste de protection (assurance, santé, prévoyance, épargne), qui réunit notamment la Macif et Aésio mutuelle.',
		region: 'National'
	},
	{
		slug: 'ag2r-la-mondiale',
		name: 'AG2R La Mondiale',
		kind: 'entreprise',
		description:
			'Groupe de protection sociale et patrimoniale : retraite complémentaire, prévoyance, santé et épargne.',
		region: 'National'
	},
	{
		slug: 'anpp',
		name: 'ANPP',
		kind: 'reseau',
		description:
			"Association nationale qui fédère les pôles d'équilibre territoriaux et ruraux (PETR) et les pays, territoires de projet.",
		region: 'National'
	},
	{
		slug: 'apes',
		name: 'APES',
		kind: 'reseau',
		description:
			"Acteurs pour une économie solidaire : réseau régional des acteur·rice·s de l'économie sociale et solidaire en Hauts-de-France.",
		region: 'Hauts-de-France'
	},
	{
		slug: 'atis',
		name: 'ATIS',
		kind: 'association',
		description:
			"Association Territoires et innovation sociale : elle accompagne l'émergence et le développement d'entreprises sociales en Nouvelle-Aquitaine.",
		region: 'Nouvelle-Aquitaine'
	},
	{
		slug: 'avise',
		name: 'Avise',
		kind: 'association',
		description:
			"Agence nationale d'ingénierie et centre de ressources pour développer l'économie sociale et solidaire et l'innovation sociale.",
		region: 'National'
	},
	{
		slug: 'centsept',
		name: 'Centsept',
		kind: 'association',
		description:
			"Association lyonnaise, laboratoire d'innovation sociale qui réunit acteurs publics, entreprises et structures de l'ESS. Sa représentante est la référente du chantier 2.",
		region: 'Auvergne-Rhône-Alpes'
	},
	{
		slug: 'cluster-jura',
		name: "Clus'Ter Jura",
		kind: 'cooperative',
		description:
			"Pôle territorial de coopération économique (PTCE) constitué en société coopérative d'intérêt collectif (SCIC), à Lons-le-Saunier.",
		region: 'Bourgogne-Franche-Comté'
	},
	{
		slug: 'co-conseil',
		name: 'CO Conseil',
		kind: 'autre',
		description: 'Structure participant à la démarche des chantiers coopératifs.'
	},
	{
		slug: 'coorace',
		name: 'Coorace',
		kind: 'reseau',
		description:
			"Fédération nationale d'entreprises de l'économie sociale et inclusive, notamment de l'insertion par l'activité économique.",
		region: 'National'
	},
	{
		slug: 'cress-aura',
		name: 'CRESS Auvergne-Rhône-Alpes',
		acronym: 'CRESS AURA',
		kind: 'reseau',
		description:
			"Chambre régionale de l'économie sociale et solidaire, qui représente et promeut l'ESS en Auvergne-Rhône-Alpes.",
		region: 'Auvergne-Rhône-Alpes'
	},
	{
		slug: 'cress-idf',
		name: 'CRESS Île-de-France',
		acronym: 'CRESS IDF',
		kind: 'reseau',
		description:
			"Chambre régionale de l'économie sociale et solidaire, qui représente et promeut l'ESS en Île-de-France.",
		region: 'Île-de-France'
	},
	{
		slug: 'ecossolies',
		name: 'Les Écossolies',
		kind: 'reseau',
		description:
			"Réseau des acteur·rice·s de l'économie sociale et solidaire de la métropole nantaise et de Loire-Atlantique.",
		region: 'Pays de la Loire'
	},
	{
		slug: 'e-graine',
		name: 'e-graine',
		kind: 'association',
		description: "Mouvement associatif d'éducation à la citoyenneté mondiale et solidaire.",
		region: 'National'
	},
	{
		slug: 'ellyx',
		name: 'Ellyx',
		kind: 'cooperative',
		description:
			'Société coopérative (Scop) de recherche et de conseil en innovation sociale, qui développe la « R&D sociale ».',
		region: 'Nouvelle-Aquitaine'
	},
	{
		slug: 'ess-france',
		name: 'ESS France',
		kind: 'reseau',
		description:
			"Chambre française de l'économie sociale et solidaire, qui représente l'ESS au niveau national.",
		region: 'National'
	},
	{
		slug: 'experiences-eclairees',
		name: 'Expériences Éclairées',
		kind: 'autre',
		description: 'Structure participant à la démarche des chantiers coopératifs.'
	},
	{
		slug: 'fair',
		name: 'FAIR',
		kind: 'reseau',
		description:
			'Collectif national des acteur·rice·s de la finance solidaire et à impact social, issu notamment de Finansol.',
		region: 'National'
	},
	{
		slug: 'federation-nationale-caisses-epargne',
		name: "Fédération nationale des Caisses d'Épargne",
		acronym: 'FNCE',
		kind: 'reseau',
		description:
			"Fédération qui représente les Caisses d'Épargne, banques coopératives du groupe BPCE.",
		region: 'National'
	},
	{
		slug: 'la-fonda',
		name: 'La Fonda',
		kind: 'association',
		description:
			"Association et laboratoire d'idées consacré à la vie associative, qui se présente comme la « fabrique associative ».",
		region: 'National'
	},
	{
		slug: 'que-volterre',
		name: "Fonds de dotation Que Vol'Terre",
		kind: 'fondation',
		description:
			"Fonds de dotation qui soutient des initiatives de transformation individuelle et collective (écologique, culturelle, économique, sociale). Il est à l'initiative de l'étude-action d'où sont nés les chantiers coopératifs et en a assuré le financement.",
		region: 'National'
	},
	{
		slug: 'fondation-entreprendre',
		name: 'Fondation Entreprendre',
		kind: 'fondation',
		description:
			"Fondation reconnue d'utilité publique qui soutient l'entrepreneuriat, notamment l'entrepreneuriat engagé et inclusif.",
		region: 'National'
	},
	{
		slug: 'fondation-de-france',
		name: 'Fondation de France',
		kind: 'fondation',
		description:
			"Premier réseau de philanthropie en France : elle soutient des projets d'intérêt général et abrite de nombreux fonds et fondations.",
		region: 'National'
	},
	{
		slug: 'fondation-zoein',
		name: 'Fondation Zoein',
		kind: 'fondation',
		description:
			'Fondation créée en 2017 qui soutient des projets de transition écologique et sociale, notamment les expérimentations du revenu de transition écologique.'
	},
	{
		slug: 'france-active',
		name: 'France Active',
		kind: 'financeur',
		description:
			"Réseau associatif national qui accompagne et finance les entrepreneur·e·s engagé·e·s, notamment dans l'économie sociale et solidaire.",
		region: 'National'
	},
	{
		slug: 'france-active-franche-comte',
		name: 'France Active Franche-Comté – Générateur BFC',
		kind: 'financeur',
		description:
			"Association territoriale du réseau France Active en Franche-Comté, impliquée dans le Générateur Bourgogne-Franche-Comté, présenté lors d'un webinaire du chantier 2.",
		region: 'Bourgogne-Franche-Comté'
	},
	{
		slug: 'garcess',
		name: "GARC'ESS",
		kind: 'autre',
		description: 'Structure participant à la démarche des chantiers coopératifs.'
	},
	{
		slug: 'ie-efc',
		name: "Institut européen de l'économie de la fonctionnalité et de la coopération",
		acronym: 'IE-EFC',
		kind: 'recherche',
		description:
			"Institut de recherche, de formation et d'accompagnement consacré à l'économie de la fonctionnalité et de la coopération.",
		region: 'National'
	},
	{
		slug: 'inter-made',
		name: 'Inter-Made',
		kind: 'association',
		description:
			"Incubateur marseillais spécialisé dans l'accompagnement des entreprises de l'économie sociale et solidaire.",
		region: "Provence-Alpes-Côte d'Azur"
	},
	{
		slug: 'intersticiel',
		name: 'InterstiCiel',
		kind: 'autre',
		description:
			'Structure participant à la démarche des chantiers coopératifs. Sa représentante est la référente du chantier 4.'
	},
	{
		slug: 'le-kiif',
		name: 'Le Kiif',
		kind: 'reseau',
		description:
			"Association créée en 2022 qui rassemble des structures d'accompagnement des innovations sociales ancrées dans les territoires.",
		region: 'National'
	},
	{
		slug: 'labo-ess',
		name: "Le Labo de l'ESS",
		kind: 'association',
		description:
			"Think tank qui construit, de manière collaborative, des axes structurants de l'économie sociale et solidaire à partir d'initiatives de terrain. Il a mené l'étude-action sur les coopérations territoriales et coordonne la démarche des chantiers coopératifs.",
		region: 'National',
		website: 'https://www.lelabo-ess.org'
	},
	{
		slug: 'makesense',
		name: 'makesense',
		kind: 'association',
		description:
			'Organisation qui mobilise citoyen·ne·s, entrepreneur·e·s et organisations autour de projets à impact social et environnemental. Sa représentante est la référente du chantier 3.',
		region: 'National'
	},
	{
		slug: 'mouvement-economie-solidaire',
		name: "Mouvement pour l'économie solidaire",
		acronym: 'MES',
		kind: 'reseau',
		description:
			"Réseau national d'acteur·rice·s et de réseaux de l'économie solidaire. Son représentant était référent du chantier 5 lors de la présentation de la démarche en février 2024.",
		region: 'National'
	},
	{
		slug: 'la-nef',
		name: 'La Nef',
		kind: 'financeur',
		description:
			"Coopérative financière éthique qui collecte l'épargne pour financer des projets à utilité sociale, écologique et culturelle.",
		region: 'National'
	},
	{
		slug: 'operation-milliard',
		name: "L'opération Milliard",
		kind: 'association',
		description:
			"Mouvement lancé en 2024 qui vise à réunir un milliard d'euros pour financer les organisations de la transition écologique juste.",
		region: 'National'
	},
	{
		slug: 'le-phares',
		name: 'Le PHARES',
		kind: 'cooperative',
		description:
			"Pôle territorial de coopération économique (PTCE) de L'Île-Saint-Denis (Seine-Saint-Denis), géré par une société coopérative d'intérêt collectif.",
		region: 'Île-de-France'
	},
	{
		slug: 'ptce-pays-de-france',
		name: 'PTCE Pays de France',
		kind: 'autre',
		description: 'Pôle territorial de coopération économique (PTCE) participant à la démarche.',
		region: 'Île-de-France'
	},
	{
		slug: 'raisonnances',
		name: 'Raisonnances',
		kind: 'autre',
		description: 'Structure participant à la démarche des chantiers coopératifs.'
	},
	{
		slug: 'region-bourgogne-franche-comte',
		name: 'Région Bourgogne-Franche-Comté',
		kind: 'collectivite',
		description: 'Conseil régional de Bourgogne-Franche-Comté.',
		region: 'Bourgogne-Franche-Comté'
	},
	{
		slug: 'ronalpia',
		name: 'Ronalpia',
		kind: 'association',
		description:
			'Incubateur qui accompagne les entrepreneur·e·s sociaux·ales en Auvergne-Rhône-Alpes.',
		region: 'Auvergne-Rhône-Alpes'
	},
	{
		slug: 'rtes',
		name: 'Réseau des collectivités territoriales pour une économie solidaire',
		acronym: 'RTES',
		kind: 'reseau',
		description:
			"Réseau national de collectivités territoriales engagées pour le développement de l'économie sociale et solidaire. Il a co-réalisé avec le chantier 5 une fiche « Points de RepèrESS » sur la coopération territoriale.",
		region: 'National'
	},
	{
		slug: 'savoir-devenir',
		name: 'Savoir Devenir',
		kind: 'autre',
		description:
			"Structure de la référente du chantier 1, qui anime la création d'un parcours de formation pilote aux métiers de la coopération territoriale."
	},
	{
		slug: 'unadel',
		name: 'Union nationale des acteurs et des structures du développement local',
		acronym: 'UNADEL',
		kind: 'reseau',
		description: 'Réseau national des acteur·rice·s et des structures du développement local.',
		region: 'National'
	}
];
