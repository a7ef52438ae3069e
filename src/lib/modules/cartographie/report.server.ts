// The public side of a fiche: the contribution form (commune typed in words, territories from
// lists and typed lines, an optional logo, one fiche per form token, the private edit link
// emailed), the fiche page, and "Signaler une erreur".
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx, RequestInfo } from '../../server/context';
import { cartoFicheRevisions, cartoFiches, geoEpcis } from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { RateLimitError, ValidationError } from '../../server/errors';
import { validate } from '../../server/forms';
import { clear, hit, type Limit } from '../../server/security/rate-limit';
import { sendEmail } from '../../server/email/outbox';
import { getCommune, listDepartements, listRegions } from '../geo/service.server';
import { renderMarkdown } from '../pages/markdown';
import { logoVersion } from '../community/rules';
import { hasHtmlTag, HTML_MESSAGE, stale } from './rules';
import { resolveCommune } from './commune-input.server';
import { issueEditLink } from './edit-links.server';
import { formFields, precheck, readFicheForm } from './fiche-input.server';
import { inspectLogo, logoErrors, storeLogo } from './logo.server';
import { loadReferenceLists, type ReferenceItem } from './reference.server';
import { moderatorEmails } from './moderators.server';
import { getFiche, submitFiche, type FicheTerritory } from './service.server';

/** Contributions per IP address. */
export const submitPerIp: Limit = { max: 5, windowSeconds: 60 * 60 };
/** How long a form token stays used: a second submission with it within this time is a double. */
export const tokenWindow: Limit = { max: 1, windowSeconds: 10 * 60 };
/** Error reports per IP address. */
export const reportPerIp: Limit = { max: 5, windowSeconds: 60 * 60 };

const TOKEN = /^[0-9a-f]{32}$/;

/** A random one-time token for the contribution form (hidden field `formToken`). */
export function newFormToken(): string {
	return crypto.randomUUID().replaceAll('-', '');
}

/** What the contribution form needs: the reference lists, départements and régions. */
export async function proposalFormData(ctx: Ctx) {
	const [lists, departements, regions] = await Promise.all([
		loadReferenceLists(ctx),
		listDepartements(ctx),
		listRegions(ctx)
	]);
	return {
		lists,
		departements: departements.map((d) => ({ code: d.code, nom: d.nom })),
		regions: regions.map((r) => ({ code: r.code, nom: r.nom })),
		formToken: newFormToken()
	};
}

export { resolveCommune };

/** What the fiche form may send besides its text fields. */
export interface FicheFiles {
	logo?: Blob | null;
}

/** The email that gives a fiche's contact its private link. */
function editLinkEmail(name: string, editUrl: string) {
	return [
		'Bonjour,',
		'',
		`Merci d'avoir proposé la fiche « ${name} » sur la cartographie de l'accompagnement des coopérations territoriales. L'équipe de modération va la relire avant de la publier.`,
		'',
		'Pour modifier votre fiche à tout moment, utilisez ce lien privé :',
		editUrl,
		'',
		"Ce lien est personnel : ne le transmettez qu'aux personnes de votre structure. Il reste valable tant que l'équipe de modération ne l'a pas désactivé. Les modifications d'une fiche publiée sont relues avant d'être publiées."
	].join('\n');
}

/**
 * A contribution from the public form (`formToObject` of it): the commune typed in words
 * (`commune`), territories from lists and typed lines (see readFicheForm), an optional logo, a
 * one-time `formToken`. A filled honeypot (`website_url`) is ignored silently; a token already
 * used within ten minutes (a double click) creates nothing and answers like a success. The
 * contact email, when given, receives the private edit link. Returns the fiche created (with
 * `linkSentTo`), or null.
 */
