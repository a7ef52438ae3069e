// The cartography's reference lists, stored in carto_reference_items.
import { asc } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { cartoReferenceItems } from '../../server/db/schema';
import { referenceListNames, referenceRows, type ReferenceListName } from './reference-data';

/**
 * Inserts the seed items that are missing (reference-data.ts); an existing item is left as it is,
 * so that the labels and order admins changed are kept. Idempotent: run at every start.
 */
export async function ensureReferenceLists(ctx: Ctx) {
	await ctx.db.insert(cartoReferenceItems).values(referenceRows()).onConflictDoNothing();
}

export interface ReferenceItem {
	code: string;
	label: string;
}

export type ReferenceLists = Record<ReferenceListName, ReferenceItem[]>;

/** Every reference list, each in its order. */
export async function loadReferenceLists(ctx: Ctx): Promise<ReferenceLists> {
	const rows = await ctx.db
		.select()
		.from(cartoReferenceItems)
		.orderBy(
			asc(cartoReferenceItems.list),
			asc(cartoReferenceItems.position),
			asc(cartoReferenceItems.code)
		);
	const lists = Object.fromEntries(
		referenceListNames.map((n) => [n, [] as ReferenceItem[]])
	) as ReferenceLists;
	for (const row of rows) {
		if ((referenceListNames as readonly string[]).includes(row.list)) {
			lists[row.list as ReferenceListName].push({ code: row.code, label: row.label });
		}
	}
	return lists;
}
