import {
	index,
	inet,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from '../../modules/accounts/tables';

export interface EmailAttachment {
	filename: string;
	contentType: string;
	/** UTF-8 text content (calendar files are text). */
	content: string;
}

export const emailStatus = pgEnum('email_status', ['outbox', 'queued', 'sent', 'failed']);

/** Every email goes through here; with no SMTP server it stays readable at /admin/emails. */
export const emails = pgTable(
	'emails',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		kind: text('kind').notNull(),
		/** Files sent with the message (an event's .ics); small, so kept inline. */
		attachments: jsonb('attachments').$type<EmailAttachment[]>(),
		status: emailStatus('status').notNull().default('outbox'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [index('emails_created_idx').on(t.createdAt), index('emails_to_idx').on(t.to)]
);

export const auditLog = pgTable(
	'audit_log',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		targetType: text('target_type'),
		targetId: text('target_id'),
		details: jsonb('details').$type<Record<string, unknown>>(),
		ip: inet('ip')
	},
	(t) => [index('audit_log_at_idx').on(t.at)]
);

/** Fixed-window counters shared by every app instance. */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	count: integer('count').notNull().default(0),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow()
});
