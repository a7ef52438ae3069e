// The moderation queue of the cartography: pending fiches (with possible duplicates) and pending
// changes, publish or reject one by one or in bulk, email the contact.
import { asc, eq, sql } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { cartoFiches, geoCommunes } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { invalidate } from '../../server/cache';
import { sendEmail } from '../../server/email/outbox';
import { DomainError } from '../../server/errors';
import { addMonths, STALE_AFTER_MONTHS } from './rules';
import { setStatus } from './service.server';
import {
	decideChange,
	diffNames,
	listPendingChanges,
	type PendingChange,
	type Seen
} from './changes.server';
import { contentOf, territoriesOf } from './content.server';
import { diffContent, type FieldDiff } from './diff';
import { findDuplicates, type Duplicate } from './duplicates.server';

export type ModerationDecision = 'publish' | 'reject';

export interface PendingFiche {
	id: string;
	slug: string;
	name: string;
	acronym: string | null;
	commune: string | null;
	shortDescription: string;
	contactEmail: string | null;
	createdAt: Date;
	/** Sent back with a decision: refused when the fiche changed since the page was shown. */
	updatedAt: Date;
}

/** The fiches waiting for moderation, oldest first (moderators). */
export async function listPending(ctx: Ctx, actor: Actor | null): Promise<PendingFiche[]> {
	assertCan(actor, 'cartographie.moderate');
	return ctx.db
		.select({
			id: cartoFiches.id,
			slug: cartoFiches.slug,
			name: cartoFiches.name,
			acronym: cartoFiches.acronym,
			commune: geoCommunes.nom,
			shortDescription: cartoFiches.shortDescription,
			contactEmail: cartoFiches.contactEmail,
			createdAt: cartoFiches.createdAt,
			updatedAt: cartoFiches.updatedAt
		})
		.from(cartoFiches)
		.leftJoin(geoCommunes, eq(geoCommunes.code, cartoFiches.communeCode))
		.where(eq(cartoFiches.status, 'en_attente'))
		.orderBy(asc(cartoFiches.createdAt), asc(cartoFiches.id));
}

/**
 * Publishes or rejects a pending fiche (moderators), then tells its contact by email, if any.
 * When another moderator decided first, setStatus's French error comes through.
 */
export async function moderate(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	decision: ModerationDecision,
	message: string | null = null,
	info: RequestInfo = {},
	seenUpdatedAt?: Date
) {
	const note = message?.trim() ? message.trim().slice(0, 2_000) : null;
	const fiche = await setStatus(
		ctx,
		actor,
		id,
		decision === 'publish' ? 'publiee' : 'refusee',
		note ? `${decision === 'publish' ? 'Publiée' : 'Refusée'} : ${note}` : null,
		info,
		seenUpdatedAt
	);
	if (decision === 'publish') invalidate('cartographie');
	if (fiche.contactEmail) {
		const link = `${ctx.env.baseUrl}/cartographie/${fiche.slug}`;
		const text =
			decision === 'publish'
				? [
						'Bonjour,',
						'',
						`Votre fiche « ${fiche.name} » a été relue par l'équipe de modération : elle est publiée sur la cartographie de l'accompagnement.`,
						'',
						`Voir la fiche : ${link}`,
						...(note ? ['', "Message de l'équipe de modération :", note] : []),
						'',
						'Pour signaler une information à corriger, utilisez le formulaire « Signaler une erreur » en bas de la fiche.'
					]
				: [
						'Bonjour,',
						'',
						`Votre fiche « ${fiche.name} » a été relue par l'équipe de modération : elle n'a pas été publiée sur la cartographie de l'accompagnement.`,
						...(note
							? ['', "Message de l'équipe de modération :", note]
							: ['', "L'équipe de modération n'a pas laissé de message."]),
						'',
						`Vous pouvez proposer une nouvelle fiche : ${ctx.env.baseUrl}/cartographie/proposer`
					];
		await sendEmail(ctx, {
			to: fiche.contactEmail,
			kind: decision === 'publish' ? 'carto.published' : 'carto.rejected',
			subject:
				decision === 'publish'
					? 'Votre fiche est publiée sur la cartographie'
					: "Votre fiche n'a pas été publiée sur la cartographie",
			text: text.join('\n')
		});
	}
	return fiche;
}

