// The cartography's reference lists, stored in carto_reference_items.
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { cartoReferenceItems } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { invalidate } from '../../server/cache';
import { NotFoundError, ValidationError } from '../../server/errors';
import { charLength, hasHtmlTag, HTML_MESSAGE } from './rules';
import { referenceListNames, referenceRows, type ReferenceListName } from './reference-data';

/**
 * Inserts the seed items that are missing (reference-data.ts); an existing item is left as it is
 * (`on conflict do nothing`: its label and position untouched), so that the labels and order
 * admins changed are kept. Idempotent: run at every start.
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

export const REFERENCE_LABEL_MAX = 120;

export const referenceListLabels: Record<ReferenceListName, string> = {
	cooperation_kind: 'Types de coopération',
	dimension: "Dimensions de l'accompagnement",
	modality: "Modalités d'accompagnement",
	stage: 'Stades des projets',
	cost: "Coût de l'accompagnement"
};

/**
 * Saves the labels and the order of one reference list (coordination and admins). The form
 * sends `label-<code>` and `position-<code>` for every item of the list; codes never change
 * (fiches store them). Every problem comes at once, by field; nothing is written then.
 */
export async function saveReferenceList(
	ctx: Ctx,
	actor: Actor | null,
	list: string,
	input: Record<string, unknown>,
	info: RequestInfo = {}
) {
	assertCan(actor, 'cartographie.manage');
	if (!(referenceListNames as readonly string[]).includes(list)) {
		throw new NotFoundError('Liste introuvable.');
	}
	const name = list as ReferenceListName;
	const current = (await loadReferenceLists(ctx))[name];
	const errors: Record<string, string> = {};
	const items = current.map((item, index) => {
		const raw = input[`label-${item.code}`];
		const label = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
		if (!label) errors[`label-${item.code}`] = 'Indiquez un libellé.';
		else if (charLength(label) > REFERENCE_LABEL_MAX) {
			errors[`label-${item.code}`] =
				`Le libellé ne doit pas dépasser ${REFERENCE_LABEL_MAX} caractères.`;
		} else if (hasHtmlTag(label)) errors[`label-${item.code}`] = HTML_MESSAGE;
		const rawPosition = String(input[`position-${item.code}`] ?? '').trim();
		const position = rawPosition === '' ? index + 1 : Number(rawPosition);
		if (!Number.isInteger(position) || position < 1 || position > 999) {
			errors[`position-${item.code}`] = 'Indiquez un nombre entier entre 1 et 999.';
		}
		return { code: item.code, label, position, index };
	});
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);
	// Equal positions keep the current order; positions are then renumbered from 1.
	items.sort((a, b) => a.position - b.position || a.index - b.index);
	await ctx.db.transaction(async (tx) => {
		for (const [i, item] of items.entries()) {
			await tx
				.update(cartoReferenceItems)
				.set({ label: item.label, position: i + 1 })
				.where(and(eq(cartoReferenceItems.list, name), eq(cartoReferenceItems.code, item.code)));
		}
		await audit(
			{ ...ctx, db: tx as unknown as Ctx['db'] },
			actor,
			{
				action: 'cartographie.reference',
				targetType: 'carto_reference_list',
				targetId: name,
				details: { items: items.map((i) => ({ code: i.code, label: i.label })) }
			},
			info.ip
		);
	});
	invalidate('cartographie');
}
