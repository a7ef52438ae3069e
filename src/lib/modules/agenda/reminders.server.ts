// The day-before reminder to confirmed registrations. With the job queue, one job per event and
// version (sequence) runs at the reminder time; a sweep of the app's timer sends whatever is due
// too, so reminders go out without a queue (embedded default). Each registration is claimed by a
// conditional UPDATE … RETURNING of reminded_at: never reminded twice, whoever runs.
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { events } from '../../server/db/schema';
import { log } from '../../server/log';
import { REMINDER_LEAD_MS, reminderTime } from './registration-rules';
import { sendReminder } from './registration-emails.server';

export const REMINDER_QUEUE = 'agenda.reminder';

export interface ReminderJob {
	eventId: string;
	sequence: number;
}

type Claimed = { id: string; name: string; email: string; userId: string | null };

/**
 * Queues the event's reminder job at its reminder time (once per event and sequence: a changed
 * event gets a new job, and the old one, finding another sequence, does nothing). Without a queue
 * the sweep does the work. Call it after creating or changing an event, and after registrations.
 */
export async function scheduleReminder(ctx: Ctx, eventId: string) {
	if (!ctx.enqueue) return;
	const [event] = await ctx.db
		.select({ startsAt: events.startsAt, sequence: events.sequence, status: events.status })
		.from(events)
		.where(eq(events.id, eventId));
	if (!event || event.status === 'annule' || event.startsAt.getTime() <= Date.now()) return;
	const data: ReminderJob = { eventId, sequence: event.sequence };
	try {
		await ctx.enqueue(
			REMINDER_QUEUE,
			{ ...data },
			{
				startAfter: reminderTime(event.startsAt),
				singletonKey: `${eventId}:${event.sequence}`
			}
		);
	} catch (err) {
		// The sweep sends it anyway.
		log.error(`[agenda] rappel non programmé (${eventId}) :`, err);
	}
}

/**
 * Claims and emails the due reminders of one event, or of every event starting within 24 hours
 * (eventId null). Due: see isReminderDue (the same rule, in SQL). A failed email gives the claim
 * back for the next run. Returns the number sent.
 */
export async function sendDueReminders(ctx: Ctx, eventId: string | null, now = new Date()) {
	const at = now.toISOString();
	const horizon = new Date(now.getTime() + REMINDER_LEAD_MS).toISOString();
	const { rows } = await ctx.db.execute<Claimed & { eventId: string }>(sql`
		update event_registrations r
		set reminded_at = ${at}::timestamptz
		from events e
		where e.id = r.event_id
			and ${eventId === null ? sql`true` : sql`e.id = ${eventId}`}
			and e.status = 'confirme'
			and e.starts_at > ${at}::timestamptz
			and e.starts_at <= ${horizon}::timestamptz
			and r.status = 'confirmee'
			and r.reminded_at is null
			and (r.confirmed_at is null or r.confirmed_at < e.starts_at - interval '24 hours')
		returning r.id, r.name, r.email, r.user_id as "userId", r.event_id as "eventId"`);
	const byEvent = new Map<string, (typeof rows)[number][]>();
	for (const r of rows) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r]);
	let sent = 0;
	for (const [id, regs] of byEvent) {
		const [event] = await ctx.db.select().from(events).where(eq(events.id, id));
		for (const r of regs) {
			try {
				await sendReminder(ctx, event!, { name: r.name, email: r.email, guest: !r.userId });
				sent++;
			} catch (err) {
				log.error(`[agenda] rappel non envoyé (${r.id}) :`, err);
				await ctx.db.execute(
					sql`update event_registrations set reminded_at = null where id = ${r.id}`
				);
			}
		}
	}
	return sent;
}

/** The job's handler: nothing for a cancelled event or one changed since the job was queued. */
export async function runReminderJob(ctx: Ctx, job: ReminderJob, now = new Date()) {
	const [event] = await ctx.db
		.select({ status: events.status })
		.from(events)
		.where(and(eq(events.id, job.eventId), eq(events.sequence, job.sequence)));
	if (!event || event.status === 'annule') return 0;
	return sendDueReminders(ctx, job.eventId, now);
}