export async function proposeFiche(
	ctx: Ctx,
	actor: Actor | null,
	input: Record<string, unknown>,
	info: RequestInfo = {},
	files: FicheFiles = {}
) {
	if (typeof input.website_url === 'string' && input.website_url.trim() !== '') return null;
	const { data, errors } = await readFicheForm(ctx, input);
	precheck(data, errors);
	const token = typeof input.formToken === 'string' ? input.formToken : '';
	if (!TOKEN.test(token)) {
		errors.form ??= 'Le formulaire a expiré : vérifiez vos réponses et envoyez-le à nouveau.';
	}
	const logo = files.logo ? await inspectLogo(files.logo) : null;
	logoErrors(logo, errors);
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);

	const tokenKey = `carto-submit:${token}`;
	if ((await hit(ctx.db, tokenKey, tokenWindow)) > tokenWindow.max) return null;
	if (
		(await hit(ctx.db, `carto-submit-ip:${info.ip ?? 'unknown'}`, submitPerIp)) > submitPerIp.max
	) {
		await clear(ctx.db, tokenKey);
		throw new RateLimitError(
			'Trop de propositions depuis cette connexion. Réessayez dans une heure.'
		);
	}
	let fiche: Awaited<ReturnType<typeof submitFiche>>;
	try {
		fiche = await submitFiche(ctx, actor, data);
	} catch (err) {
		// Nothing was stored: the same form may be sent again once corrected.
		await clear(ctx.db, tokenKey);
		if (err instanceof ValidationError) {
			const fields = formFields(err.fields);
			logoErrors(logo, fields);
			throw new ValidationError(fields);
		}
		throw err;
	}
	const logoPath = logo ? await storeLogo(ctx, logo) : null;
	if (logoPath) {
		await ctx.db.transaction(async (tx) => {
			await tx.update(cartoFiches).set({ logoPath }).where(eq(cartoFiches.id, fiche.id));
			// The first revision keeps the fiche as proposed, logo included.
			await tx
				.update(cartoFicheRevisions)
				.set({ data: sql`${cartoFicheRevisions.data} || ${JSON.stringify({ logoPath })}::jsonb` })
				.where(eq(cartoFicheRevisions.ficheId, fiche.id));
		});
	}
	let linkSentTo: string | null = null;
	if (fiche.contactEmail) {
		const link = await issueEditLink(ctx, fiche.id);
		await sendEmail(ctx, {
			to: fiche.contactEmail,
			kind: 'carto.edit_link',
			subject: `Votre fiche « ${fiche.name} » : lien pour la modifier`,
			text: editLinkEmail(fiche.name, link.editUrl)
		});
		linkSentTo = fiche.contactEmail;
	}
	return { ...fiche, logoPath, linkSentTo };
}

const labelsOf = (items: ReferenceItem[], codes: string[]) => {
	const byCode = new Map(items.map((i) => [i.code, i.label]));
	return codes.map((c) => byCode.get(c) ?? c);
};

/** Names of territories of intervention, in words ("Rhône (69)", "Auvergne-Rhône-Alpes"). */
export async function territoryNames(ctx: Ctx, territories: FicheTerritory[]): Promise<string[]> {
	if (territories.length === 0) return [];
	const [departements, regions] = await Promise.all([listDepartements(ctx), listRegions(ctx)]);
	const dep = new Map(departements.map((d) => [d.code, d.nom]));
	const reg = new Map(regions.map((r) => [r.code, r.nom]));
	const epciCodes = territories.filter((t) => t.kind === 'epci').map((t) => t.code);
	const epcis = new Map(
		epciCodes.length === 0
			? []
			: (
					await ctx.db
						.select({ code: geoEpcis.code, nom: geoEpcis.nom })
						.from(geoEpcis)
						.where(inArray(geoEpcis.code, epciCodes))
				).map((e) => [e.code, e.nom])
	);
	const names: string[] = [];
	const order = { region: 0, departement: 1, epci: 2, commune: 3 } as const;
	for (const t of [...territories].sort((a, b) => order[a.kind] - order[b.kind])) {
		if (t.kind === 'region') names.push(reg.get(t.code) ?? `Région ${t.code}`);
		else if (t.kind === 'departement') {
			names.push(`${dep.get(t.code) ?? 'Département'} (${t.code})`);
		} else if (t.kind === 'epci') names.push(epcis.get(t.code) ?? `EPCI ${t.code}`);
		else {
			const c = await getCommune(ctx, t.code);
			names.push(c ? `${c.nom} (${c.departement.code})` : `Commune ${t.code}`);
		}
	}
	return names;
}

