/**
 * The resource library's and the global search's routes and actions, merged into the table of
 * access-routes.ts.
 */
import type { RouteAccess } from './access-routes';

export const ressourcesRoutes: Record<string, RouteAccess> = {
	// The global search: open to all, each result filtered by who is searching.
	'/recherche': { path: '/recherche?q=cooperation', access: 'public' }
};
