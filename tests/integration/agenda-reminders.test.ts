import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, like } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { secondInstance } from '../helpers/second-instance';
import { emails, events, eventSeries, registrations } from '../../src/lib/server/db/schema';
import { insertEvent } from '../../src/lib/modules/agenda/repository.server';
import { register } from '../../src/lib/modules/agenda/registration.server';
import {
	runReminderJob,
	scheduleReminder,
	sendDueReminders
} from '../../src/lib/modules/agenda/reminders.server';
import { runAgendaSweep } from '../../src/lib/modules/agenda/timer.server';
import { startJobs } from '../../src/lib/server/jobs';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(async () => t?.close());

const HOUR = 3600_000;

/** An event starting at `startsAt`, with `n` members registered (and confirmed) 3 days before. */
async function eventWithPeople(startsAt: Date, n: number, ctx = t.ctx) {
	const event = await insertEvent(ctx.db, {
		slug: `rappel-${randomBytes(4).toString('hex')}`,
		kind: 'reunion_chantier',
		title: 'Réunion du chantier',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * HOUR)
	});
	const people = [];
	for (let i = 0; i < n; i++) {
		const p = await makeUser(ctx);
		await register(ctx, p.actor, event.id, new Date(startsAt.getTime() - 72 * HOUR));
		people.push(p);
	}
	// Registered long before the reminder time.
	await ctx.db
		.update(registrations)
		.set({ confirmedAt: new Date(startsAt.getTime() - 72 * HOUR) })
		.where(eq(registrations.eventId, event.id));
	return { event, people };
}

const reminders = (eventTitle = 'Réunion du chantier') =>
	t.ctx.db
		.select()
		.from(emails)
		.where(and(eq(emails.kind, 'agenda.reminder'), like(emails.subject, `%${eventTitle}%`)));

