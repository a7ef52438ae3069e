// The structure's side of its fiche, through the private link emailed to its contact (no
// account): edit the fiche, or confirm that it is still right. A change to a published fiche
// waits for moderation (one pending change per fiche) unless the structure is trusted.
import { and, eq } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { cartoFicheChanges, cartoFiches } from '../../server/db/schema';
import { DomainError, NotFoundError, RateLimitError, ValidationError } from '../../server/errors';
import { sendEmail } from '../../server/email/outbox';
import { clear, hit, type Limit } from '../../server/security/rate-limit';
import { getCommune } from '../geo/service.server';
import {
	applyFicheContent,
	contentOf,
	parseFicheContent,
	territoriesOf,
	type Fiche,
	type FicheContent
} from './content.server';
import { storedLogo, type ServedLogo } from '../community/logo-file.server';
import { findEditLink } from './edit-links.server';
import { moderatorEmails } from './moderators.server';
import { formFields, precheck, readFicheForm } from './fiche-input.server';
import { discardLogo, inspectLogo, logoErrors, storeLogo } from './logo.server';
import { contentToForm } from './owner-form';
import { newFormToken, proposalFormData, territoryNames, tokenWindow } from './report.server';
import { territoryItems } from './territory-input.server';

/** Edits and confirmations per IP address. */
export const editPerIp: Limit = { max: 20, windowSeconds: 60 * 60 };

export const LINK_NOT_FOUND = "Ce lien n'est pas valide ou a été désactivé.";
const CLOSED =
	"Cette fiche a été refusée ou archivée : elle ne peut plus être modifiée par ce lien. Écrivez à l'équipe de la cartographie, ou proposez une nouvelle fiche.";
const FORM_TOKEN = /^[0-9a-f]{32}$/;

export const EDIT_NOTE = 'Modification par le lien privé';
export const TRUSTED_NOTE =
	'Modification par le lien privé (structure de confiance, publiée sans modération)';
export const CONFIRM_NOTE = 'Informations confirmées par la structure';

/** The fiche a private link opens; NotFoundError for an unknown or revoked link. */
async function ficheOfToken(ctx: Ctx, token: string): Promise<Fiche> {
	const link = await findEditLink(ctx, token);
	if (!link) throw new NotFoundError(LINK_NOT_FOUND);
	const [fiche] = await ctx.db.select().from(cartoFiches).where(eq(cartoFiches.id, link.ficheId));
	if (!fiche) throw new NotFoundError(LINK_NOT_FOUND);
	return fiche;
}

const isClosed = (f: Pick<Fiche, 'status'>) => f.status === 'refusee' || f.status === 'archivee';

async function pendingChange(db: Ctx['db'], ficheId: string) {
	const [row] = await db
		.select()
		.from(cartoFicheChanges)
		.where(and(eq(cartoFicheChanges.ficheId, ficheId), eq(cartoFicheChanges.status, 'en_attente')));
	return row ?? null;
}

/** The content the edit form starts from: the pending change if any, else the fiche. */
async function currentContent(ctx: Ctx, fiche: Fiche) {
	const pending = await pendingChange(ctx.db, fiche.id);
	if (pending) return { content: contentOf(pending.data), pending };
	const territories = await territoriesOf(ctx.db, fiche.id);
	return { content: contentOf({ ...fiche, territories }), pending: null };
}

/** The edit page: the form's lists and a fresh token, the fiche's content as form values. */
export async function editFormData(ctx: Ctx, token: string) {
	const fiche = await ficheOfToken(ctx, token);
	const { content, pending } = await currentContent(ctx, fiche);
	const commune = content.communeCode ? await getCommune(ctx, content.communeCode) : null;
	const form = contentToForm(content, commune);
	return {
		...(await proposalFormData(ctx)),
		fiche: {
			name: fiche.name,
			slug: fiche.slug,
			status: fiche.status,
			trusted: fiche.trusted,
			closed: isClosed(fiche)
		},
		pendingSince: pending?.createdAt ?? null,
		hasLogo: !!content.logoPath,
		/** Changes with the logo (its key is never reused), so that the page shows the new one. */
		logoVersion: storedLogo(ctx, content.logoPath ?? null)?.etag.replaceAll('"', '') ?? null,
		current: { ...form, territoryItems: await territoryItems(ctx, content.territories) }
	};
}

