/** The agenda's routes and actions, merged into the table of access-routes.ts. */
import type { RouteAccess } from './access-routes';

export const agendaRoutes: Record<string, RouteAccess> = {
	// The agenda's views: events are filtered by who may see them, the pages are open.
	'/agenda': { path: '/agenda', access: 'public' },
	'/agenda/passes': { path: '/agenda/passes', access: 'public' },
	'/agenda/mois': { path: '/agenda/mois', access: 'public' },
	'/agenda/mois/[mois]': { path: '/agenda/mois/2025-03', access: 'public' },
	'/agenda/mes-inscriptions': { path: '/agenda/mes-inscriptions', access: 'member' },
	// An event: hidden events answer 404 like missing ones, so the page itself is open.
	'/agenda/[slug]': { path: '/agenda/evenement-inconnu', access: 'public' },
	// Organising events: coordination and référent·e·s (a plain member is refused).
	'/agenda/nouveau': {
		path: '/agenda/nouveau',
		access: 'coordination',
		actions: { create: 'coordination' }
	},
	'/agenda/[slug]/modifier': {
		path: '/agenda/evenement-inconnu/modifier',
		access: 'coordination',
		actions: { save: 'coordination', cancel: 'coordination', remove: 'coordination' }
	},
	'/agenda/[slug]/programme': {
		path: '/agenda/evenement-inconnu/programme',
		access: 'coordination',
		actions: {
			add: 'coordination',
			save: 'coordination',
			remove: 'coordination',
			move: 'coordination'
		}
	},
	'/agenda/[slug]/carnet': { path: '/agenda/evenement-inconnu/carnet', access: 'public' },
	// Registration: members with their account; guests on public events, by their emailed link.
	'/agenda/[slug]/inscription': {
		path: '/agenda/evenement-inconnu/inscription',
		access: 'public',
		actions: { register: 'member', unregister: 'member', workshop: 'member', guest: 'public' }
	},
	'/agenda/inscription/[token]': {
		path: '/agenda/inscription/jeton-inconnu-jeton-inconnu',
		access: 'public',
		actions: { confirm: 'public', cancel: 'public', workshop: 'public' }
	},
	'/chantiers/[slug]/agenda': { path: '/chantiers/comite-de-pilotage/agenda', access: 'public' },
	// iCalendar: feeds and files filter events by who may see them (a hidden event's .ics is a
	// 404); the personal feed's secret address is its only credential.
	'/agenda.ics': { path: '/agenda.ics', access: 'public' },
	'/agenda/[slug].ics': { path: '/agenda/evenement-inconnu.ics', access: 'public' },
	'/chantiers/[slug]/agenda.ics': {
		path: '/chantiers/comite-de-pilotage/agenda.ics',
		access: 'public'
	},
	'/agenda/flux/[token].ics': {
		path: '/agenda/flux/jeton-inconnu-jeton-inconnu.ics',
		access: 'public'
	},
	'/agenda/abonnement': {
		path: '/agenda/abonnement',
		access: 'public',
		actions: { regenerer: 'member' }
	},
	// After the meeting: its organisers (référent·e·s of its spaces, coordination) record the
	// attendance and write the minutes, on a seeded past event; anyone who may see the event
	// reads the minutes and downloads its documents.
	'/agenda/[slug]/presences': {
		path: '/agenda/journee-de-lancement-des-chantiers-cooperatifs-2023-10-13/presences',
		access: 'coordination',
		actions: { record: 'coordination' }
	},
	'/agenda/[slug]/compte-rendu': {
		path: '/agenda/journee-de-lancement-des-chantiers-cooperatifs-2023-10-13/compte-rendu',
		access: 'public',
		actions: {
			save: 'coordination',
			preview: 'coordination',
			item: 'coordination',
			removeItem: 'coordination',
			send: 'coordination',
			decision: 'coordination',
			attach: 'coordination',
			removeAttachment: 'coordination'
		}
	},
	'/agenda/[slug]/fichiers/[id]': {
		path: '/agenda/evenement-inconnu/fichiers/00000000-0000-4000-8000-000000000000',
		access: 'public'
	},
	// Aggregate figures only: open to all.
	'/agenda/chiffres': { path: '/agenda/chiffres', access: 'public' }
};
