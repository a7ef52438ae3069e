// The resources shown on the home page: the featured public ones, newest first; the newest
// public ones when none is featured.
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { ResourceSummary } from './components/ResourceCard.svelte';
import { authorNamesOf } from './repository.server';
import { resources } from './tables';

export const FEATURED_COUNT = 4;

export async function featuredResources(ctx: Ctx): Promise<ResourceSummary[]> {
	const pick = (featured: boolean) =>
		ctx.db
			.select({
				id: resources.id,
				slug: resources.slug,
				title: resources.title,
				kind: resources.kind,
				publishedOn: resources.publishedOn,
				themes: resources.themes,
				fileType: resources.fileType,
				fileSize: resources.fileSize,
				externalUrl: resources.externalUrl
			})
			.from(resources)
			.where(
				and(eq(resources.visibility, 'public'), featured ? eq(resources.featured, true) : undefined)
			)
			.orderBy(desc(resources.createdAt), desc(resources.id))
			.limit(FEATURED_COUNT);
	let rows = await pick(true);
	if (!rows.length) rows = await pick(false);
	if (!rows.length) return [];
	const names = await authorNamesOf(
		ctx.db,
		rows.map((r) => r.id)
	);
	return rows.map(({ id, ...r }) => ({ ...r, authors: names.get(id) ?? [] }));
}