/** The logo the edit page shows: that of the content in its form (a pending change's, if any). */
export async function editLogo(ctx: Ctx, token: string): Promise<ServedLogo> {
	const { content } = await currentContent(ctx, await ficheOfToken(ctx, token));
	const logo = storedLogo(ctx, content.logoPath ?? null);
	if (!logo) throw new NotFoundError("Cette fiche n'a pas de logo.");
	return logo;
}

async function notifyModerators(ctx: Ctx, fiche: Pick<Fiche, 'name'>) {
	const text = [
		`La structure « ${fiche.name} » a modifié sa fiche publiée sur la cartographie par son lien privé.`,
		'',
		'La modification attend votre relecture ; la fiche publique reste inchangée jusque-là.',
		'',
		`File de modération : ${ctx.env.baseUrl.replace(/\/$/, '')}/admin/moderation`
	].join('\n');
	for (const to of await moderatorEmails(ctx)) {
		await sendEmail(ctx, {
			to,
			kind: 'carto.change_pending',
			subject: `Modification à relire : ${fiche.name}`,
			text
		});
	}
}

export type EditOutcome = 'applied' | 'pending';

/** What an edit does to a fiche in this status: applied at once, or waiting for moderation. */
export function editOutcome(f: Pick<Fiche, 'status' | 'trusted'>): EditOutcome {
	return f.status === 'publiee' && !f.trusted ? 'pending' : 'applied';
}

/**
 * An edit through the private link (`formToObject` of the form, as the proposal's; `removeLogo`
 * to drop the logo). Same validation as the proposal; a filled honeypot or a form token already
 * used changes nothing and answers like a success. Pending or draft fiches take the content at
 * once; published ones too when trusted, otherwise the edit becomes the fiche's pending change
 * (created, or updated when one already waits) and moderators are emailed once.
 */
export async function editFiche(
	ctx: Ctx,
	token: string,
	input: Record<string, unknown>,
	info: RequestInfo = {},
	files: { logo?: Blob | null } = {}
): Promise<{ outcome: EditOutcome }> {
	const fiche = await ficheOfToken(ctx, token);
	if (isClosed(fiche)) throw new DomainError(CLOSED);
	if (typeof input.website_url === 'string' && input.website_url.trim() !== '') {
		return { outcome: editOutcome(fiche) };
	}
	const { content: base } = await currentContent(ctx, fiche);
	const { data, errors } = await readFicheForm(ctx, input);
	// A new commune with the point left as it was: the new commune's point.
	if (
		data.communeCode &&
		data.communeCode !== base.communeCode &&
		Number(String(data.lat ?? '').replace(',', '.')) === base.lat &&
		Number(String(data.lon ?? '').replace(',', '.')) === base.lon
	) {
		data.lat = '';
		data.lon = '';
	}
	precheck(data, errors);
	const formToken = typeof input.formToken === 'string' ? input.formToken : '';
	if (!FORM_TOKEN.test(formToken)) {
		errors.form ??= 'Le formulaire a expiré : vérifiez vos réponses et envoyez-le à nouveau.';
	}
	const logo = files.logo ? await inspectLogo(files.logo) : null;
	logoErrors(logo, errors);
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);

	const tokenKey = `carto-edit:${formToken}`;
	if ((await hit(ctx.db, tokenKey, tokenWindow)) > tokenWindow.max) {
		return { outcome: editOutcome(fiche) };
	}
	if ((await hit(ctx.db, `carto-edit-ip:${info.ip ?? 'unknown'}`, editPerIp)) > editPerIp.max) {
		await clear(ctx.db, tokenKey);
		throw new RateLimitError(
			'Trop de modifications depuis cette connexion. Réessayez dans une heure.'
		);
	}
	let parsed: FicheContent;
	try {
		parsed = await parseFicheContent(ctx, data);
	} catch (err) {
		await clear(ctx.db, tokenKey);
		if (err instanceof ValidationError) {
			const fields = formFields(err.fields);
			logoErrors(logo, fields);
			throw new ValidationError(fields);
		}
		throw err;
	}
	const newKey = logo ? await storeLogo(ctx, logo) : null;
	const content: FicheContent = {
		...parsed,
		logoPath: newKey ?? (input.removeLogo === 'on' ? null : (base.logoPath ?? null))
	};
	try {
		const result = await ctx.db.transaction(async (t) => {
			const tx = t as unknown as Ctx['db'];
			// Locked: two edits at once cannot both create a pending change.
			const [now] = await tx
				.select()
				.from(cartoFiches)
				.where(eq(cartoFiches.id, fiche.id))
				.for('update');
			if (!now || isClosed(now)) throw new DomainError(CLOSED);
			const outcome = editOutcome(now);
			if (outcome === 'applied') {
				const trusted = now.status === 'publiee';
				await applyFicheContent(
					tx,
					now.id,
					content,
					{ authorId: null, note: trusted ? TRUSTED_NOTE : EDIT_NOTE },
					trusted ? { lastVerifiedAt: new Date() } : {}
				);
				return { outcome, created: false, dropped: null };
			}
			const pending = await pendingChange(tx, now.id);
			const data = content as unknown as Record<string, unknown>;
			if (pending) {
				await tx
					.update(cartoFicheChanges)
					.set({ data, createdAt: new Date() })
					.where(eq(cartoFicheChanges.id, pending.id));
			} else {
				await tx.insert(cartoFicheChanges).values({ ficheId: now.id, data });
			}
			// A logo sent with an earlier pending change and replaced since: no row keeps it.
			const earlier = (pending?.data.logoPath as string | null | undefined) ?? null;
			const dropped =
				earlier && earlier !== content.logoPath && earlier !== now.logoPath ? earlier : null;
			return { outcome, created: !pending, dropped };
		});
		if (result.dropped) await discardLogo(ctx, result.dropped);
		if (result.created) await notifyModerators(ctx, fiche);
		return { outcome: result.outcome };
	} catch (err) {
		await discardLogo(ctx, newKey);
		throw err;
	}
}

