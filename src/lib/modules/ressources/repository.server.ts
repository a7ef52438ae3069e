/** The resource library's reads and writes of one resource and its links. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	resourceAuthors,
	resourceProductions,
	resourceSpaces,
	resources,
	spaceProductions,
	spaces,
	structures,
	users
} from '../../server/db/schema';

type Db = Ctx['db'];
export type ResourceRow = typeof resources.$inferSelect;
export type NewResource = typeof resources.$inferInsert;

/** Paths under /ressources that a slug must not take. */
const RESERVED = new Set(['nouveau', 'flux', 'recherche']);

/** A URL-safe slug from a French title (« Vers une société… » → « vers-une-societe… »). */
export function resourceSlugBase(title: string): string {
	const base = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return base && !RESERVED.has(base) ? base : `ressource${base ? `-${base}` : ''}`;
}

/** A free slug: the wanted one, else with « -2 », « -3 »… */
export async function freeResourceSlug(db: Db, wanted: string): Promise<string> {
	const candidates = [wanted, ...Array.from({ length: 20 }, (_, i) => `${wanted}-${i + 2}`)];
	const taken = await db
		.select({ slug: resources.slug })
		.from(resources)
		.where(inArray(resources.slug, candidates));
	const set = new Set(taken.map((t) => t.slug));
	return candidates.find((c) => !set.has(c)) ?? `${wanted}-${randomUUID().slice(0, 8)}`;
}

export async function resourceBySlug(db: Db, slug: string): Promise<ResourceRow | undefined> {
	const [row] = await db.select().from(resources).where(eq(resources.slug, slug));
	return row;
}

export async function spaceIdsOfResource(db: Db, resourceId: string): Promise<string[]> {
	const rows = await db
		.select({ id: resourceSpaces.spaceId })
		.from(resourceSpaces)
		.where(eq(resourceSpaces.resourceId, resourceId));
	return rows.map((r) => r.id);
}

export async function productionIdsOfResource(db: Db, resourceId: string): Promise<string[]> {
	const rows = await db
		.select({ id: resourceProductions.productionId })
		.from(resourceProductions)
		.where(eq(resourceProductions.resourceId, resourceId));
	return rows.map((r) => r.id);
}

export interface AuthorLink {
	name: string;
	userId: string | null;
	structureId: string | null;
}

/**
 * Each typed name linked to an active member or a structure of the same name, ignoring case
 * and accents (a member first: a person named like a structure is rarer than the reverse).
 */
export async function matchAuthors(db: Db, names: string[]): Promise<AuthorLink[]> {
	if (names.length === 0) return [];
	const list = sql`array[${sql.join(
		names.map((n) => sql`${n}`),
		sql`, `
	)}]::text[]`;
	const key = (col: unknown) => sql`lower(unaccent(${col}))`;
	const people = await db.execute<{ name: string; id: string }>(
		sql`select n.name, min(u.id::text) as id from unnest(${list}) as n(name)
			join ${users} u on ${key(sql`u.name`)} = ${key(sql`n.name`)} and u.status = 'active'
			group by n.name`
	);
	const orgs = await db.execute<{ name: string; id: string }>(
		sql`select n.name, min(s.id::text) as id from unnest(${list}) as n(name)
			join ${structures} s on ${key(sql`s.name`)} = ${key(sql`n.name`)}
			group by n.name`
	);
	const person = new Map(people.rows.map((r) => [r.name, r.id]));
	const org = new Map(orgs.rows.map((r) => [r.name, r.id]));
	return names.map((name) => {
		const userId = person.get(name) ?? null;
		return { name, userId, structureId: userId ? null : (org.get(name) ?? null) };
	});
}

/** Replaces the authors, spaces and productions of a resource (in the caller's transaction). */
export async function writeLinks(
	db: Db,
	resourceId: string,
	links: { authors: AuthorLink[]; spaceIds: string[]; productionIds: string[] }
) {
	await db.delete(resourceAuthors).where(eq(resourceAuthors.resourceId, resourceId));
	await db.delete(resourceSpaces).where(eq(resourceSpaces.resourceId, resourceId));
	await db.delete(resourceProductions).where(eq(resourceProductions.resourceId, resourceId));
	if (links.authors.length) {
		await db
			.insert(resourceAuthors)
			.values(links.authors.map((a, position) => ({ resourceId, position, ...a })));
	}
	if (links.spaceIds.length) {
		await db
			.insert(resourceSpaces)
			.values(links.spaceIds.map((spaceId) => ({ resourceId, spaceId })));
	}
	if (links.productionIds.length) {
		await db
			.insert(resourceProductions)
			.values(links.productionIds.map((productionId) => ({ resourceId, productionId })));
	}
}

