// The moderators' view of every fiche: list with filters, one fiche with its status actions, the
// trusted flag, and its private links (revoke them all, send a new one to the contact).
import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import {
	cartoEditLinks,
	cartoFicheChanges,
	cartoFiches,
	geoCommunes
} from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { audit } from '../../server/audit/audit';
import { invalidate } from '../../server/cache';
import { sendEmail } from '../../server/email/outbox';
import { assertUuid, NotFoundError, ValidationError } from '../../server/errors';
import { issueEditLink, revokeEditLinks } from './edit-links.server';
import { territoriesOf } from './content.server';
import { moderate } from './moderation.server';
import { addMonths, isFicheStatus, stale, STALE_AFTER_MONTHS, type FicheStatus } from './rules';
import { setStatus } from './service.server';

export const ADMIN_PAGE_SIZE = 50;

export interface AdminFicheFilters {
	status?: string | null;
	q?: string | null;
	/** Only published fiches not verified for 18 months. */
	toVerify?: boolean;
	page?: number;
}

export interface AdminFicheRow {
	id: string;
	slug: string;
	name: string;
	status: FicheStatus;
	commune: string | null;
	updatedAt: Date;
	lastVerifiedAt: Date | null;
	trusted: boolean;
	/** Published and not verified for 18 months. */
	toVerify: boolean;
}

/** Every fiche, filtered by status and name, 50 a page, by name (moderators). */
export async function listFichesAdmin(
	ctx: Ctx,
	actor: Actor | null,
	filters: AdminFicheFilters,
	now = new Date()
) {
	assertCan(actor, 'cartographie.moderate');
	const where: SQL[] = [];
	if (isFicheStatus(filters.status)) where.push(eq(cartoFiches.status, filters.status));
	const q = filters.q?.trim().slice(0, 120);
	if (q) {
		const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		where.push(
			sql`immutable_unaccent(lower(${cartoFiches.name})) like immutable_unaccent(${like})`
		);
	}
	if (filters.toVerify) {
		where.push(eq(cartoFiches.status, 'publiee'));
		where.push(
			sql`(${cartoFiches.lastVerifiedAt} is null or ${cartoFiches.lastVerifiedAt} <= ${addMonths(now, -STALE_AFTER_MONTHS).toISOString()}::timestamptz)`
		);
	}
	const condition = where.length ? and(...where) : undefined;
	const [{ total }] = (await ctx.db
		.select({ total: count() })
		.from(cartoFiches)
		.where(condition)) as [{ total: number }];
	const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
	const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1) || 1), pageCount);
	const rows = await ctx.db
		.select({
			id: cartoFiches.id,
			slug: cartoFiches.slug,
			name: cartoFiches.name,
			status: cartoFiches.status,
			commune: geoCommunes.nom,
			updatedAt: cartoFiches.updatedAt,
			lastVerifiedAt: cartoFiches.lastVerifiedAt,
			trusted: cartoFiches.trusted
		})
		.from(cartoFiches)
		.leftJoin(geoCommunes, eq(geoCommunes.code, cartoFiches.communeCode))
		.where(condition)
		.orderBy(asc(cartoFiches.name), asc(cartoFiches.id))
		.limit(ADMIN_PAGE_SIZE)
		.offset((page - 1) * ADMIN_PAGE_SIZE);
	const fiches: AdminFicheRow[] = rows.map((r) => ({
		...r,
		toVerify: r.status === 'publiee' && stale(r.lastVerifiedAt, now)
	}));
	return { fiches, total, page, pageCount };
}

/** One fiche in full, with its private links and pending change (moderators). */
export async function getFicheAdmin(ctx: Ctx, actor: Actor | null, id: string, now = new Date()) {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(id, 'Fiche introuvable.');
	const [row] = await ctx.db
		.select({ fiche: cartoFiches, commune: geoCommunes.nom })
		.from(cartoFiches)
		.leftJoin(geoCommunes, eq(geoCommunes.code, cartoFiches.communeCode))
		.where(eq(cartoFiches.id, id));
	if (!row) throw new NotFoundError('Fiche introuvable.');
	const { search: _search, ...fiche } = row.fiche;
	const [[links], [pending]] = await Promise.all([
		ctx.db
			.select({ active: count() })
			.from(cartoEditLinks)
			.where(and(eq(cartoEditLinks.ficheId, id), isNull(cartoEditLinks.revokedAt))),
		ctx.db
			.select({ id: cartoFicheChanges.id })
			.from(cartoFicheChanges)
			.where(and(eq(cartoFicheChanges.ficheId, id), eq(cartoFicheChanges.status, 'en_attente')))
	]);
	return {
		fiche,
		commune: row.commune,
		territories: await territoriesOf(ctx.db, id),
		activeLinks: links?.active ?? 0,
		pendingChangeId: pending?.id ?? null,
		toVerify: fiche.status === 'publiee' && stale(fiche.lastVerifiedAt, now)
	};
}

