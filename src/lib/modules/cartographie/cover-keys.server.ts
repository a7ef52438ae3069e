// What covers a commune, shared by "Ma commune" (search.server.ts) and coveringFiches
// (service.server.ts).
import { sql } from 'drizzle-orm';

/**
 * The CTE `keys (kind, code, rank)` over a CTE `c` holding one commune (code, parent_code,
 * epci_code, departement_code, region_code): the territories that cover it, the closest first
 * (the commune or, for a municipal arrondissement, its commune; its EPCI; département; région).
 */
export const coverKeys = sql`keys (kind, code, rank) as (
			select 'commune', code, 1 from c
			union all select 'commune', parent_code, 1 from c where parent_code is not null
			union all select 'epci', epci_code, 2 from c where epci_code is not null
			union all select 'departement', departement_code, 3 from c
			union all select 'region', region_code, 4 from c
		)`;
