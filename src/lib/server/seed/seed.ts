import { randomBytes } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
	charterVersions,
	keyFigures,
	milestones,
	pageRevisions,
	roadmapActionChanges,
	roadmapActionProductions,
	roadmapActions,
	spaceDecisions,
	spaceProductions,
	pages,
	spaceMembers,
	spaceObjectives,
	spaces,
	structures,
	users
} from '../db/schema';
import { hashPassword } from '../auth/passwords';
import { normalizeEmail } from '../../modules/accounts/rules';
import * as content from '../../modules/demarche/seed-data';
import { seedAgenda } from './seed-agenda';
import { seedResources } from './seed-resources';

const SEED_LOCK = 7_421_001;

/**
 * Seeds an empty database: the first admin, then the démarche's content from the seeds. Returns
 * whether it seeded (false when the database already had accounts).
 */
export async function seedIfEmpty(ctx: Ctx, log = console.log): Promise<boolean> {
	return ctx.db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
		const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users);
		if (n > 0) return false;
		await createAdmin({ ...ctx, db: tx }, log);
		if (ctx.env.SEED_DEMO === 'true') await seedDemarche({ ...ctx, db: tx });
		return true;
	});
}

export async function createAdmin(
	ctx: Ctx,
	log = console.log,
	email = ctx.env.ADMIN_EMAIL,
	password = ctx.env.ADMIN_PASSWORD
) {
	const chosen = password ?? randomBytes(12).toString('base64url');
	await ctx.db
		.insert(users)
		.values({
			email: normalizeEmail(email),
			name: 'Administration',
			role: 'admin',
			status: 'active',
			passwordHash: await hashPassword(chosen)
		})
		.onConflictDoUpdate({
			target: users.email,
			set: { role: 'admin', status: 'active', passwordHash: await hashPassword(chosen) }
		});
	if (!password) {
		log(
			`\n  Compte administrateur créé : ${email}\n  Mot de passe (affiché une seule fois) : ${chosen}\n`
		);
	}
}

export async function seedDemarche(ctx: Ctx) {
	const db = ctx.db;
	const structureIds = new Map<string, string>();
	for (const s of content.structures) {
		const [row] = await db
			.insert(structures)
			.values({ ...s, isMember: true })
			.returning({ id: structures.id });
		structureIds.set(s.slug, row!.id);
	}
	const personIds = new Map<string, string>();
	for (const p of content.people) {
		const [row] = await db
			.insert(users)
			.values({
				email: normalizeEmail(p.email),
				name: p.name,
				role: p.globalRole,
				status: 'active',
				structureId: p.structureSlug ? structureIds.get(p.structureSlug) : null,
				roleInStructure: p.roleInStructure ?? null,
				bio: p.bio ?? null,
				emailVisibility: 'members',
				isExample: true
			})
			.returning({ id: users.id });
		personIds.set(p.key, row!.id);
	}
	const spaceIds = new Map<string, string>();
	for (const s of content.spaces) {
		const { members, strategicObjectives, operationalObjectives, ...space } = s;
		const [row] = await db.insert(spaces).values(space).returning({ id: spaces.id });
		spaceIds.set(space.slug, row!.id);
		const objectives = [
			...strategicObjectives.map((title, position) => ({
				kind: 'strategique' as const,
				title,
				position
			})),
			...operationalObjectives.map((title, position) => ({
				kind: 'operationnel' as const,
				title,
				position
			}))
		];
		const objectiveRows = objectives.length
			? await db
					.insert(spaceObjectives)
					.values(objectives.map((o) => ({ ...o, spaceId: row!.id })))
					.returning({ id: spaceObjectives.id, kind: spaceObjectives.kind })
			: [];
		await seedWork(db, space.slug, row!.id, objectiveRows);
		for (const m of members) {
			await db.insert(spaceMembers).values({
				spaceId: row!.id,
				userId: personIds.get(m.personKey)!,
				role: m.role,
				structureId: m.structureSlug ? structureIds.get(m.structureSlug) : null,
				since: m.since ?? null,
				until: m.until ?? null
			});
		}
	}
	await seedAgenda(db, { people: personIds, spaces: spaceIds, structures: structureIds });
	await seedResources(db);
	await db.insert(milestones).values(content.milestones);
	await db.insert(keyFigures).values(content.figures.map((f, position) => ({ ...f, position })));
	const pageRows = await db
		.insert(pages)
		.values(content.pages)
		.returning({ id: pages.id, slug: pages.slug, title: pages.title, body: pages.body });
	await db.insert(pageRevisions).values(
		pageRows.map((p) => ({
			pageId: p.id,
			number: 1,
			title: p.title,
			body: p.body,
			summary: 'Version initiale'
		}))
	);
	// The charter's first version is its first revision: joining a space asks to accept it.
	const charter = pageRows.find((p) => p.slug === 'charte');
	if (charter) {
		await db
			.insert(charterVersions)
			.values({ version: 1, pageId: charter.id, revision: 1, summary: 'Première version' });
	}
}

/**
 * A seed space's productions, feuille de route and relevé de décisions (seeds 000 and 001).
 * Objectives are named by kind and rank, as the seed data lists them.
 */
async function seedWork(
	db: Ctx['db'],
	slug: string,
	spaceId: string,
	objectives: { id: string; kind: 'strategique' | 'operationnel' }[]
) {
	const productionIds = new Map<string, string>();
	for (const p of content.productions.filter((x) => x.spaceSlug === slug)) {
		const { key, spaceSlug: _space, date, ...rest } = p;
		const [row] = await db
			.insert(spaceProductions)
			.values({ ...rest, date: date ?? null, spaceId, visibility: 'public' })
			.returning({ id: spaceProductions.id });
		productionIds.set(key, row!.id);
	}
	const byRank = (ref: string) => {
		const [kind, rank] = ref.split(':');
		const id = objectives.filter((o) => o.kind === kind)[Number(rank)]?.id;
		if (!id) throw new Error(`Seed: no objective ${ref} in ${slug}`);
		return id;
	};
	for (const [position, a] of (content.roadmaps[slug] ?? []).entries()) {
		const [row] = await db
			.insert(roadmapActions)
			.values({
				spaceId,
				objectiveId: byRank(a.objective),
				title: a.title,
				description: a.description ?? null,
				status: a.status,
				doneAt: a.doneAt ? new Date(`${a.doneAt}T12:00:00Z`) : null,
				position
			})
			.returning({ id: roadmapActions.id });
		await db.insert(roadmapActionChanges).values({ actionId: row!.id, changes: { created: true } });
		const links = (a.productions ?? []).map((k) => productionIds.get(k)!);
		if (links.length) {
			await db
				.insert(roadmapActionProductions)
				.values(links.map((productionId) => ({ actionId: row!.id, productionId })));
		}
	}
	const decisions = content.decisions.filter((d) => d.spaceSlug === slug);
	if (decisions.length) {
		await db
			.insert(spaceDecisions)
			.values(decisions.map(({ spaceSlug: _space, ...d }) => ({ ...d, spaceId })));
	}
}

/** Empties every table of the platform (for `npm run seed -- --reset`). */
export async function resetDatabase(ctx: Ctx) {
	const rows = await ctx.db.execute<{ tablename: string }>(
		sql`select tablename from pg_tables where schemaname = 'public'`
	);
	const names = rows.rows.map((r) => `"${r.tablename}"`).join(', ');
	if (names) await ctx.db.execute(sql.raw(`truncate ${names} cascade`));
}
