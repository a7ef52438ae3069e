/**
 * Every route and form action of the app, with who may use it. The test fails when a route
 * file exists that this table does not list, so new routes must declare their access.
 */
import { agendaRoutes } from './access-routes-agenda';
import { ressourcesRoutes } from './access-routes-ressources';

export type Access = 'public' | 'member' | 'coordination' | 'admin';
export interface RouteAccess {
	path: string;
	access: Access;
	actions?: Record<string, Access>;
}
export const routes: Record<string, RouteAccess> = {
	'/': { path: '/', access: 'public' },
	'/la-demarche': { path: '/la-demarche', access: 'public' },
	'/chantiers': { path: '/chantiers', access: 'public' },
	'/chantiers/[slug]': { path: '/chantiers/comite-de-pilotage', access: 'public' },
	...agendaRoutes,
	...ressourcesRoutes,
	'/chantiers/nouveau': {
		path: '/chantiers/nouveau',
		access: 'coordination',
		actions: { create: 'coordination' }
	},
	// A space's settings: its référent·e·s and coordination.
	'/chantiers/[slug]/parametres': {
		path: '/chantiers/comite-de-pilotage/parametres',
		access: 'coordination',
		actions: {
			save: 'coordination',
			objective: 'coordination',
			move: 'coordination',
			delete: 'coordination'
		}
	},
	'/communaute': { path: '/communaute', access: 'public' },
	'/communaute/membres': { path: '/communaute/membres', access: 'public' },
	'/communaute/[slug]': { path: '/communaute/centsept', access: 'public' },
	'/communaute/[slug]/logo': { path: '/communaute/centsept/logo', access: 'public' },
	'/cartographie': { path: '/cartographie', access: 'public' },
	'/cartographie/carte.json': { path: '/cartographie/carte.json', access: 'public' },
	'/cartographie/[slug]/resume.json': {
		path: '/cartographie/fiche-inconnue/resume.json',
		access: 'public'
	},
	'/cartographie/integree': { path: '/cartographie/integree', access: 'public' },
	'/cartographie/donnees': { path: '/cartographie/donnees', access: 'public' },
	'/api/v1/structures': { path: '/api/v1/structures', access: 'public' },
	'/api/v1/structures.geojson': { path: '/api/v1/structures.geojson', access: 'public' },
	'/api/v1/structures.csv': { path: '/api/v1/structures.csv', access: 'public' },
	'/api/v1/openapi.json': { path: '/api/v1/openapi.json', access: 'public' },
	'/cartographie/integrer': { path: '/cartographie/integrer', access: 'public' },
	'/cartographie/[slug]': {
		path: '/cartographie/fiche-inconnue',
		access: 'public',
		actions: { signaler: 'public' }
	},
	'/cartographie/proposer': {
		path: '/cartographie/proposer',
		access: 'public',
		actions: { default: 'public' }
	},
	// The private links of a fiche: public, the secret is in the address.
	'/cartographie/modifier/[token]': {
		path: '/cartographie/modifier/jeton-inconnu',
		access: 'public',
		actions: { default: 'public' }
	},
	'/cartographie/modifier/[token]/logo': {
		path: '/cartographie/modifier/jeton-inconnu/logo',
		access: 'public'
	},
	'/cartographie/confirmer/[token]': {
		path: '/cartographie/confirmer/jeton-inconnu',
		access: 'public',
		actions: { default: 'public' }
	},
	'/cartographie/communes.json': { path: '/cartographie/communes.json?q=lyon', access: 'public' },
	'/cartographie/[slug]/logo': { path: '/cartographie/fiche-inconnue/logo', access: 'public' },
	'/mentions-legales': { path: '/mentions-legales', access: 'public' },
	// The wiki: reading follows each page's visibility; editing is checked for the whole scope.
	'/pages': { path: '/pages', access: 'public' },
	'/pages/nouvelle': {
		path: '/pages/nouvelle',
		access: 'coordination',
		actions: { preview: 'coordination', create: 'coordination' }
	},
	'/pages/[slug]': { path: '/pages/mentions-legales', access: 'public' },
	'/pages/[slug]/modifier': {
		path: '/pages/mentions-legales/modifier',
		access: 'coordination',
		actions: { preview: 'coordination', save: 'coordination', upload: 'coordination' }
	},
	'/pages/[slug]/historique': { path: '/pages/mentions-legales/historique', access: 'public' },
	'/pages/[slug]/comparer': { path: '/pages/mentions-legales/comparer?de=1&a=1', access: 'public' },
	'/pages/[slug]/revisions/[n]': {
		path: '/pages/mentions-legales/revisions/1',
		access: 'public',
		actions: { restore: 'coordination' }
	},
	'/pages/[slug]/fichiers/[id]': {
		path: '/pages/mentions-legales/fichiers/00000000-0000-4000-8000-000000000000',
		access: 'public'
	},
	'/chantiers/[slug]/pages/[page]/fichiers/[id]': {
		path: '/chantiers/comite-de-pilotage/pages/page-inconnue/fichiers/00000000-0000-4000-8000-000000000000',
		access: 'public'
	},
	'/chantiers/[slug]/pages': { path: '/chantiers/comite-de-pilotage/pages', access: 'public' },
	'/chantiers/[slug]/pages/nouvelle': {
		path: '/chantiers/comite-de-pilotage/pages/nouvelle',
		access: 'coordination',
		actions: { preview: 'coordination', create: 'coordination' }
	},
	'/chantiers/[slug]/pages/[page]': {
		path: '/chantiers/comite-de-pilotage/pages/page-inconnue',
		access: 'public'
	},
	'/chantiers/[slug]/pages/[page]/modifier': {
		path: '/chantiers/comite-de-pilotage/pages/page-inconnue/modifier',
		access: 'coordination',
		actions: { preview: 'coordination', save: 'coordination', upload: 'coordination' }
	},
	'/chantiers/[slug]/pages/[page]/historique': {
		path: '/chantiers/comite-de-pilotage/pages/page-inconnue/historique',
		access: 'public'
	},
	'/chantiers/[slug]/pages/[page]/comparer': {
		path: '/chantiers/comite-de-pilotage/pages/page-inconnue/comparer?de=1&a=2',
		access: 'public'
	},
	'/chantiers/[slug]/pages/[page]/revisions/[n]': {
		path: '/chantiers/comite-de-pilotage/pages/page-inconnue/revisions/1',
		access: 'public',
		actions: { restore: 'coordination' }
	},
	// A space's feuille de route, productions and decisions follow its details' visibility (the
	// comité de pilotage's: members); writing needs the space's rights.
	'/chantiers/[slug]/feuille-de-route': {
		path: '/chantiers/comite-de-pilotage/feuille-de-route',
		access: 'member',
		actions: { status: 'coordination', objective: 'coordination', move: 'coordination' }
	},
	'/chantiers/[slug]/feuille-de-route/actions/nouvelle': {
		path: '/chantiers/comite-de-pilotage/feuille-de-route/actions/nouvelle',
		access: 'coordination',
		actions: { create: 'coordination' }
	},
	'/chantiers/[slug]/feuille-de-route/actions/[id]': {
		path: '/chantiers/comite-de-pilotage/feuille-de-route/actions/00000000-0000-4000-8000-000000000000',
		access: 'member',
		actions: { save: 'coordination' }
	},
	'/chantiers/[slug]/feuille-de-route/objectifs/[id]': {
		path: '/chantiers/comite-de-pilotage/feuille-de-route/objectifs/00000000-0000-4000-8000-000000000000',
		access: 'coordination',
		actions: { save: 'coordination' }
	},
	'/chantiers/[slug]/productions': {
		path: '/chantiers/comite-de-pilotage/productions',
		access: 'member'
	},
	'/chantiers/[slug]/productions/nouvelle': {
		path: '/chantiers/comite-de-pilotage/productions/nouvelle',
		access: 'coordination',
		actions: { create: 'coordination' }
	},
	'/chantiers/[slug]/productions/[id]': {
		path: '/chantiers/comite-de-pilotage/productions/00000000-0000-4000-8000-000000000000',
		access: 'member'
	},
	'/chantiers/[slug]/productions/[id]/modifier': {
		path: '/chantiers/comite-de-pilotage/productions/00000000-0000-4000-8000-000000000000/modifier',
		access: 'coordination',
		actions: { save: 'coordination' }
	},
	'/chantiers/[slug]/productions/[id]/fichier': {
		path: '/chantiers/comite-de-pilotage/productions/00000000-0000-4000-8000-000000000000/fichier',
		access: 'member'
	},
	'/chantiers/[slug]/decisions': {
		path: '/chantiers/comite-de-pilotage/decisions',
		access: 'member'
	},
	'/chantiers/[slug]/decisions/nouvelle': {
		path: '/chantiers/comite-de-pilotage/decisions/nouvelle',
		access: 'coordination',
		actions: { create: 'coordination' }
	},
	'/chantiers/[slug]/decisions/[id]': {
		path: '/chantiers/comite-de-pilotage/decisions/00000000-0000-4000-8000-000000000000',
		access: 'coordination',
		actions: { save: 'coordination' }
	},
	// Joining and members: the join page for members; the members' list for the space's
	// members and coordination; deciding, inviting and changing roles for référent·e·s.
	'/chantiers/[slug]/rejoindre': {
		path: '/chantiers/comite-de-pilotage/rejoindre',
		access: 'member',
		actions: { request: 'member', cancel: 'member', accept: 'member', decline: 'member' }
	},
	'/chantiers/[slug]/membres': {
		path: '/chantiers/comite-de-pilotage/membres',
		access: 'coordination',
		actions: {
			involvement: 'member',
			leave: 'member',
			remove: 'coordination',
			role: 'coordination',
			accept: 'coordination',
			decline: 'coordination',
			invite: 'coordination',
			cancelInvitation: 'coordination'
		}
	},
	'/charte': { path: '/charte', access: 'public', actions: { accept: 'member' } },
	'/accessibilite': { path: '/accessibilite', access: 'public' },
	'/donnees-personnelles': { path: '/donnees-personnelles', access: 'public' },
	'/connexion': { path: '/connexion', access: 'public', actions: { default: 'public' } },
	'/deconnexion': { path: '/deconnexion', access: 'public', actions: { default: 'public' } },
	'/rejoindre': { path: '/rejoindre', access: 'public', actions: { default: 'public' } },
	'/mot-de-passe-oublie': {
		path: '/mot-de-passe-oublie',
		access: 'public',
		actions: { default: 'public' }
	},
	'/invitation/[token]': {
		path: '/invitation/jeton-inconnu',
		access: 'public',
		actions: { default: 'public' }
	},
	'/mot-de-passe/[token]': {
		path: '/mot-de-passe/jeton-inconnu',
		access: 'public',
		actions: { default: 'public' }
	},
	'/profil': { path: '/profil', access: 'member', actions: { default: 'member' } },
	'/quoi-de-neuf': { path: '/quoi-de-neuf', access: 'member' },
	'/profil/donnees': { path: '/profil/donnees', access: 'member' },
	'/profil/supprimer': {
		path: '/profil/supprimer',
		access: 'member',
		actions: { default: 'member' }
	},
	'/admin': { path: '/admin', access: 'coordination' },
	'/admin/demandes': {
		path: '/admin/demandes',
		access: 'coordination',
		actions: { approve: 'coordination', decline: 'coordination' }
	},
	'/admin/invitations': {
		path: '/admin/invitations',
		access: 'coordination',
		actions: { default: 'coordination' }
	},
	'/admin/membres': {
		path: '/admin/membres',
		access: 'coordination',
		actions: { role: 'admin', moderator: 'coordination' }
	},
	'/admin/structures': { path: '/admin/structures', access: 'coordination' },
	'/admin/moderation': {
		path: '/admin/moderation',
		access: 'coordination',
		actions: {
			publish: 'coordination',
			reject: 'coordination',
			approveChange: 'coordination',
			rejectChange: 'coordination',
			bulk: 'coordination'
		}
	},
	'/admin/cartographie': { path: '/admin/cartographie', access: 'coordination' },
	'/admin/cartographie/listes': {
		path: '/admin/cartographie/listes',
		access: 'coordination',
		actions: { default: 'coordination' }
	},
	'/admin/cartographie/[id]': {
		path: '/admin/cartographie/00000000-0000-4000-8000-000000000000',
		access: 'coordination',
		actions: {
			status: 'coordination',
			trusted: 'coordination',
			revoke: 'coordination',
			sendLink: 'coordination',
			restore: 'coordination'
		}
	},
	'/admin/cartographie/import': {
		path: '/admin/cartographie/import',
		access: 'coordination',
		actions: { upload: 'coordination' }
	},
	'/admin/cartographie/import/[id]': {
		path: '/admin/cartographie/import/00000000-0000-4000-8000-000000000000',
		access: 'coordination',
		actions: { verifier: 'coordination', importer: 'coordination' }
	},
	'/admin/cartographie/import/[id]/etat.json': {
		path: '/admin/cartographie/import/00000000-0000-4000-8000-000000000000/etat.json',
		access: 'coordination'
	},
	'/admin/cartographie/import/[id]/rapport.csv': {
		path: '/admin/cartographie/import/00000000-0000-4000-8000-000000000000/rapport.csv',
		access: 'coordination'
	},
	'/admin/cartographie/[id]/versions/[revision]': {
		path: '/admin/cartographie/00000000-0000-4000-8000-000000000000/versions/00000000-0000-4000-8000-000000000000',
		access: 'coordination'
	},
	'/admin/structures/nouvelle': {
		path: '/admin/structures/nouvelle',
		access: 'coordination',
		actions: { save: 'coordination' }
	},
	'/admin/structures/[id]': {
		path: '/admin/structures/00000000-0000-4000-8000-000000000000',
		access: 'coordination',
		actions: { save: 'coordination', delete: 'coordination' }
	},
	'/admin/emails': { path: '/admin/emails', access: 'admin' },
	'/admin/emails/[id]': {
		path: '/admin/emails/00000000-0000-4000-8000-000000000000',
		access: 'admin'
	},
	'/admin/emails/[id]/pieces-jointes/[index]': {
		path: '/admin/emails/00000000-0000-4000-8000-000000000000/pieces-jointes/0',
		access: 'admin'
	},
	'/admin/journal': { path: '/admin/journal', access: 'admin' },
	'/admin/charte': {
		path: '/admin/charte',
		access: 'coordination',
		actions: { publish: 'coordination' }
	}
};
