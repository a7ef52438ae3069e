// Possible duplicates of fiches waiting for moderation: another fiche (not refused or archived)
// with the same SIRET, or a similar name in the same commune (trigrams, accents and case ignored,
// through carto_fiches_name_trgm_idx).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { FicheStatus } from './rules';

/** Trigram similarity above which two names in the same commune are flagged. */
export const SIMILAR_NAME = 0.45;

export type Duplicate = {
	id: string;
	slug: string;
	name: string;
	status: FicheStatus;
	/** Why it is flagged: the same SIRET, or a similar name in the same commune. */
	reason: 'siret' | 'nom';
};

/** The possible duplicates of each of the given fiches, by fiche id (at most 5 each). */
export async function findDuplicates(
	ctx: Ctx,
	ficheIds: string[]
): Promise<Map<string, Duplicate[]>> {
	const out = new Map<string, Duplicate[]>();
	if (ficheIds.length === 0) return out;
	const { rows } = await ctx.db.execute<Duplicate & { forId: string }>(sql`
		select p.id as "forId", d.id, d.slug, d.name, d.status, d.reason
		from carto_fiches p
		cross join lateral (
			select f.id, f.slug, f.name, f.status::text as status,
				case when p.siret is not null and f.siret = p.siret then 'siret' else 'nom' end as reason
			from carto_fiches f
			where f.id <> p.id
				and f.status not in ('refusee', 'archivee')
				and (
					(p.siret is not null and f.siret = p.siret)
					or (
						p.commune_code is not null
						and f.commune_code = p.commune_code
						and similarity(immutable_unaccent(lower(f.name)), immutable_unaccent(lower(p.name))) > ${SIMILAR_NAME}
					)
				)
			order by (p.siret is not null and f.siret = p.siret) desc, f.created_at, f.id
			limit 5
		) d
		where p.id = any(${sql.param(ficheIds)}::uuid[])`);
	for (const { forId, ...d } of rows) {
		const list = out.get(forId) ?? [];
		list.push(d);
		out.set(forId, list);
	}
	return out;
}
