/**
 * The resource library's and the global search's routes and actions, merged into the table of
 * access-routes.ts.
 */
import type { RouteAccess } from './access-routes';

export const ressourcesRoutes: Record<string, RouteAccess> = {
	// The global search: open to all, each result filtered by who is searching.
	'/recherche': { path: '/recherche?q=cooperation', access: 'public' },
	// Atom feeds of the public resources only (global and per theme).
	'/ressources.atom': { path: '/ressources.atom', access: 'public' },
	'/ressources/theme/[theme].atom': {
		path: '/ressources/theme/competences-metiers.atom',
		access: 'public'
	}
};
