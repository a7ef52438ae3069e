// The resource library's lists: codes stored in the database, French labels shown.

export const RESOURCE_KINDS = [
	'webinaire',
	'rapport',
	'fiche',
	'referentiel',
	'outil',
	'article',
	'compte-rendu',
	'video'
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const KIND_LABELS: Record<ResourceKind, string> = {
	webinaire: 'Webinaire',
	rapport: 'Rapport',
	fiche: 'Fiche',
	referentiel: 'Référentiel',
	outil: 'Outil',
	article: 'Article',
	'compte-rendu': 'Compte rendu',
	video: 'Vidéo'
};

/** The five themes of the démarche, one per chantier (seed 000). */
export const THEMES = [
	'competences-metiers',
	'outils-financiers',
	'accompagnement',
	'ecosystemes-territoriaux',
	'cooperations-national-local'
] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
	'competences-metiers': 'Compétences et métiers de la coopération',
	'outils-financiers': 'Outils financiers au service de la coopération',
	accompagnement: 'Accompagnement des coopérations',
	'ecosystemes-territoriaux': 'Écosystèmes coopératifs territoriaux',
	'cooperations-national-local': 'Coopérations à un niveau national et local'
};

/** The chantier whose theme it is (space slug), to link a theme to its working group. */
export const THEME_SPACES: Record<Theme, string> = {
	'competences-metiers': 'chantier-1-competences-metiers',
	'outils-financiers': 'chantier-2-outils-financiers',
	accompagnement: 'chantier-3-accompagnement',
	'ecosystemes-territoriaux': 'chantier-4-ecosystemes-cooperatifs',
	'cooperations-national-local': 'chantier-5-valorisation'
};

/** SPDX identifiers where one exists. */
export const LICENCES = [
	'CC-BY-SA-4.0',
	'CC-BY-4.0',
	'CC-BY-NC-SA-4.0',
	'CC-BY-NC-ND-4.0',
	'CC0-1.0',
	'etalab-2.0',
	'tous-droits-reserves'
] as const;
export type Licence = (typeof LICENCES)[number];
export const DEFAULT_LICENCE: Licence = 'CC-BY-SA-4.0';

export const LICENCE_LABELS: Record<Licence, string> = {
	'CC-BY-SA-4.0': 'CC BY-SA 4.0 (attribution, partage dans les mêmes conditions)',
	'CC-BY-4.0': 'CC BY 4.0 (attribution)',
	'CC-BY-NC-SA-4.0': 'CC BY-NC-SA 4.0 (pas d’usage commercial, partage à l’identique)',
	'CC-BY-NC-ND-4.0': 'CC BY-NC-ND 4.0 (pas d’usage commercial, pas de modification)',
	'CC0-1.0': 'CC0 (domaine public)',
	'etalab-2.0': 'Licence Ouverte Etalab 2.0',
	'tous-droits-reserves': 'Tous droits réservés'
};

/** ISO 639-1 codes. */
export const LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'oc', 'br', 'eu', 'ca', 'co'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<Language, string> = {
	fr: 'Français',
	en: 'Anglais',
	es: 'Espagnol',
	de: 'Allemand',
	it: 'Italien',
	oc: 'Occitan',
	br: 'Breton',
	eu: 'Basque',
	ca: 'Catalan',
	co: 'Corse'
};

/** Where the text of a resource's file stands in the search index. */
export const TEXT_STATUSES = ['none', 'pending', 'indexed', 'failed', 'unsupported'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

export const TEXT_STATUS_LABELS: Record<TextStatus, string> = {
	none: 'Aucun fichier',
	pending: 'Texte du document en cours d’indexation',
	indexed: 'Texte du document indexé pour la recherche',
	failed:
		'Le texte de ce document n’a pas pu être lu : le fichier est conservé, mais la recherche ne trouve pas les mots qu’il contient',
	unsupported: 'Ce type de fichier n’est pas indexé (seuls les PDF, ODT et DOCX le sont)'
};

/** Accepted upload types, by the MIME type detected from the content, with their label. */
export const FILE_TYPES: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.oasis.opendocument.text': 'ODT',
	'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
	'application/vnd.oasis.opendocument.presentation': 'ODP',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG',
	'image/webp': 'WebP',
	'audio/mpeg': 'MP3',
	'video/mp4': 'MP4'
};

/** Types whose text is extracted and indexed. */
export const EXTRACTABLE_TYPES = new Set([
	'application/pdf',
	'application/vnd.oasis.opendocument.text',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
]);

export const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** The document text kept for search (the tsvector has a 1 MB limit; this stays well under). */
export const MAX_DOCUMENT_TEXT = 300_000;