/** The fiche page: the fiche as `getFiche` shows it to `actor`, with its labels and names. */
export async function ficheView(ctx: Ctx, actor: Actor | null, slug: string) {
	const fiche = await getFiche(ctx, actor, slug);
	const [lists, commune, territories] = await Promise.all([
		loadReferenceLists(ctx),
		fiche.communeCode ? getCommune(ctx, fiche.communeCode) : Promise.resolve(null),
		territoryNames(ctx, fiche.territories)
	]);
	return {
		fiche,
		stale: stale(fiche.lastVerifiedAt, new Date()),
		logoUrl: fiche.logoPath
			? `/cartographie/${encodeURIComponent(fiche.slug)}/logo?v=${logoVersion(fiche.logoPath)}`
			: null,
		presentationHtml: fiche.presentation ? renderMarkdown(fiche.presentation) : null,
		commune: commune
			? {
					nom: commune.nom,
					codePostal: commune.codesPostaux[0] ?? null,
					departement: commune.departement.nom,
					region: commune.region.nom
				}
			: null,
		territories,
		labels: {
			cooperationKinds: labelsOf(lists.cooperation_kind, fiche.cooperationKinds),
			dimensions: labelsOf(lists.dimension, fiche.dimensions),
			modalities: labelsOf(lists.modality, fiche.modalities),
			stages: labelsOf(lists.stage, fiche.stages),
			cost: fiche.cost ? (labelsOf(lists.cost, [fiche.cost])[0] ?? null) : null
		}
	};
}

const reportSchema = z.object({
	message: z.preprocess(
		(v) => (typeof v === 'string' ? v.trim() : v),
		z
			.string({ error: 'Indiquez ce qui est inexact.' })
			.min(1, 'Indiquez ce qui est inexact.')
			.max(2_000, 'Le message ne doit pas dépasser 2 000 caractères.')
			.refine((s) => !hasHtmlTag(s), HTML_MESSAGE)
	),
	email: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null),
		z
			.email({ error: 'Adresse email invalide (exemple : nom@exemple.fr).' })
			.max(254, 'Adresse email invalide (exemple : nom@exemple.fr).')
			.nullable()
	),
	website_url: z.string().optional()
});

/**
 * Someone reports an error on a fiche they can see: every active coordination and admin
 * account gets an email. A filled honeypot is ignored silently. Returns the number of emails.
 */
export async function reportFicheError(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	input: unknown,
	info: RequestInfo = {}
) {
	const fiche = await getFiche(ctx, actor, slug);
	const data = validate(reportSchema, input);
	if (data.website_url) return 0;
	if (
		(await hit(ctx.db, `carto-report-ip:${info.ip ?? 'unknown'}`, reportPerIp)) > reportPerIp.max
	) {
		throw new RateLimitError(
			'Trop de signalements depuis cette connexion. Réessayez dans une heure.'
		);
	}
	const moderators = await moderatorEmails(ctx);
	const link = `${ctx.env.baseUrl}/cartographie/${fiche.slug}`;
	const text = [
		`Une erreur a été signalée sur la fiche « ${fiche.name} » de la cartographie.`,
		'',
		'Message :',
		data.message,
		'',
		data.email ? `Adresse de la personne : ${data.email}` : 'Adresse de la personne : non indiquée',
		'',
		`Voir la fiche : ${link}`
	].join('\n');
	let sent = 0;
	for (const to of moderators) {
		await sendEmail(ctx, {
			to,
			kind: 'carto.report',
			subject: `Erreur signalée : ${fiche.name}`,
			text
		});
		sent++;
	}
	return sent;
}
