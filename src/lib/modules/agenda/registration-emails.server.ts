// The French emails of registration: confirmation and promotion carry the event's .ics.
import type { Ctx } from '../../server/context';
import type { EmailAttachment } from '../../server/db/platform-tables';
import { sendEmail } from '../../server/email/outbox';
import { log } from '../../server/log';
import type { EventRow } from './repository.server';
import { eventAttachment } from './registration-ics.server';

export interface Recipient {
	name: string;
	email: string;
	/** A guest without an account manages the registration with the emailed link. */
	guest: boolean;
}

const paris = new Intl.DateTimeFormat('fr-FR', {
	dateStyle: 'full',
	timeStyle: 'short',
	timeZone: 'Europe/Paris'
});
const parisDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'Europe/Paris' });

/** « mardi 7 janvier 2025 à 18:00 », or the day alone for an all-day event. */
export function whenText(event: Pick<EventRow, 'startsAt' | 'allDay'>) {
	return event.allDay ? parisDay.format(event.startsAt) : paris.format(event.startsAt);
}

function details(ctx: Ctx, event: EventRow) {
	const place = [event.placeName, event.address].filter(Boolean).join(', ');
	return [
		`Quand : ${whenText(event)}`,
		...(place ? [`Où : ${place}`] : []),
		...(event.onlineUrl ? [`En ligne : ${event.onlineUrl}`] : []),
		`Programme et informations : ${ctx.env.baseUrl}/agenda/${event.slug}`
	];
}

const manage = (r: Recipient) =>
	r.guest
		? 'Pour vous désinscrire, utilisez le lien reçu dans le premier email de votre inscription.'
		: 'Vous pouvez vous désinscrire depuis la page de l’événement.';

async function write(
	ctx: Ctx,
	to: Recipient,
	kind: string,
	subject: string,
	lines: string[],
	attachments?: () => Promise<EmailAttachment[]>
) {
	await sendEmail(ctx, {
		to: to.email,
		kind,
		subject,
		text: [`Bonjour ${to.name},`, '', ...lines].join('\n'),
		attachments: attachments ? await attachments() : undefined
	});
}

/** After the registration is stored: a failure to build or queue the email must not undo it. */
async function send(...args: Parameters<typeof write>) {
	try {
		await write(...args);
	} catch (err) {
		log.error(`[agenda] email ${args[2]} non envoyé à ${args[1].email} :`, err);
	}
}

export async function sendConfirmation(ctx: Ctx, event: EventRow, to: Recipient) {
	await send(
		ctx,
		to,
		'agenda.registration.confirmed',
		`Inscription confirmée : ${event.title}`,
		[
			`Votre inscription à « ${event.title} » est confirmée.`,
			'',
			...details(ctx, event),
			'',
			'Le fichier joint ajoute l’événement à votre agenda.',
			manage(to)
		],
		async () => [await eventAttachment(ctx, event)]
	);
}

export async function sendWaitingList(ctx: Ctx, event: EventRow, to: Recipient, position: number) {
	await send(ctx, to, 'agenda.registration.waiting', `Liste d’attente : ${event.title}`, [
		`« ${event.title} » est complet : vous êtes sur la liste d’attente, en position ${position}.`,
		'Si une place se libère, vous serez inscrit·e automatiquement et prévenu·e par email.',
		'',
		...details(ctx, event),
		'',
		manage(to)
	]);
}

export async function sendPromotion(ctx: Ctx, event: EventRow, to: Recipient) {
	await send(
		ctx,
		to,
		'agenda.registration.promoted',
		`Une place s’est libérée : vous êtes inscrit·e à ${event.title}`,
		[
			`Une place s’est libérée à « ${event.title} » : vous quittez la liste d’attente, votre inscription est confirmée.`,
			'',
			...details(ctx, event),
			'',
			'Le fichier joint ajoute l’événement à votre agenda.',
			manage(to)
		],
		async () => [await eventAttachment(ctx, event)]
	);
}

export async function sendGuestLink(ctx: Ctx, event: EventRow, to: Recipient, link: string) {
	await send(ctx, to, 'agenda.registration.guest', `Confirmez votre inscription : ${event.title}`, [
		`Vous avez demandé à vous inscrire à « ${event.title} ».`,
		'Pour confirmer votre inscription, ouvrez ce lien :',
		link,
		'',
		...details(ctx, event),
		'',
		'Le même lien vous permettra plus tard de vous désinscrire : gardez cet email.',
		'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera enregistré sans confirmation.'
	]);
}

export async function sendUnregistered(ctx: Ctx, event: EventRow, to: Recipient) {
	await send(ctx, to, 'agenda.registration.cancelled', `Désinscription : ${event.title}`, [
		`Votre désinscription de « ${event.title} » (${whenText(event)}) est enregistrée.`,
		'Vous pouvez vous inscrire à nouveau tant que les inscriptions sont ouvertes :',
		`${ctx.env.baseUrl}/agenda/${event.slug}`
	]);
}

/** Throws on failure: the reminder's claim is then given back for the next run. */
export async function sendReminder(ctx: Ctx, event: EventRow, to: Recipient) {
	await write(
		ctx,
		to,
		'agenda.reminder',
		`Rappel : ${event.title}, demain`,
		[
			`Petit rappel : vous êtes inscrit·e à « ${event.title} ».`,
			'',
			...details(ctx, event),
			'',
			manage(to)
		],
		async () => [await eventAttachment(ctx, event, 'PUBLISH')]
	);
}
