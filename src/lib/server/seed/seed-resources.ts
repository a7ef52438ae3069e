/**
 * The library's first resources (demarche/seed-data/resources.ts): public, without file or link
 * (« à compléter »), linked to their spaces, to the productions they are and to the structures
 * that wrote them. A resource whose slug exists already is left as it is.
 */
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
	resourceAuthors,
	resourceProductions,
	resourceSpaces,
	resources,
	spaceProductions,
	spaces,
	structures
} from '../db/schema';
import { productions } from '../../modules/demarche/seed-data/productions';
import { resources as seedList } from '../../modules/demarche/seed-data/resources';

export async function seedResources(db: Ctx['db']) {
	const spaceRows = await db.select({ id: spaces.id, slug: spaces.slug }).from(spaces);
	const spaceIds = new Map(spaceRows.map((s) => [s.slug, s.id]));
	const structureRows = await db
		.select({ id: structures.id, slug: structures.slug })
		.from(structures);
	const structureIds = new Map(structureRows.map((s) => [s.slug, s.id]));
	// Seeded productions are found by their space and title (their keys are not stored).
	const productionRows = await db
		.select({
			id: spaceProductions.id,
			spaceId: spaceProductions.spaceId,
			title: spaceProductions.title
		})
		.from(spaceProductions)
		.where(inArray(spaceProductions.spaceId, [...spaceIds.values()]));
	const productionId = (key: string) => {
		const p = productions.find((x) => x.key === key);
		const spaceId = p && spaceIds.get(p.spaceSlug);
		return productionRows.find((r) => r.spaceId === spaceId && r.title === p?.title)?.id;
	};
	const now = Date.now();
	let created = 0;
	for (const [position, r] of seedList.entries()) {
		const { spaceSlugs, productionKeys, authors, ...values } = r;
		const [row] = await db
			.insert(resources)
			.values({
				...values,
				publishedOn: values.publishedOn ?? null,
				tagsText: values.tags.join(' '),
				featured: values.featured ?? false,
				visibility: 'public',
				// One second apart, in the order of the list (the first is the newest).
				createdAt: new Date(now - position * 1000),
				updatedAt: new Date(now - position * 1000)
			})
			.onConflictDoNothing({ target: resources.slug })
			.returning({ id: resources.id });
		if (!row) continue;
		created++;
		const linkedSpaces = spaceSlugs
			.map((slug) => spaceIds.get(slug))
			.filter((id) => id !== undefined);
		if (linkedSpaces.length) {
			await db
				.insert(resourceSpaces)
				.values(linkedSpaces.map((spaceId) => ({ resourceId: row.id, spaceId })));
		}
		const linkedProductions = productionKeys.map(productionId).filter((id) => id !== undefined);
		if (linkedProductions.length) {
			await db
				.insert(resourceProductions)
				.values(linkedProductions.map((productionId) => ({ resourceId: row.id, productionId })));
		}
		if (authors.length) {
			await db.insert(resourceAuthors).values(
				authors.map((a, i) => ({
					resourceId: row.id,
					position: i,
					name: a.name,
					structureId: a.structureSlug ? (structureIds.get(a.structureSlug) ?? null) : null
				}))
			);
		}
	}
	return created;
}
