import type { SeedPerson } from './types';

/**
 * Persons named in the seed documents. Emails are fictitious (example.org), never the
 * real addresses found in the seeds. No one is named as a member of the comité de
 * pilotage apart from its coordinator, so no person gets the 'copil' role.
 */
export const people: SeedPerson[] = [
	{
		key: 'mickael-vartuaroglu',
		name: 'Mickaël Vartuaroglu',
		email: 'mickael.vartuaroglu@example.org',
		structureSlug: 'labo-ess',
		roleInStructure: 'Chargé de projets collectifs',
		bio: "Coordonne la démarche des chantiers coopératifs et son comité de pilotage pour le Labo de l'ESS.",
		globalRole: 'coordination'
	},
	{
		key: 'marc-alphandery',
		name: 'Marc Alphandéry',
		email: 'marc.alphandery@example.org',
		structureSlug: 'que-volterre',
		roleInStructure: 'Président',
		bio: "Pilote de l'étude-action « Accompagner et financer les coopérations territoriales au service de la transition écologique juste », dont sont issus les chantiers coopératifs.",
		globalRole: 'membre'
	},
	{
		key: 'sophie-aouizerate',
		name: 'Sophie Aouizerate',
		email: 'sophie.aouizerate@example.org',
		structureSlug: 'savoir-devenir',
		bio: 'Référente du chantier 1, consacré aux compétences et aux métiers des acteur·rice·s de la coopération.',
		globalRole: 'membre'
	},
	{
		key: 'wafae-kerzazi',
		name: 'Wafae Kerzazi',
		email: 'wafae.kerzazi@example.org',
		structureSlug: 'centsept',
		bio: 'Référente du chantier 2, consacré aux outils financiers au service de la coopération.',
		globalRole: 'membre'
	},
	{
		key: 'sylvia-garzon',
		name: 'Sylvia Garzon',
		email: 'sylvia.garzon@example.org',
		structureSlug: 'makesense',
		bio: "Référente du chantier 3, consacré aux dispositifs d'accompagnement des coopérations territoriales.",
		globalRole: 'membre'
	},
	{
		key: 'celine-coubard',
		name: 'Céline Coubard',
		email: 'celine.coubard@example.org',
		structureSlug: 'intersticiel',
		bio: 'Référente du chantier 4, consacré aux écosystèmes coopératifs territoriaux.',
		globalRole: 'membre'
	},
	{
		key: 'julien-neiertz',
		name: 'Julien Neiertz',
		email: 'julien.neiertz@example.org',
		bio: 'Référent du chantier 5, consacré au développement des coopérations aux niveaux national et local.',
		globalRole: 'membre'
	},
	{
		key: 'bruno-lasnier',
		name: 'Bruno Lasnier',
		email: 'bruno.lasnier@example.org',
		structureSlug: 'mouvement-economie-solidaire',
		bio: 'Référent du chantier 5 lors de la présentation de la démarche en février 2024.',
		globalRole: 'membre'
	},
	{
		key: 'claude-alphandery',
		name: 'Claude Alphandéry',
		email: 'claude.alphandery@example.org',
		structureSlug: 'labo-ess',
		roleInStructure: "Président d'honneur",
		bio: 'A ouvert la rencontre de lancement des chantiers coopératifs en octobre 2023.',
		globalRole: 'membre'
	},
	{
		key: 'denis-dementhon',
		name: 'Denis Dementhon',
		email: 'denis.dementhon@example.org',
		structureSlug: 'france-active',
		roleInStructure: 'Directeur général',
		bio: 'A ouvert la rencontre de lancement des chantiers coopératifs en octobre 2023.',
		globalRole: 'membre'
	},
	// Persons taking part in the démarche in their own name (seed 000).
	{
		key: 'julie-chabaud',
		name: 'Julie Chabaud',
		email: 'julie.chabaud@example.org',
		bio: 'Participe aux chantiers coopératifs à titre individuel.',
		globalRole: 'membre'
	},
	{
		key: 'lelio-lemoine',
		name: 'Lélio Lemoine',
		email: 'lelio.lemoine@example.org',
		bio: 'Participe aux chantiers coopératifs à titre individuel.',
		globalRole: 'membre'
	},
	{
		key: 'elise-renaudin',
		name: 'Elise Renaudin',
		email: 'elise.renaudin@example.org',
		bio: 'Participe aux chantiers coopératifs à titre individuel.',
		globalRole: 'membre'
	},
	{
		key: 'lorenzo-favia',
		name: 'Lorenzo Favia',
		email: 'lorenzo.favia@example.org',
		bio: 'Participe aux chantiers coopératifs à titre individuel.',
		globalRole: 'membre'
	},
	{
		key: 'philippe-garcin',
		name: 'Philippe Garcin',
		email: 'philippe.garcin@example.org',
		bio: 'Participe aux chantiers coopératifs à titre individuel.',
		globalRole: 'membre'
	},
	{
		key: 'marie-helene-pillot',
		name: 'Marie-Hélène Pillot',
		email: 'marie-helene.pillot@example.org',
		bio: 'Participe aux chantiers coopératifs à titre individuel.',
		globalRole: 'membre'
	},
	{
		key: 'anne-claire-arreghini',
		name: 'Anne-Claire Arreghini',
		email: 'anne-claire.arreghini@example.org',
		bio: 'Participe aux chantiers coopératifs à titre individuel.',
		globalRole: 'membre'
	}
];
