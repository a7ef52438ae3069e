/**
 * The community directory: its member structures, and the people it lists (everyone but
 * deleted accounts and the administration account, as listPeople shows them). Only what the
 * directory shows everyone is searched: names, role in the structure, bio — never contacts.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import { structureKindLabels } from '../../community/rules';
import { markedToHtml } from '../query';
import { headline, likeOf, tsQuery } from '../sql.server';
import type { SearchHit, SourceResult } from '../types';

interface StructureRow extends Record<string, unknown> {
	slug: string;
	name: string;
	acronym: string | null;
	kind: keyof typeof structureKindLabels;
	passage: string;
	total: number;
}

interface PersonRow extends Record<string, unknown> {
	name: string;
	role: string | null;
	structure_name: string | null;
	passage: string;
	total: number;
}

async function structuresOf(ctx: Ctx, q: string, limit: number) {
	const query = tsQuery(q);
	const { rows } = await ctx.db.execute<StructureRow>(sql`
		select s.slug, s.name, s.acronym, s.kind,
			${headline(sql`s.description`, q)} as passage, count(*) over ()::int as total
		from structures s
		where s.is_member
			and (s.search @@ ${query} or unaccent(s.name || ' ' || coalesce(s.acronym, '')) ilike unaccent(${likeOf(q)}))
		order by ts_rank(s.search, ${query}) desc, s.name
		limit ${limit}`);
	return rows;
}

async function peopleOf(ctx: Ctx, q: string, limit: number) {
	const query = tsQuery(q);
	const document = sql`setweight(to_tsvector('fr_unaccent', u.name), 'A')
		|| setweight(to_tsvector('fr_unaccent', coalesce(u.role_in_structure, '') || ' ' || coalesce(s.name, '')), 'B')
		|| setweight(to_tsvector('fr_unaccent', coalesce(u.bio, '')), 'C')`;
	const { rows } = await ctx.db.execute<PersonRow>(sql`
		select u.name, u.role_in_structure as role, s.name as structure_name,
			${headline(sql`u.bio`, q)} as passage, count(*) over ()::int as total
		from users u left join structures s on s.id = u.structure_id
		where u.status <> 'deleted' and u.name <> 'Administration'
			and (${document} @@ ${query}
				or unaccent(u.name || ' ' || coalesce(s.name, '')) ilike unaccent(${likeOf(q)}))
		order by ts_rank(${document}, ${query}) desc, u.name
		limit ${limit}`);
	return rows;
}

/** Structures first, then people, `limit` in all (people keep two places when they match). */
export async function searchCommunity(ctx: Ctx, q: string, limit: number): Promise<SourceResult> {
	const [structures, people] = await Promise.all([
		structuresOf(ctx, q, limit),
		peopleOf(ctx, q, limit)
	]);
	const peopleShown = Math.min(people.length, Math.max(limit - structures.length, 2));
	const items: SearchHit[] = [
		...structures.slice(0, limit - peopleShown).map((s) => ({
			title: s.acronym ? `${s.name} (${s.acronym})` : s.name,
			href: `/communaute/${s.slug}`,
			snippet: markedToHtml(s.passage),
			meta: `Structure membre · ${structureKindLabels[s.kind]}`
		})),
		...people.slice(0, peopleShown).map((p) => ({
			title: p.name,
			href: `/communaute/membres?${new URLSearchParams({ q: p.name })}`,
			snippet: markedToHtml(p.passage),
			meta: ['Personne', p.role, p.structure_name].filter(Boolean).join(' · ')
		}))
	];
	return {
		total: (structures[0]?.total ?? 0) + (people[0]?.total ?? 0),
		items
	};
}
