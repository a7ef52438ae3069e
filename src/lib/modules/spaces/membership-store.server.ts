/** Reads and writes of space memberships shared by joining and the members' page. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceMembers, spaces, users } from '../../server/db/schema';
import type { SpaceRole } from '../../server/auth/policy';
import { NotFoundError } from '../../server/errors';
import type { Involvement } from './membership-rules';

type Db = Ctx['db'];
export type SpaceRow = typeof spaces.$inferSelect;

export async function spaceBySlug(db: Db, slug: string): Promise<SpaceRow> {
	const [space] = await db.select().from(spaces).where(eq(spaces.slug, slug));
	if (!space) throw new NotFoundError('Espace introuvable.');
	return space;
}

export const today = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** The roles a person holds now in a space. */
export async function activeRoles(db: Db, spaceId: string, userId: string): Promise<SpaceRole[]> {
	const rows = await db
		.select({ role: spaceMembers.role })
		.from(spaceMembers)
		.where(
			and(
				eq(spaceMembers.spaceId, spaceId),
				eq(spaceMembers.userId, userId),
				isNull(spaceMembers.until)
			)
		);
	return rows.map((r) => r.role);
}

export async function activeReferentIds(db: Db, spaceId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: spaceMembers.userId })
		.from(spaceMembers)
		.where(
			and(
				eq(spaceMembers.spaceId, spaceId),
				eq(spaceMembers.role, 'referent'),
				isNull(spaceMembers.until)
			)
		);
	return rows.map((r) => r.userId);
}

/**
 * Gives a person a role in a space from today. A former row with the same role (someone who
 * left and comes back) is taken up again rather than duplicated.
 */
export async function grantRole(
	db: Db,
	spaceId: string,
	userId: string,
	role: SpaceRole,
	involvement: Partial<Involvement>
) {
	const values = {
		contribution: involvement.contribution ?? null,
		hoursPerMonth: involvement.hoursPerMonth ?? null
	};
	await db
		.insert(spaceMembers)
		.values({ spaceId, userId, role, since: today(), ...values })
		.onConflictDoUpdate({
			target: [spaceMembers.spaceId, spaceMembers.userId, spaceMembers.role],
			set: { until: null, since: today(), ...values }
		});
}

/** Ends every role a person holds in a space (a former référent·e stays listed as such). */
export async function endRoles(db: Db, spaceId: string, userId: string, roles?: SpaceRole[]) {
	await db
		.update(spaceMembers)
		.set({ until: today() })
		.where(
			and(
				eq(spaceMembers.spaceId, spaceId),
				eq(spaceMembers.userId, userId),
				isNull(spaceMembers.until),
				roles ? inArray(spaceMembers.role, roles) : sql`true`
			)
		);
}

/** Who to tell about a request: the space's référent·e·s, or coordination when it has none. */
export async function referentRecipients(db: Db, spaceId: string) {
	const referents = await db
		.select({ email: users.email, name: users.name })
		.from(spaceMembers)
		.innerJoin(users, eq(users.id, spaceMembers.userId))
		.where(
			and(
				eq(spaceMembers.spaceId, spaceId),
				eq(spaceMembers.role, 'referent'),
				isNull(spaceMembers.until),
				eq(users.status, 'active')
			)
		);
	if (referents.length) return referents;
	return db
		.select({ email: users.email, name: users.name })
		.from(users)
		.where(and(inArray(users.role, ['coordination', 'admin']), eq(users.status, 'active')));
}

export async function userById(db: Db, id: string) {
	const [u] = await db
		.select({ id: users.id, name: users.name, email: users.email, status: users.status })
		.from(users)
		.where(eq(users.id, id));
	return u ?? null;
}
