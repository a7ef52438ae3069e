/** SQL pieces shared by the sources of the global search. */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { atLeast, type Actor } from '../../server/auth/policy';
import { MARK_END, MARK_START } from './query';

/** The words of the query in French: accents, case and plurals ignored. */
export const tsQuery = (q: string) => sql`websearch_to_tsquery('fr_unaccent', ${q})`;

/** `%q%` for ilike, with its wildcards escaped. */
export const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * The passage of `text` around the matched words, the words between MARK_START and MARK_END
 * (markedToHtml turns them into <mark>). The markers are removed from the text first, so only
 * ts_headline's ones remain; long texts are cut to keep the headline cheap.
 */
export function headline(text: SQLWrapper, q: string, maxWords = 28): SQL<string> {
	const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=${maxWords}, MinWords=12, MaxFragments=1, ShortWord=2`;
	return sql<string>`ts_headline('fr_unaccent',
		translate(left(coalesce(${text}, ''), 20000), ${MARK_START + MARK_END}, ''),
		${tsQuery(q)}, ${options})`;
}

/**
 * canRead (auth/policy.ts) as a condition on a content's visibility and space: public for all,
 * members for signed-in people, space for the space's members (any role) and coordination.
 */
export function readableBy(actor: Actor | null, visibility: SQLWrapper, spaceId: SQLWrapper) {
	if (!actor) return sql`${visibility} = 'public'`;
	if (atLeast(actor, 'coordination')) return sql`true`;
	const mine = Object.entries(actor.spaceRoles)
		.filter(([, roles]) => roles.length > 0)
		.map(([id]) => sql`${id}::uuid`);
	if (mine.length === 0) return sql`${visibility} <> 'space'`;
	return sql`(${visibility} <> 'space' or ${spaceId} in (${sql.join(mine, sql`, `)}))`;
}
