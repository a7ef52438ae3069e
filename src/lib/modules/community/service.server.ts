// Reading the community directory: structures, their members, individual members.
import { and, asc, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceMembers, spaces, structures, users } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { NotFoundError } from '../../server/errors';
import { contactVisible, PAGE_SIZE, pageCount } from './rules';
import { searchSchema } from './schemas';

/** Structures of the community, searched in French (accents and plurals ignored), with facets. */
export async function searchStructures(ctx: Ctx, params: unknown) {
	const p = searchSchema.parse(params);
	const where: SQL[] = [eq(structures.isMember, true)];
	const query = p.q ? sql`websearch_to_tsquery('fr_unaccent', ${p.q})` : undefined;
	if (query) {
		where.push(
			sql`(${structures.search} @@ ${query} or unaccent(${structures.name}) ilike unaccent(${'%' + p.q + '%'}))`
		);
	}
	const facetWhere = and(...where);
	if (p.type) where.push(eq(structures.kind, p.type));
	if (p.region) where.push(eq(structures.region, p.region));
	const filter = and(...where);
	const page = p.page ?? 1;
	const [{ total } = { total: 0 }] = await ctx.db
		.select({ total: count() })
		.from(structures)
		.where(filter);
	const items = await ctx.db
		.select({
			slug: structures.slug,
			name: structures.name,
			acronym: structures.acronym,
			kind: structures.kind,
			description: structures.description,
			region: structures.region,
			logoPath: structures.logoPath,
			members: sql<number>`(select count(*)::int from users u where u.structure_id = ${structures.id} and u.status <> 'deleted')`
		})
		.from(structures)
		.where(filter)
		.orderBy(
			...(query ? [sql`ts_rank(${structures.search}, ${query}) desc`] : []),
			asc(structures.name)
		)
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE);
	const kindFacets = await ctx.db
		.select({ value: structures.kind, count: count() })
		.from(structures)
		.where(and(facetWhere, p.region ? eq(structures.region, p.region) : undefined))
		.groupBy(structures.kind)
		.orderBy(asc(structures.kind));
	const regionFacets = await ctx.db
		.select({ value: structures.region, count: count() })
		.from(structures)
		.where(
			and(
				facetWhere,
				p.type ? eq(structures.kind, p.type) : undefined,
				sql`${structures.region} is not null`
			)
		)
		.groupBy(structures.region)
		.orderBy(asc(structures.region));
	return { params: p, page, pageCount: pageCount(total), total, items, kindFacets, regionFacets };
}

/** A structure's page with its members; contact details follow each person's choice. */
export async function getStructure(ctx: Ctx, actor: Actor | null, slug: string) {
	const [structure] = await ctx.db.select().from(structures).where(eq(structures.slug, slug));
	if (!structure) throw new NotFoundError('Structure introuvable.');
	const people = await ctx.db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			phone: users.phone,
			roleInStructure: users.roleInStructure,
			emailVisibility: users.emailVisibility,
			phoneVisibility: users.phoneVisibility
		})
		.from(users)
		.where(and(eq(users.structureId, structure.id), ne(users.status, 'deleted')))
		.orderBy(asc(users.name));
	const involvement = await ctx.db
		.selectDistinct({
			slug: spaces.slug,
			title: spaces.title,
			role: spaceMembers.role,
			until: spaceMembers.until
		})
		.from(spaceMembers)
		.innerJoin(spaces, eq(spaces.id, spaceMembers.spaceId))
		.where(eq(spaceMembers.structureId, structure.id));
	return {
		structure,
		involvement,
		members: people.map((m) => ({
			id: m.id,
			name: m.name,
			roleInStructure: m.roleInStructure,
			email: m.email && contactVisible(m.emailVisibility, actor, m.id) ? m.email : null,
			phone: m.phone && contactVisible(m.phoneVisibility, actor, m.id) ? m.phone : null
		}))
	};
}

/** Individual members of the community (people), with contact details per their choice. */
export async function listPeople(ctx: Ctx, actor: Actor | null, q?: string) {
	const term = q?.trim().slice(0, 100);
	const rows = await ctx.db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			emailVisibility: users.emailVisibility,
			roleInStructure: users.roleInStructure,
			bio: users.bio,
			structureName: structures.name,
			structureSlug: structures.slug
		})
		.from(users)
		.leftJoin(structures, eq(structures.id, users.structureId))
		.where(
			and(
				ne(users.status, 'deleted'),
				ne(users.name, 'Administration'),
				term
					? sql`unaccent(${users.name} || ' ' || coalesce(${structures.name}, '')) ilike unaccent(${'%' + term + '%'})`
					: undefined
			)
		)
		.orderBy(asc(users.name))
		.limit(200);
	return rows.map(({ email, emailVisibility, ...r }) => ({
		...r,
		email: email && contactVisible(emailVisibility, actor, r.id) ? email : null
	}));
}