export type QueueFiche = PendingFiche & { duplicates: Duplicate[]; content: FieldDiff[] };

/** Pending fiches shown at once (the oldest); the rest come once these are decided. */
export const QUEUE_SIZE = 100;

export interface ModerationQueue {
	fiches: QueueFiche[];
	/** Every pending fiche, also those beyond QUEUE_SIZE. */
	pendingCount: number;
	changes: PendingChange[];
	/** Published fiches not verified for 18 months. */
	staleCount: number;
}

/** The published fiches not verified for 18 months (never verified counts as not verified). */
export async function countStale(ctx: Ctx, now = new Date()): Promise<number> {
	const limit = addMonths(now, -STALE_AFTER_MONTHS);
	const { rows } = await ctx.db.execute<{ n: number }>(sql`
		select count(*)::int as n from carto_fiches
		where status = 'publiee'
			and (last_verified_at is null or last_verified_at <= ${limit.toISOString()}::timestamptz)`);
	return rows[0]?.n ?? 0;
}

/** Everything moderators decide on: pending fiches with their possible duplicates, changes. */
export async function moderationQueue(ctx: Ctx, actor: Actor | null): Promise<ModerationQueue> {
	const pending = await listPending(ctx, actor);
	const fiches = pending.slice(0, QUEUE_SIZE);
	const [duplicates, changes, staleCount] = await Promise.all([
		findDuplicates(
			ctx,
			fiches.map((f) => f.id)
		),
		listPendingChanges(ctx, actor),
		countStale(ctx)
	]);
	const out: QueueFiche[] = [];
	for (const f of fiches) {
		const [row] = await ctx.db.select().from(cartoFiches).where(eq(cartoFiches.id, f.id));
		const content = contentOf({ ...row!, territories: await territoriesOf(ctx.db, f.id) });
		out.push({
			...f,
			duplicates: duplicates.get(f.id) ?? [],
			// A new fiche has no published version: everything it fills in is new.
			content: diffContent(null, content, await diffNames(ctx, content))
		});
	}
	return { fiches: out, pendingCount: pending.length, changes, staleCount };
}

export type BulkItem =
	{ type: 'fiche'; id: string; seenUpdatedAt?: Date } | { type: 'change'; id: string; seen: Seen };

export interface BulkResult {
	done: { type: BulkItem['type']; id: string; name: string }[];
	failed: { type: BulkItem['type']; id: string; name: string | null; reason: string }[];
}

/**
 * Publishes the selected fiches and approves the selected changes, each decided on its own: one
 * that fails (already decided, changed since) is reported and does not stop the others.
 */
export async function bulkApprove(
	ctx: Ctx,
	actor: Actor | null,
	items: BulkItem[],
	info: RequestInfo = {}
): Promise<BulkResult> {
	assertCan(actor, 'cartographie.moderate');
	const result: BulkResult = { done: [], failed: [] };
	for (const item of items.slice(0, 200)) {
		try {
			const fiche =
				item.type === 'fiche'
					? await moderate(ctx, actor, item.id, 'publish', null, info, item.seenUpdatedAt)
					: await decideChange(ctx, actor, item.id, 'approve', null, item.seen, info);
			result.done.push({ type: item.type, id: item.id, name: fiche.name });
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
			const fields = (err as { fields?: Record<string, string> }).fields ?? {};
			result.failed.push({
				type: item.type,
				id: item.id,
				name: await nameOf(ctx, item),
				reason: Object.values(fields)[0] ?? err.message
			});
		}
	}
	return result;
}

async function nameOf(ctx: Ctx, item: BulkItem): Promise<string | null> {
	if (!/^[0-9a-f-]{36}$/i.test(item.id)) return null;
	const { rows } = await ctx.db.execute<{ name: string }>(
		item.type === 'fiche'
			? sql`select name from carto_fiches where id = ${item.id}`
			: sql`select f.name from carto_fiche_changes c join carto_fiches f on f.id = c.fiche_id where c.id = ${item.id}`
	);
	return rows[0]?.name ?? null;
}
