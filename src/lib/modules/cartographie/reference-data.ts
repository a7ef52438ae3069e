/**
 * Seed values of the cartography's reference lists. They are loaded once into
 * carto_reference_items by ensureReferenceLists() (reference.server.ts); admins then edit labels
 * and order in the database, which wins over this file.
 */
export const referenceListNames = [
	'cooperation_kind',
	'dimension',
	'modality',
	'stage',
	'cost'
] as const;

export type ReferenceListName = (typeof referenceListNames)[number];

export interface ReferenceSeedItem {
	code: string;
	label: string;
}

export const referenceData: Readonly<Record<ReferenceListName, readonly ReferenceSeedItem[]>> = {
	cooperation_kind: [
		{ code: 'ptce', label: 'PTCE (pôle territorial de coopération économique)' },
		{ code: 'tiers_lieu', label: 'Tiers-lieu' },
		{ code: 'pat', label: 'Projet alimentaire territorial' },
		{ code: 'scic', label: 'SCIC / coopérative' },
		{ code: 'pole_reseau', label: 'Pôle, cluster ou réseau' },
		{ code: 'non_modelisee', label: 'Coopération non modélisée' },
		{ code: 'autre', label: 'Autre' }
	],
	dimension: [
		{ code: 'modele_economique', label: 'Modèle économique et financement' },
		{ code: 'strategie', label: 'Stratégie de projet' },
		{ code: 'gouvernance', label: 'Gouvernance et organisation' },
		{ code: 'animation', label: "Ingénierie d'animation et posture" },
		{ code: 'juridique', label: 'Juridique' },
		{ code: 'evaluation', label: 'Évaluation et impact' },
		{ code: 'communication', label: 'Communication' }
	],
	modality: [
		{ code: 'individuel', label: 'Accompagnement individuel' },
		{ code: 'collectif', label: 'Accompagnement collectif' },
		{ code: 'formation', label: 'Formation' },
		{ code: 'pairs', label: 'Échange entre pairs' },
		{ code: 'compagnonnage', label: 'Compagnonnage' },
		{ code: 'outillage', label: 'Outillage' },
		{ code: 'reseau', label: 'Mise en réseau' },
		{ code: 'financement', label: 'Financement' }
	],
	stage: [
		{ code: 'emergence', label: 'Émergence' },
		{ code: 'structuration', label: 'Structuration' },
		{ code: 'developpement', label: 'Développement' },
		{ code: 'essaimage', label: 'Essaimage' }
	],
	cost: [
		{ code: 'gratuit', label: 'Gratuit' },
		{ code: 'payant', label: 'Payant' },
		{ code: 'mixte', label: 'Mixte' },
		{ code: 'pris_en_charge', label: 'Pris en charge' }
	]
};

/** The rows to insert: position is the order in this file, from 1. */
export function referenceRows() {
	return referenceListNames.flatMap((list) =>
		referenceData[list].map((item, i) => ({
			list,
			code: item.code,
			label: item.label,
			position: i + 1
		}))
	);
}
