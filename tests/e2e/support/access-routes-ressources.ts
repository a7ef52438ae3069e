/**
 * The resource library's and the global search's routes and actions, merged into the table of
 * access-routes.ts.
 */
import type { RouteAccess } from './access-routes';

export const ressourcesRoutes: Record<string, RouteAccess> = {
	// The global search: open to all, each result filtered by who is searching.
	'/recherche': { path: '/recherche?q=cooperation', access: 'public' },
	// The library with its search and facets: open to all, hidden resources left out.
	'/ressources': { path: '/ressources?q=cooperation&type=rapport', access: 'public' },
	// A resource, its file and thumbnail: hidden ones answer 404 like missing ones.
	'/ressources/[slug]': { path: '/ressources/ressource-inconnue', access: 'public' },
	'/ressources/[slug]/fichier': {
		path: '/ressources/ressource-inconnue/fichier',
		access: 'public'
	},
	'/ressources/[slug]/vignette': {
		path: '/ressources/ressource-inconnue/vignette',
		access: 'public'
	},
	// Adding a resource: any member; editing: its author, coordination, référent·e·s of its spaces.
	'/ressources/nouveau': {
		path: '/ressources/nouveau',
		access: 'member',
		actions: { create: 'member' }
	},
	'/ressources/[slug]/modifier': {
		path: '/ressources/ressource-inconnue/modifier',
		access: 'member',
		actions: {
			save: 'member',
			removeFile: 'member',
			delete: 'member',
			feature: 'coordination'
		}
	},
	// Atom feeds of the public resources only (global and per theme).
	'/ressources.atom': { path: '/ressources.atom', access: 'public' },
	'/ressources/theme/[theme].atom': {
		path: '/ressources/theme/competences-metiers.atom',
		access: 'public'
	}
};
