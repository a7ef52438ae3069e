import { asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceMembers, spaceObjectives, spaces, structures, users } from '../../server/db/schema';
import { can, type Actor } from '../../server/auth/policy';
import { NotFoundError } from '../../server/errors';

export async function listSpaces(ctx: Ctx) {
	const rows = await ctx.db
		.select({
			id: spaces.id,
			slug: spaces.slug,
			kind: spaces.kind,
			number: spaces.number,
			title: spaces.title,
			shortTitle: spaces.shortTitle,
			defi: spaces.defi,
			summary: spaces.summary
		})
		.from(spaces)
		.orderBy(sql`${spaces.kind} = 'copil'`, asc(spaces.number), asc(spaces.title));
	const referents = await ctx.db
		.select({ spaceId: spaceMembers.spaceId, name: users.name, structure: structures.name })
		.from(spaceMembers)
		.innerJoin(users, eq(users.id, spaceMembers.userId))
		.leftJoin(structures, eq(structures.id, spaceMembers.structureId))
		.where(sql`${spaceMembers.role} = 'referent' and ${spaceMembers.until} is null`);
	return rows.map((s) => ({ ...s, referents: referents.filter((r) => r.spaceId === s.id) }));
}

/** A space's public summary; the member list only for people who may see it. */
export async function getSpace(ctx: Ctx, actor: Actor | null, slug: string) {
	const [space] = await ctx.db.select().from(spaces).where(eq(spaces.slug, slug));
	if (!space) throw new NotFoundError('Chantier introuvable.');
	const people = await ctx.db
		.select({
			userId: users.id,
			name: users.name,
			role: spaceMembers.role,
			until: spaceMembers.until,
			since: spaceMembers.since,
			structureName: sql<
				string | null
			>`coalesce(${structures.name}, (select s2.name from structures s2 where s2.id = ${users.structureId}))`,
			structureSlug: sql<
				string | null
			>`coalesce(${structures.slug}, (select s2.slug from structures s2 where s2.id = ${users.structureId}))`
		})
		.from(spaceMembers)
		.innerJoin(users, eq(users.id, spaceMembers.userId))
		.leftJoin(structures, eq(structures.id, spaceMembers.structureId))
		.where(eq(spaceMembers.spaceId, space.id))
		.orderBy(asc(users.name));
	const objectives = await ctx.db
		.select({ id: spaceObjectives.id, kind: spaceObjectives.kind, title: spaceObjectives.title })
		.from(spaceObjectives)
		.where(eq(spaceObjectives.spaceId, space.id))
		.orderBy(asc(spaceObjectives.position));
	const referents = people.filter((p) => p.role === 'referent' && !p.until);
	const formerReferents = people.filter((p) => p.role === 'referent' && p.until);
	const canSeeMembers =
		space.kind !== 'copil' || can(actor, 'space.read.private', { spaceId: space.id });
	return {
		space: {
			...space,
			strategicObjectives: objectives.filter((o) => o.kind === 'strategique').map((o) => o.title),
			operationalObjectives: objectives.filter((o) => o.kind === 'operationnel').map((o) => o.title)
		},
		referents,
		formerReferents,
		members: canSeeMembers ? people.filter((p) => p.role !== 'referent' && !p.until) : null,
		memberCount: people.filter((p) => p.role !== 'referent' && !p.until).length
	};
}