/** The confirmation page: a summary of the fiche (a GET changes nothing). */
export async function confirmFormData(ctx: Ctx, token: string) {
	const fiche = await ficheOfToken(ctx, token);
	const territories = await territoriesOf(ctx.db, fiche.id);
	const commune = fiche.communeCode ? await getCommune(ctx, fiche.communeCode) : null;
	return {
		fiche: {
			name: fiche.name,
			acronym: fiche.acronym,
			shortDescription: fiche.shortDescription,
			address: fiche.address,
			commune: commune ? `${commune.nom} (${commune.departement.code})` : null,
			national: fiche.national,
			contactEmail: fiche.contactEmail,
			contactPhone: fiche.contactPhone,
			contactWebsite: fiche.contactWebsite,
			status: fiche.status,
			slug: fiche.slug,
			lastVerifiedAt: fiche.lastVerifiedAt,
			closed: isClosed(fiche)
		},
		territories: await territoryNames(ctx, territories),
		formToken: newFormToken()
	};
}

/**
 * The structure confirms that its fiche is still right: `lastVerifiedAt` is now, and one revision
 * says so (once per form token). Refused on a refused or archived fiche.
 */
export async function confirmFiche(
	ctx: Ctx,
	token: string,
	input: Record<string, unknown> = {},
	info: RequestInfo = {}
) {
	const fiche = await ficheOfToken(ctx, token);
	if (isClosed(fiche)) throw new DomainError(CLOSED);
	// A double click confirms once.
	const formToken = typeof input.formToken === 'string' ? input.formToken : '';
	if (
		FORM_TOKEN.test(formToken) &&
		(await hit(ctx.db, `carto-confirm:${formToken}`, tokenWindow)) > tokenWindow.max
	) {
		return { lastVerifiedAt: fiche.lastVerifiedAt ?? new Date() };
	}
	if ((await hit(ctx.db, `carto-edit-ip:${info.ip ?? 'unknown'}`, editPerIp)) > editPerIp.max) {
		throw new RateLimitError('Trop de demandes depuis cette connexion. Réessayez dans une heure.');
	}
	const verifiedAt = new Date();
	await ctx.db.transaction(async (t) => {
		const tx = t as unknown as Ctx['db'];
		const territories = await territoriesOf(tx, fiche.id);
		const [now] = await tx
			.select()
			.from(cartoFiches)
			.where(eq(cartoFiches.id, fiche.id))
			.for('update');
		if (!now || isClosed(now)) throw new DomainError(CLOSED);
		await applyFicheContent(
			tx,
			now.id,
			contentOf({ ...now, territories }),
			{ authorId: null, note: CONFIRM_NOTE },
			{ lastVerifiedAt: verifiedAt }
		);
	});
	return { lastVerifiedAt: verifiedAt };
}
