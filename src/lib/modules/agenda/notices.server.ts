/**
 * Change and cancellation notices to the people registered (confirmed or waiting), in French,
 * with the event's calendar file so that their calendar updates itself.
 */
import { and, inArray } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import type { EmailAttachment } from '../../server/db/platform-tables';
import { registrations } from '../../server/db/schema';
import { sendEmail } from '../../server/email/outbox';
import { log } from '../../server/log';
import { formatWhen, formatWhere } from './event-item';
import type { EventRow } from './repository.server';
import { icsForEvent } from './ical/event-ics.server';

export type Notice = 'change' | 'cancel';

/** The calendar file: REQUEST updates the invitation, CANCEL (STATUS:CANCELLED) removes it. */
async function calendarFile(ctx: Ctx, event: EventRow, notice: Notice): Promise<EmailAttachment> {
	const method = notice === 'cancel' ? 'CANCEL' : 'REQUEST';
	return {
		filename: `${event.slug}.ics`,
		contentType: `text/calendar; charset=utf-8; method=${method}`,
		content: await icsForEvent(ctx, event.id, method)
	};
}

function text(ctx: Ctx, event: EventRow, notice: Notice, name: string, note?: string) {
	const where = formatWhere({ ...event, commune: null });
	const lines =
		notice === 'cancel'
			? [
					`L’événement « ${event.title} » prévu ${formatWhen(event)} est annulé.`,
					'Votre inscription n’a plus d’objet ; le fichier joint retire l’événement de votre agenda.'
				]
			: [
					`L’événement « ${event.title} » auquel vous êtes inscrit·e a été modifié.`,
					'',
					`Quand : ${formatWhen(event)}`,
					...(where ? [`Où : ${where}`] : []),
					...(event.onlineUrl ? [`En ligne : ${event.onlineUrl}`] : []),
					'',
					'Le fichier joint met votre agenda à jour.'
				];
	return [
		`Bonjour ${name},`,
		'',
		...lines,
		...(note ? ['', note] : []),
		'',
		`Informations : ${ctx.env.baseUrl}/agenda/${event.slug}`
	].join('\n');
}

/** Emails everyone registered to these events about the change or the cancellation. */
export async function notifyRegistered(
	ctx: Ctx,
	eventRows: EventRow[],
	notice: Notice,
	note?: string
) {
	if (eventRows.length === 0) return 0;
	const regs = await ctx.db
		.select({
			eventId: registrations.eventId,
			name: registrations.name,
			email: registrations.email
		})
		.from(registrations)
		.where(
			and(
				inArray(
					registrations.eventId,
					eventRows.map((e) => e.id)
				),
				inArray(registrations.status, ['confirmee', 'liste_attente'])
			)
		);
	let sent = 0;
	for (const event of eventRows) {
		const mine = regs.filter((r) => r.eventId === event.id);
		if (mine.length === 0) continue;
		const attachment = await calendarFile(ctx, event, notice);
		const subject = notice === 'cancel' ? `Annulé : ${event.title}` : `Modifié : ${event.title}`;
		for (const r of mine) {
			// After the change is stored: a failure to queue one email must not undo it.
			try {
				await sendEmail(ctx, {
					to: r.email,
					kind: notice === 'cancel' ? 'agenda.cancelled' : 'agenda.changed',
					subject,
					text: text(ctx, event, notice, r.name, note),
					attachments: [attachment]
				});
				sent++;
			} catch (err) {
				log.error(`[agenda] avis ${notice} non envoyé à ${r.email} :`, err);
			}
		}
	}
	return sent;
}
