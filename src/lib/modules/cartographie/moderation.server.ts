// The moderation queue of the cartography: pending fiches, publish or reject, email the contact.
import { asc, eq } from 'drizzle-orm';
import type { Ctx, RequestInfo } from '../../server/context';
import { cartoFiches, geoCommunes } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { sendEmail } from '../../server/email/outbox';
import { setStatus } from './service.server';

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
			createdAt: cartoFiches.createdAt
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
	info: RequestInfo = {}
) {
	const note = message?.trim() ? message.trim().slice(0, 2_000) : null;
	const fiche = await setStatus(
		ctx,
		actor,
		id,
		decision === 'publish' ? 'publiee' : 'refusee',
		note ? `${decision === 'publish' ? 'Publiée' : 'Refusée'} : ${note}` : null,
		info
	);
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
