import { randomBytes } from 'node:crypto';
import { query } from '../e2e/support/db';

/**
 * A space of its own in the e2e database, its details kept to members, with one objective, and
 * the given accounts as its référent·e·s.
 */
export async function spaceWithReferents(baseURL: string | undefined, referentEmails: string[]) {
	const slug = `chantier-fdr-${randomBytes(3).toString('hex')}`;
	const [space] = await query<{ id: string }>(
		baseURL,
		`insert into spaces (slug, kind, title, details_visibility)
		 values ($1, 'chantier', 'Chantier de la feuille de route', 'members') returning id`,
		[slug]
	);
	const [objective] = await query<{ id: string }>(
		baseURL,
		`insert into space_objectives (space_id, kind, title, position)
		 values ($1, 'operationnel', 'Rédiger un référentiel', 0) returning id`,
		[space!.id]
	);
	for (const email of referentEmails) {
		await query(
			baseURL,
			`insert into space_members (space_id, user_id, role)
			 select $1, id, 'referent' from users where email = $2`,
			[space!.id, email]
		);
	}
	return { slug, spaceId: space!.id, objectiveId: objective!.id };
}
