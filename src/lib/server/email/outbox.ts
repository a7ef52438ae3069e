import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { emails } from '../db/schema';
import type { EmailAttachment } from '../db/platform-tables';
import { assertCan, type Actor } from '../auth/policy';
import { NotFoundError } from '../errors';

export interface Message {
	to: string;
	subject: string;
	text: string;
	kind: string;
	/** Files sent with the email (a calendar invitation); kept with it in the outbox. */
	attachments?: EmailAttachment[];
}

export const EMAIL_QUEUE = 'email.send';

/**
 * Every email is written to the outbox first. With SMTP configured it is queued for the
 * sender job; without, it stays in the outbox, readable by admins.
 */
export async function sendEmail(ctx: Ctx, message: Message) {
	const smtp = !!ctx.env.SMTP_URL && !!ctx.enqueue;
	const [row] = await ctx.db
		.insert(emails)
		.values({
			...message,
			attachments: message.attachments?.length ? message.attachments : null,
			status: smtp ? 'queued' : 'outbox'
		})
		.returning({ id: emails.id });
	if (smtp) {
		try {
			await ctx.enqueue!(EMAIL_QUEUE, { id: row!.id });
		} catch (err) {
			// Not queued: say so on the row rather than leave it 'queued' with no job behind it.
			await ctx.db
				.update(emails)
				.set({ status: 'failed', lastError: `Not queued: ${String(err)}` })
				.where(eq(emails.id, row!.id))
				.catch(() => undefined);
			throw err;
		}
	}
	return row!.id;
}

export async function listEmails(ctx: Ctx, actor: Actor | null, limit = 100) {
	assertCan(actor, 'emails.read');
	return ctx.db
		.select({
			id: emails.id,
			to: emails.to,
			subject: emails.subject,
			kind: emails.kind,
			status: emails.status,
			createdAt: emails.createdAt
		})
		.from(emails)
		.orderBy(desc(emails.createdAt))
		.limit(limit);
}

export async function getEmail(ctx: Ctx, actor: Actor | null, id: string) {
	assertCan(actor, 'emails.read');
	if (!/^[0-9a-f-]{36}$/.test(id)) throw new NotFoundError();
	const [row] = await ctx.db.select().from(emails).where(eq(emails.id, id));
	if (!row) throw new NotFoundError('Email introuvable.');
	return row;
}

/** One attached file of an email, for the outbox's download link. */
export async function getEmailAttachment(
	ctx: Ctx,
	actor: Actor | null,
	id: string,
	index: number
): Promise<EmailAttachment> {
	const email = await getEmail(ctx, actor, id);
	const file = Number.isInteger(index) ? email.attachments?.[index] : undefined;
	if (!file) throw new NotFoundError('Pièce jointe introuvable.');
	return file;
}
