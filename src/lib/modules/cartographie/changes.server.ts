// Pending changes of published fiches (made through the private link): listed with their diff
// against the published version, approved (applied as a new revision) or rejected.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { cartoFicheChanges, cartoFiches, geoEpcis } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { invalidate } from '../../server/cache';
import { sendEmail } from '../../server/email/outbox';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { getCommune, listDepartements, listRegions } from '../geo/service.server';
import { applyFicheContent, contentOf, territoriesOf, type FicheContent } from './content.server';
import { diffContent, placesOf, type DiffNames, type FieldDiff } from './diff';
import { loadReferenceLists } from './reference.server';

type Db = Ctx['db'];

/** Names of every reference code and place that the given contents mention. */
export async function diffNames(
	ctx: Ctx,
	...contents: (FicheContent | null)[]
): Promise<DiffNames> {
	const places = placesOf(...contents);
	const [lists, departements, regions] = await Promise.all([
		loadReferenceLists(ctx),
		places.some((p) => p.kind === 'departement') ? listDepartements(ctx) : [],
		places.some((p) => p.kind === 'region') ? listRegions(ctx) : []
	]);
	const byCode = (items: { code: string; label: string }[]) =>
		Object.fromEntries(items.map((i) => [i.code, i.label]));
	const names: DiffNames['places'] = {};
	for (const d of departements) names[`departement:${d.code}`] = `${d.nom} (${d.code})`;
	for (const r of regions) names[`region:${r.code}`] = r.nom;
	const epciCodes = places.filter((p) => p.kind === 'epci').map((p) => p.code);
	if (epciCodes.length > 0) {
		const rows = await ctx.db
			.select({ code: geoEpcis.code, nom: geoEpcis.nom })
			.from(geoEpcis)
			.where(inArray(geoEpcis.code, epciCodes));
		for (const e of rows) names[`epci:${e.code}`] = e.nom;
	}
	for (const p of places.filter((p) => p.kind === 'commune').slice(0, 200)) {
		const c = await getCommune(ctx, p.code);
		if (c) names[`commune:${p.code}`] = `${c.nom} (${c.departement.code})`;
	}
	return {
		labels: {
			cooperationKinds: byCode(lists.cooperation_kind),
			dimensions: byCode(lists.dimension),
			modalities: byCode(lists.modality),
			stages: byCode(lists.stage),
			cost: byCode(lists.cost)
		},
		places: names
	};
}

/** The diff between the current content of a fiche and another content. */
export async function diffWithCurrent(ctx: Ctx, ficheId: string, other: FicheContent) {
	const [row] = await ctx.db.select().from(cartoFiches).where(eq(cartoFiches.id, ficheId));
	if (!row) throw new NotFoundError('Fiche introuvable.');
	const current = contentOf({ ...row, territories: await territoriesOf(ctx.db, ficheId) });
	return diffContent(current, other, await diffNames(ctx, current, other));
}

export interface PendingChange {
	id: string;
	ficheId: string;
	ficheSlug: string;
	ficheName: string;
	contactEmail: string | null;
	createdAt: Date;
	/** Sent back with a decision: the fiche must not have changed since the page was shown. */
	ficheUpdatedAt: Date;
	diff: FieldDiff[];
}

/** The pending changes, oldest first, each with its diff against the published fiche. */
export async function listPendingChanges(ctx: Ctx, actor: Actor | null): Promise<PendingChange[]> {
	assertCan(actor, 'cartographie.moderate');
	const rows = await ctx.db
		.select({ change: cartoFicheChanges, fiche: cartoFiches })
		.from(cartoFicheChanges)
		.innerJoin(cartoFiches, eq(cartoFiches.id, cartoFicheChanges.ficheId))
		.where(eq(cartoFicheChanges.status, 'en_attente'))
		.orderBy(asc(cartoFicheChanges.createdAt), asc(cartoFicheChanges.id))
		.limit(200);
	const out: PendingChange[] = [];
	for (const { change, fiche } of rows) {
		const current = contentOf({ ...fiche, territories: await territoriesOf(ctx.db, fiche.id) });
		const proposed = contentOf(change.data);
		out.push({
			id: change.id,
			ficheId: fiche.id,
			ficheSlug: fiche.slug,
			ficheName: fiche.name,
			contactEmail: proposed.contactEmail ?? fiche.contactEmail,
			createdAt: change.createdAt,
			ficheUpdatedAt: fiche.updatedAt,
			diff: diffContent(current, proposed, await diffNames(ctx, current, proposed))
		});
	}
	return out;
}

export const CHANGE_ALREADY_DECIDED =
	"Cette modification a déjà été traitée par une autre personne, ou a été complétée entre-temps. Rechargez la page pour voir l'état actuel.";
export const FICHE_CHANGED =
	"Cette fiche a été modifiée depuis l'affichage de la page. Rechargez la page et vérifiez de nouveau avant de décider.";

/** Same instant at the millisecond (what a Date holds), PostgreSQL keeping microseconds. */
export const sameInstant = (column: unknown, at: Date) =>
	sql`date_trunc('milliseconds', ${column}) = ${at.toISOString()}::timestamptz`;

