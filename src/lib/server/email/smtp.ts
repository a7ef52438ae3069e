import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Ctx } from '../context';
import { emails } from '../db/schema';

/** Sends one queued email; throws on failure so the job queue retries it. */
export async function deliver(ctx: Ctx, id: string, transport = nodemailer.createTransport(ctx.env.SMTP_URL)) {
	const [mail] = await ctx.db.select().from(emails).where(eq(emails.id, id));
	if (!mail || mail.status === 'sent') return;
	try {
		await transport.sendMail({ from: ctx.env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
		await ctx.db
			.update(emails)
			.set({ status: 'sent', sentAt: new Date(), attempts: sql`${emails.attempts} + 1`, lastError: null })
			.where(eq(emails.id, id));
	} catch (err) {
		await ctx.db
			.update(emails)
			.set({ status: 'failed', attempts: sql`${emails.attempts} + 1`, lastError: String(err) })
			.where(eq(emails.id, id));
		throw err;
	}
}