/** Authors in order, with the structure's slug to link to its page. */
export async function authorsOf(db: Db, resourceId: string) {
	return db
		.select({
			name: resourceAuthors.name,
			userId: resourceAuthors.userId,
			structureSlug: structures.slug
		})
		.from(resourceAuthors)
		.leftJoin(structures, eq(structures.id, resourceAuthors.structureId))
		.where(eq(resourceAuthors.resourceId, resourceId))
		.orderBy(asc(resourceAuthors.position));
}

const spaceLabel = sql<string>`coalesce(${spaces.shortTitle}, ${spaces.title})`;

/** The author names of several resources at once, in their order, by resource id. */
export async function authorNamesOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
	const names = new Map<string, string[]>();
	if (ids.length === 0) return names;
	const rows = await db
		.select({ resourceId: resourceAuthors.resourceId, name: resourceAuthors.name })
		.from(resourceAuthors)
		.where(inArray(resourceAuthors.resourceId, ids))
		.orderBy(asc(resourceAuthors.resourceId), asc(resourceAuthors.position));
	for (const a of rows) names.set(a.resourceId, [...(names.get(a.resourceId) ?? []), a.name]);
	return names;
}

export async function spacesOf(db: Db, resourceId: string) {
	return db
		.select({ id: spaces.id, slug: spaces.slug, label: spaceLabel })
		.from(resourceSpaces)
		.innerJoin(spaces, eq(spaces.id, resourceSpaces.spaceId))
		.where(eq(resourceSpaces.resourceId, resourceId))
		.orderBy(asc(spaces.number), asc(spaces.title));
}

export async function productionsOf(db: Db, resourceId: string) {
	return db
		.select({
			id: spaceProductions.id,
			title: spaceProductions.title,
			visibility: spaceProductions.visibility,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			spaceLabel
		})
		.from(resourceProductions)
		.innerJoin(spaceProductions, eq(spaceProductions.id, resourceProductions.productionId))
		.innerJoin(spaces, eq(spaces.id, spaceProductions.spaceId))
		.where(eq(resourceProductions.resourceId, resourceId))
		.orderBy(asc(spaces.number), asc(spaceProductions.title));
}

/** Spaces by id (all when `ids` is null), in the order of the démarche. */
export async function spaceList(db: Db, ids: string[] | null) {
	if (ids && ids.length === 0) return [];
	return db
		.select({ id: spaces.id, slug: spaces.slug, label: spaceLabel })
		.from(spaces)
		.where(ids ? inArray(spaces.id, ids) : undefined)
		.orderBy(sql`${spaces.kind} = 'copil' desc`, asc(spaces.number), asc(spaces.title));
}

/** Productions of the given spaces, for the form's choices. */
export async function productionList(db: Db, spaceIds: string[]) {
	if (spaceIds.length === 0) return [];
	return db
		.select({
			id: spaceProductions.id,
			title: spaceProductions.title,
			spaceId: spaceProductions.spaceId
		})
		.from(spaceProductions)
		.where(inArray(spaceProductions.spaceId, spaceIds))
		.orderBy(asc(spaceProductions.title));
}

/** The space of each production that exists among `ids`. */
export async function productionSpaces(db: Db, ids: string[]) {
	if (ids.length === 0) return [];
	return db
		.select({ id: spaceProductions.id, spaceId: spaceProductions.spaceId })
		.from(spaceProductions)
		.where(inArray(spaceProductions.id, ids));
}

export async function updateResourceRow(db: Db, id: string, values: Partial<NewResource>) {
	const [row] = await db
		.update(resources)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(resources.id, id))
		.returning();
	return row!;
}

export async function deleteResourceRow(db: Db, id: string) {
	await db.delete(resources).where(and(eq(resources.id, id)));
}