/**
 * A date sent back by a form (ISO string). A missing or broken one gives the epoch, which matches
 * nothing: the decision is then refused as "changed since" (after the right was checked).
 */
export function seenDate(value: unknown): Date {
	const d = typeof value === 'string' && value ? new Date(value) : null;
	return d && !Number.isNaN(d.getTime()) ? d : new Date(0);
}

export interface Seen {
	/** `createdAt` of the change as displayed (a new edit of the contact moves it). */
	changeCreatedAt: Date;
	/** `updatedAt` of the fiche as displayed. */
	ficheUpdatedAt: Date;
}

/**
 * Approves or rejects a pending change (moderators). Only one decision wins: the change row is
 * claimed with `update … where status = 'en_attente' returning`, so a second moderator (or a
 * change edited again, or a fiche changed since the page was shown) gets a French error and
 * nothing is written. Approving applies the content as a new revision; the contact is emailed.
 */
export async function decideChange(
	ctx: Ctx,
	actor: Actor | null,
	changeId: string,
	decision: 'approve' | 'reject',
	message: string | null,
	seen: Seen,
	info: RequestInfo = {}
) {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(changeId, 'Modification introuvable.');
	const note = message?.trim() ? message.trim().slice(0, 2_000) : null;
	const result = await ctx.db.transaction(async (tx) => {
		const [change] = await tx
			.update(cartoFicheChanges)
			.set({
				status: decision === 'approve' ? 'approuvee' : 'refusee',
				message: note,
				decidedBy: actor.userId,
				decidedAt: new Date()
			})
			.where(
				and(
					eq(cartoFicheChanges.id, changeId),
					eq(cartoFicheChanges.status, 'en_attente'),
					sameInstant(cartoFicheChanges.createdAt, seen.changeCreatedAt)
				)
			)
			.returning();
		if (!change) return null;
		// Locks the fiche until the end: a restore or a status change waits, then sees the new date.
		const [fiche] = await tx
			.select()
			.from(cartoFiches)
			.where(eq(cartoFiches.id, change.ficheId))
			.for('update');
		if (!fiche) throw new NotFoundError('Fiche introuvable.');
		if (fiche.updatedAt.getTime() !== seen.ficheUpdatedAt.getTime()) {
			// Rolls the claim back: the change stays pending.
			throw new ValidationError({ form: FICHE_CHANGED }, FICHE_CHANGED);
		}
		const proposed = contentOf(change.data);
		let updated = fiche;
		if (decision === 'approve') {
			updated =
				(await applyFicheContent(
					tx as unknown as Db,
					fiche.id,
					proposed,
					{
						authorId: actor.userId,
						note: note
							? `Modification via le lien privé, approuvée : ${note}`
							: 'Modification via le lien privé, approuvée'
					},
					{ lastVerifiedAt: new Date() }
				)) ?? fiche;
		}
		await audit(
			{ ...ctx, db: tx as unknown as Db },
			actor,
			{
				action:
					decision === 'approve' ? 'cartographie.change.approve' : 'cartographie.change.reject',
				targetType: 'carto_fiche',
				targetId: fiche.id,
				details: { changeId, message: note }
			},
			info.ip
		);
		return { fiche: updated, contact: proposed.contactEmail ?? fiche.contactEmail };
	});
	if (!result) {
		throw new ValidationError({ form: CHANGE_ALREADY_DECIDED }, CHANGE_ALREADY_DECIDED);
	}
	const { fiche, contact } = result;
	if (decision === 'approve') invalidate('cartographie');
	if (contact) await emailDecision(ctx, contact, fiche.name, fiche.slug, decision, note);
	return fiche;
}

async function emailDecision(
	ctx: Ctx,
	to: string,
	name: string,
	slug: string,
	decision: 'approve' | 'reject',
	note: string | null
) {
	const link = `${ctx.env.baseUrl}/cartographie/${slug}`;
	const said = note ? ['', "Message de l'équipe de modération :", note] : [];
	const text =
		decision === 'approve'
			? [
					'Bonjour,',
					'',
					`Les modifications que vous avez proposées pour la fiche « ${name} » ont été relues par l'équipe de modération : elles sont publiées.`,
					...said,
					'',
					`Voir la fiche : ${link}`
				]
			: [
					'Bonjour,',
					'',
					`Les modifications que vous avez proposées pour la fiche « ${name} » ont été relues par l'équipe de modération : elles n'ont pas été retenues. La fiche publiée reste inchangée.`,
					...(note ? said : ['', "L'équipe de modération n'a pas laissé de message."]),
					'',
					`Voir la fiche : ${link}`
				];
	await sendEmail(ctx, {
		to,
		kind: decision === 'approve' ? 'carto.change.approved' : 'carto.change.rejected',
		subject:
			decision === 'approve'
				? 'Vos modifications sont publiées sur la cartographie'
				: "Vos modifications n'ont pas été retenues",
		text: text.join('\n')
	});
}