/**
 * Moves a fiche to another status from its admin page. Publishing or refusing a pending fiche
 * goes through the moderation decision (the contact is emailed); other moves only record it.
 */
export async function changeFicheStatus(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	to: string,
	note: string | null,
	seenUpdatedAt: Date,
	info: RequestInfo = {}
) {
	assertCan(actor, 'cartographie.moderate');
	if (!isFicheStatus(to)) throw new ValidationError({ status: 'Statut inconnu.' });
	const [current] = await ctx.db
		.select({ status: cartoFiches.status })
		.from(cartoFiches)
		.where(eq(cartoFiches.id, id));
	const fiche =
		current?.status === 'en_attente' && (to === 'publiee' || to === 'refusee')
			? await moderate(
					ctx,
					actor,
					id,
					to === 'publiee' ? 'publish' : 'reject',
					note,
					info,
					seenUpdatedAt
				)
			: await setStatus(ctx, actor, id, to, note, info, seenUpdatedAt);
	// Archiving hides it from the map at once on this instance, as publishing shows it.
	invalidate('cartographie');
	return fiche;
}

/** Marks a fiche trusted (changes through its private link apply without moderation) or not. */
export async function setTrusted(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	trusted: boolean,
	info: RequestInfo = {}
) {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(id, 'Fiche introuvable.');
	const [fiche] = await ctx.db
		.update(cartoFiches)
		.set({ trusted })
		.where(eq(cartoFiches.id, id))
		.returning({ id: cartoFiches.id });
	if (!fiche) throw new NotFoundError('Fiche introuvable.');
	await audit(
		ctx,
		actor,
		{
			action: 'cartographie.trusted',
			targetType: 'carto_fiche',
			targetId: id,
			details: { trusted }
		},
		info.ip
	);
}

/** Revokes every private link of a fiche; returns how many were active. */
export async function revokeLinks(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	info: RequestInfo = {}
) {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(id, 'Fiche introuvable.');
	const revoked = await revokeEditLinks(ctx, id);
	await audit(
		ctx,
		actor,
		{
			action: 'cartographie.links.revoke',
			targetType: 'carto_fiche',
			targetId: id,
			details: { revoked }
		},
		info.ip
	);
	return revoked;
}

/** Emails the fiche's contact a new private edit link (earlier links stay valid). */
export async function sendNewLink(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	info: RequestInfo = {}
) {
	assertCan(actor, 'cartographie.moderate');
	assertUuid(id, 'Fiche introuvable.');
	const [fiche] = await ctx.db
		.select({ name: cartoFiches.name, contactEmail: cartoFiches.contactEmail })
		.from(cartoFiches)
		.where(eq(cartoFiches.id, id));
	if (!fiche) throw new NotFoundError('Fiche introuvable.');
	if (!fiche.contactEmail) {
		throw new ValidationError(
			{ form: "Cette fiche n'a pas d'adresse email de contact : aucun lien ne peut être envoyé." },
			"Cette fiche n'a pas d'adresse email de contact."
		);
	}
	const link = await issueEditLink(ctx, id);
	await sendEmail(ctx, {
		to: fiche.contactEmail,
		kind: 'carto.edit-link',
		subject: 'Votre lien pour modifier votre fiche sur la cartographie',
		text: [
			'Bonjour,',
			'',
			`L'équipe de modération vous envoie un nouveau lien privé pour mettre à jour la fiche « ${fiche.name} » sur la cartographie de l'accompagnement :`,
			link.editUrl,
			'',
			'Gardez ce lien pour vous : toute personne qui le connaît peut proposer des modifications de la fiche.'
		].join('\n')
	});
	await audit(
		ctx,
		actor,
		{ action: 'cartographie.links.send', targetType: 'carto_fiche', targetId: id },
		info.ip
	);
	return fiche.contactEmail;
}
