/**
 * Types of the demo/seed content of the démarche des chantiers coopératifs.
 * Pure data shapes: the seed script maps them onto the database tables.
 */

export type StructureKind =
	| 'reseau'
	| 'fondation'
	| 'financeur'
	| 'collectivite'
	| 'association'
	| 'entreprise'
	| 'cooperative'
	| 'recherche'
	| 'personne_ressource'
	| 'autre';

export interface SeedStructure {
	slug: string;
	name: string;
	acronym?: string;
	kind: StructureKind;
	description: string;
	/** French région name or 'National'. */
	region?: string;
	website?: string;
}

export interface SeedPerson {
	key: string;
	name: string;
	/** Always firstname.lastname@example.org, never a real address. */
	email: string;
	structureSlug?: string;
	roleInStructure?: string;
	bio?: string;
	globalRole: 'coordination' | 'copil' | 'membre';
}

export interface SeedSpaceMember {
	personKey: string;
	role: 'referent' | 'membre' | 'observateur';
	structureSlug?: string;
	since?: string;
	/** ISO date; set for a former référent·e. */
	until?: string;
}

export interface SeedSpace {
	slug: string;
	kind: 'chantier' | 'copil';
	number?: number;
	title: string;
	shortTitle: string;
	defi: string;
	summary: string;
	strategicObjectives: string[];
	operationalObjectives: string[];
	members: SeedSpaceMember[];
}

export interface SeedMilestone {
	/** ISO yyyy-mm-dd (first day of the month/year when less precise). */
	date: string;
	precision: 'day' | 'month' | 'year';
	title: string;
	description?: string;
}

export interface SeedFigure {
	key: string;
	value: number;
	label: string;
	source: string;
}

export interface SeedPage {
	slug: string;
	title: string;
	summary: string;
	/** Markdown, French. */
	body: string;
}

/** An objective of a seed space: its kind and its index among the objectives of that kind. */
export type SeedObjectiveRef = `${'strategique' | 'operationnel'}:${number}`;

export interface SeedAction {
	objective: SeedObjectiveRef;
	title: string;
	description?: string;
	status: 'a_faire' | 'en_cours' | 'fait' | 'abandonnee';
	/** ISO date when the seeds date the realisation; set only for done actions. */
	doneAt?: string;
	/** Keys of productions of the same space. */
	productions?: string[];
}

export interface SeedProduction {
	key: string;
	spaceSlug: string;
	title: string;
	kind:
		| 'referentiel'
		| 'webinaire'
		| 'cartographie'
		| 'note'
		| 'fiche'
		| 'rapport'
		| 'panorama'
		| 'outil'
		| 'autre';
	/** ISO yyyy-mm-dd (first day when less precise); absent when the seeds give no date. */
	date?: string;
	datePrecision: 'day' | 'month' | 'year';
	/** Markdown, French; says « lien à compléter » when the link is not known. */
	description: string;
	/** Only a link the seeds give. */
	url?: string;
}

export interface SeedDecision {
	spaceSlug: string;
	date: string;
	decision: string;
	details: string;
	status: 'adoptee' | 'en_cours' | 'realisee' | 'ajournee' | 'abandonnee';
}
