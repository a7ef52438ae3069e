// The full history of a fiche: every revision, one revision compared to the current content, and
// restoring any revision (a restore is a new revision; older ones are never rewritten).
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { cartoFicheRevisions, cartoFiches, users } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { invalidate } from '../../server/cache';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { formatDateTime } from '../../i18n/fr';
import { applyFicheContent, contentOf, type FicheContent } from './content.server';
import { diffWithCurrent } from './changes.server';
import type { FieldDiff } from './diff';

type Db = Ctx['db'];

export interface RevisionSummary {
	id: string;
	createdAt: Date;
	/** Null when written without an account: through the private link, or a public proposal. */
	authorName: string | null;
	note: string | null;
}

/** Every revision of a fiche, the newest first (moderators). */
export async function listRevisions(
	ctx: Ctx,
	actor: Actor | null,
	ficheId: string
): Promise<RevisionSummary[]> {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(ficheId, 'Fiche introuvable.');
	return ctx.db
		.select({
			id: cartoFicheRevisions.id,
			createdAt: cartoFicheRevisions.createdAt,
			authorName: users.name,
			note: cartoFicheRevisions.note
		})
		.from(cartoFicheRevisions)
		.leftJoin(users, eq(users.id, cartoFicheRevisions.authorId))
		.where(eq(cartoFicheRevisions.ficheId, ficheId))
		.orderBy(desc(cartoFicheRevisions.createdAt), desc(cartoFicheRevisions.id));
}

export interface RevisionView extends RevisionSummary {
	content: FicheContent;
	/** From the current content (before) to this revision (after): what a restore would change. */
	diff: FieldDiff[];
}

/** One revision of a fiche with its content and its differences from the current content. */
export async function getRevision(
	ctx: Ctx,
	actor: Actor | null,
	ficheId: string,
	revisionId: string
): Promise<RevisionView> {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(ficheId, 'Fiche introuvable.');
	assertUuid(revisionId, 'Version introuvable.');
	const [row] = await ctx.db
		.select({
			id: cartoFicheRevisions.id,
			createdAt: cartoFicheRevisions.createdAt,
			authorName: users.name,
			note: cartoFicheRevisions.note,
			data: cartoFicheRevisions.data
		})
		.from(cartoFicheRevisions)
		.leftJoin(users, eq(users.id, cartoFicheRevisions.authorId))
		.where(and(eq(cartoFicheRevisions.id, revisionId), eq(cartoFicheRevisions.ficheId, ficheId)));
	if (!row) throw new NotFoundError('Version introuvable.');
	const { data, ...summary } = row;
	const content = contentOf(data);
	return { ...summary, content, diff: await diffWithCurrent(ctx, ficheId, content) };
}

export const RESTORE_CONFLICT =
	"Cette fiche a été modifiée depuis l'affichage de la page : rien n'a été restauré. Rechargez la page et comparez de nouveau.";

/**
 * Restores a revision's content on its fiche (moderators), as a new revision. Refused when the
 * fiche changed since the page was displayed (`seenUpdatedAt`, its `updatedAt` then): the row is
 * locked and compared inside the transaction, so two restores at once cannot both apply.
 */
export async function restoreRevision(
	ctx: Ctx,
	actor: Actor | null,
	ficheId: string,
	revisionId: string,
	seenUpdatedAt: Date,
	info: RequestInfo = {}
) {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(ficheId, 'Fiche introuvable.');
	assertUuid(revisionId, 'Version introuvable.');
	const fiche = await ctx.db.transaction(async (tx) => {
		const [current] = await tx
			.select({ updatedAt: cartoFiches.updatedAt })
			.from(cartoFiches)
			.where(eq(cartoFiches.id, ficheId))
			.for('update');
		if (!current) throw new NotFoundError('Fiche introuvable.');
		const [revision] = await tx
			.select({ data: cartoFicheRevisions.data, createdAt: cartoFicheRevisions.createdAt })
			.from(cartoFicheRevisions)
			.where(and(eq(cartoFicheRevisions.id, revisionId), eq(cartoFicheRevisions.ficheId, ficheId)));
		if (!revision) throw new NotFoundError('Version introuvable.');
		if (current.updatedAt.getTime() !== seenUpdatedAt.getTime()) {
			throw new ValidationError({ form: RESTORE_CONFLICT }, RESTORE_CONFLICT);
		}
		const restored = await applyFicheContent(
			tx as unknown as Db,
			ficheId,
			contentOf(revision.data),
			{
				authorId: actor.userId,
				note: `Restauration de la version du ${formatDateTime(revision.createdAt)}`
			}
		);
		await audit(
			{ ...ctx, db: tx as unknown as Db },
			actor,
			{
				action: 'cartographie.restore',
				targetType: 'carto_fiche',
				targetId: ficheId,
				details: { revisionId }
			},
			info.ip
		);
		return restored!;
	});
	invalidate('cartographie');
	const { search: _search, ...rest } = fiche;
	return rest;
}