describe('day-before reminders', () => {
	it('sends one reminder to each confirmed registration once due, never twice', async () => {
		const startsAt = new Date(Date.now() + 30 * HOUR);
		const { event, people } = await eventWithPeople(startsAt, 3);
		// A cancelled registration and a waiting one get nothing.
		await t.ctx.db
			.update(registrations)
			.set({ status: 'annulee' })
			.where(eq(registrations.userId, people[2]!.user.id));

		expect(await sendDueReminders(t.ctx, event.id, new Date(startsAt.getTime() - 25 * HOUR))).toBe(
			0
		);
		const due = new Date(startsAt.getTime() - 23 * HOUR);
		expect(await sendDueReminders(t.ctx, event.id, due)).toBe(2);
		expect(await sendDueReminders(t.ctx, event.id, due)).toBe(0);
		const sent = (await reminders()).filter((m) => people.some((p) => p.user.email === m.to));
		expect(sent.map((m) => m.to).sort()).toEqual(
			[people[0]!.user.email, people[1]!.user.email].sort()
		);
		expect(sent[0]!.subject).toBe('Rappel : Réunion du chantier, demain');
		expect(sent[0]!.attachments![0]!.filename).toBe(`${event.slug}.ics`);
		const rows = await t.ctx.db
			.select()
			.from(registrations)
			.where(eq(registrations.eventId, event.id));
		expect(rows.filter((r) => r.remindedAt).length).toBe(2);
	});

	it('runs once from two instances sweeping at the same moment', async () => {
		const other = await secondInstance(t);
		try {
			const startsAt = new Date(Date.now() + 10 * HOUR);
			const { event } = await eventWithPeople(startsAt, 6);
			const now = new Date();
			const counts = await Promise.all([
				sendDueReminders(t.ctx, null, now),
				sendDueReminders(other.ctx, null, now),
				runAgendaSweep(
					other.ctx,
					other.pool,
					{ lastSeriesDay: now.toISOString().slice(0, 10) },
					now
				)
			]);
			expect(counts.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(6);
			const rows = await t.ctx.db
				.select()
				.from(registrations)
				.where(eq(registrations.eventId, event.id));
			expect(rows.every((r) => r.remindedAt)).toBe(true);
		} finally {
			await other.close();
		}
	});

	it('gives the claim back when the email cannot be queued, for the next run', async () => {
		const startsAt = new Date(Date.now() + 5 * HOUR);
		const { event } = await eventWithPeople(startsAt, 1);
		const broken = {
			...t.ctx,
			env: { ...t.ctx.env, SMTP_URL: 'smtp://127.0.0.1:9' },
			enqueue: async () => {
				throw new Error('file indisponible');
			}
		};
		expect(await sendDueReminders(broken, event.id)).toBe(0);
		const [row] = await t.ctx.db
			.select()
			.from(registrations)
			.where(eq(registrations.eventId, event.id));
		expect(row!.remindedAt).toBeNull();
		expect(await sendDueReminders(t.ctx, event.id)).toBe(1);
	});

	it('the job does nothing for a cancelled event or an outdated sequence', async () => {
		const startsAt = new Date(Date.now() + 12 * HOUR);
		const { event } = await eventWithPeople(startsAt, 2);
		expect(await runReminderJob(t.ctx, { eventId: event.id, sequence: event.sequence + 1 })).toBe(
			0
		);
		await t.ctx.db.update(events).set({ status: 'annule' }).where(eq(events.id, event.id));
		expect(await runReminderJob(t.ctx, { eventId: event.id, sequence: event.sequence })).toBe(0);
		await t.ctx.db.update(events).set({ status: 'confirme' }).where(eq(events.id, event.id));
		expect(await runReminderJob(t.ctx, { eventId: event.id, sequence: event.sequence })).toBe(2);
	});

	it('the queue runs the reminder job at its time', async () => {
		const jobs = await startJobs(t.ctx, t.url, { pollingIntervalSeconds: 0.5 });
		try {
			const ctx = { ...t.ctx, enqueue: jobs.enqueue };
			// Within 24 hours: the job is due at once.
			const startsAt = new Date(Date.now() + 20 * HOUR);
			const { event, people } = await eventWithPeople(startsAt, 1);
			await scheduleReminder(ctx, event.id);
			const deadline = Date.now() + 10_000;
			let sent: (typeof emails.$inferSelect)[] = [];
			while (Date.now() < deadline) {
				sent = (await reminders()).filter((m) => m.to === people[0]!.user.email);
				if (sent.length > 0) break;
				await new Promise((r) => setTimeout(r, 200));
			}
			expect(sent).toHaveLength(1);
		} finally {
			await jobs.stop();
		}
	});
});

describe('the agenda timer', () => {
	it('extends the recurring series once a day, without a queue', async () => {
		const other = await secondInstance(t);
		try {
			const [series] = await t.ctx.db
				.insert(eventSeries)
				.values({
					rrule: 'FREQ=WEEKLY',
					dtstartLocal: '2020-01-07T18:00',
					durationMinutes: 120,
					generatedUntil: new Date(Date.now() - HOUR)
				})
				.returning();
			await insertEvent(t.ctx.db, {
				slug: `serie-${randomBytes(4).toString('hex')}`,
				kind: 'reunion_chantier',
				title: 'Réunion hebdomadaire',
				startsAt: new Date(Date.now() - 2 * 24 * HOUR),
				endsAt: new Date(Date.now() - 2 * 24 * HOUR + 2 * HOUR),
				seriesId: series!.id,
				recurrenceId: new Date(Date.now() - 2 * 24 * HOUR)
			});
			const occurrences = async () =>
				(
					await t.ctx.db.select({ n: count() }).from(events).where(eq(events.seriesId, series!.id))
				)[0]!.n;
			expect(await occurrences()).toBe(1);
			const state: { lastSeriesDay?: string } = {};
			expect(await runAgendaSweep(other.ctx, other.pool, state)).not.toBeNull();
			expect(state.lastSeriesDay).toBe(new Date().toISOString().slice(0, 10));
			const made = await occurrences();
			expect(made).toBeGreaterThan(1);
			const [after] = await t.ctx.db
				.select()
				.from(eventSeries)
				.where(eq(eventSeries.id, series!.id));
			expect(after!.generatedUntil!.getTime()).toBeGreaterThan(Date.now());
			// The same day, the sweep leaves the series alone.
			await t.ctx.db
				.update(eventSeries)
				.set({ generatedUntil: new Date(Date.now() - HOUR) })
				.where(eq(eventSeries.id, series!.id));
			await runAgendaSweep(other.ctx, other.pool, state);
			const [same] = await t.ctx.db
				.select()
				.from(eventSeries)
				.where(eq(eventSeries.id, series!.id));
			expect(same!.generatedUntil!.getTime()).toBeLessThan(Date.now());
		} finally {
			await other.close();
		}
	});
});
