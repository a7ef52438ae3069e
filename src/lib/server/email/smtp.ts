import { eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Ctx } from '../context';
import { emails } from '../db/schema';

export interface DeliverOptions {
	/**
	 * Whether a failure now is the last one (no retry left). Then the email is marked 'failed';
	 * otherwise it stays 'queued', with the error recorded, for the next attempt.
	 * Defaults to true: a caller that does not retry gets a final answer.
	 */
	finalAttempt?: boolean;
}

/** The SMTP transport for the configured server; close it when done. */
export function createTransport(ctx: Ctx): Transporter {
	if (!ctx.env.SMTP_URL) throw new Error('SMTP_URL is not set');
	return nodemailer.createTransport(ctx.env.SMTP_URL);
}

const MAX_ERROR_LENGTH = 2000;

function errorText(err: unknown) {
	const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
	return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/**
 * Sends one queued email; throws on failure so the job queue retries it. Every attempt, failed or
 * not, is counted in `attempts`; a failure records `last_error`.
 */
export async function deliver(
	ctx: Ctx,
	id: string,
	transport?: Transporter,
	options: DeliverOptions = {}
) {
	const [mail] = await ctx.db.select().from(emails).where(eq(emails.id, id));
	if (!mail || mail.status === 'sent') return;
	const own = !transport;
	const smtp = transport ?? createTransport(ctx);
	try {
		await smtp.sendMail({
			from: ctx.env.MAIL_FROM,
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			attachments: (mail.attachments ?? []).map((a) => ({
				filename: a.filename,
				contentType: a.contentType,
				content: a.content
			}))
		});
	} catch (err) {
		const finalAttempt = options.finalAttempt ?? true;
		await ctx.db
			.update(emails)
			.set({
				status: finalAttempt ? 'failed' : 'queued',
				attempts: sql`${emails.attempts} + 1`,
				lastError: errorText(err)
			})
			.where(eq(emails.id, id));
		throw err;
	} finally {
		if (own) smtp.close();
	}
	await ctx.db
		.update(emails)
		.set({
			status: 'sent',
			sentAt: new Date(),
			attempts: sql`${emails.attempts} + 1`,
			lastError: null
		})
		.where(eq(emails.id, id));
}
