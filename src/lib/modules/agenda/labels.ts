/** Labels of the agenda's lists, shared by forms, pages and feeds (no database). */
export const EVENT_KINDS = [
	'reunion_chantier',
	'copil',
	'interchantiers',
	'webinaire',
	'externe'
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const eventKindLabels: Record<EventKind, string> = {
	reunion_chantier: 'Réunion de chantier',
	copil: 'Comité de pilotage',
	interchantiers: 'Journée interchantiers',
	webinaire: 'Webinaire',
	externe: 'Événement externe'
};

export const eventStatusLabels = { confirme: 'Confirmé', annule: 'Annulé' } as const;

export const registrationStatusLabels = {
	a_confirmer: 'À confirmer par courriel',
	confirmee: 'Inscription confirmée',
	liste_attente: 'Sur liste d’attente',
	annulee: 'Inscription annulée'
} as const;

export const programmeItemKindLabels = {
	accueil: 'Accueil',
	pleniere: 'Plénière',
	atelier: 'Atelier',
	pause: 'Pause',
	repas: 'Déjeuner',
	restitution: 'Restitution',
	autre: 'Autre'
} as const;

export const timeKindLabels = { benevole: 'Bénévole', salarie: 'Salarié·e' } as const;

/** An event's address: its title and local start day (« copil-2024-03-12 »). */
export function eventSlug(title: string, startLocalDay: string): string {
	const base = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/œ/gi, 'oe')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return `${base || 'evenement'}-${startLocalDay}`;
}
