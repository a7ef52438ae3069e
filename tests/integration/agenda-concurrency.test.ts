import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { secondInstance } from '../helpers/second-instance';
import { registrations } from '../../src/lib/server/db/schema';
import { insertEvent } from '../../src/lib/modules/agenda/repository.server';
import { register, unregister } from '../../src/lib/modules/agenda/registration.server';
import type { Ctx } from '../../src/lib/server/context';

let t: TestDb;
let other: Awaited<ReturnType<typeof secondInstance>>;
beforeAll(async () => {
	t = await createTestDb();
	other = await secondInstance(t);
});
afterAll(async () => {
	await other?.close();
	await t?.close();
});

const DAY = 24 * 60 * 60 * 1000;

it('50 people registering at once on two instances: exactly 10 confirmed, the rest waiting in order', async () => {
	const startsAt = new Date(Date.now() + 20 * DAY);
	const event = await insertEvent(t.ctx.db, {
		slug: `affluence-${randomBytes(3).toString('hex')}`,
		kind: 'interchantiers',
		title: 'Journée très demandée',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 6 * 3600_000),
		capacity: 10
	});
	const people = await Promise.all(Array.from({ length: 50 }, () => makeUser(t.ctx)));
	const instances: Ctx[] = [t.ctx, other.ctx];
	// Alternating instances, all started before any finishes.
	const results = await Promise.all(
		people.map((p, i) => register(instances[i % 2]!, p.actor, event.id))
	);
	expect(results.filter((r) => r.status === 'confirmee')).toHaveLength(10);
	expect(results.filter((r) => r.status === 'liste_attente')).toHaveLength(40);
	const { rows } = await t.ctx.db.execute<{ status: string; position: number; userId: string }>(sql`
		select status, user_id as "userId",
			row_number() over (partition by status order by queued_at)::int as position
		from event_registrations where event_id = ${event.id} order by queued_at`);
	expect(rows).toHaveLength(50);
	// Order of arrival: the 10 confirmed came first, then the waiting list.
	expect(rows.slice(0, 10).every((r) => r.status === 'confirmee')).toBe(true);
	expect(rows.slice(10).every((r) => r.status === 'liste_attente')).toBe(true);
	const [distinct] = (
		await t.ctx.db.execute<{ n: number }>(
			sql`select count(distinct queued_at)::int as n from event_registrations where event_id = ${event.id}`
		)
	).rows;
	expect(distinct!.n).toBe(50);

	// Places freed on both instances at once go to the first people waiting, still 10 confirmed.
	const confirmed = rows.filter((r) => r.status === 'confirmee').slice(0, 4);
	const firstWaiting = rows.filter((r) => r.status === 'liste_attente').slice(0, 4);
	const byUser = new Map(people.map((p) => [p.user.id, p.actor]));
	await Promise.all(
		confirmed.map((r, i) => unregister(instances[i % 2]!, byUser.get(r.userId)!, event.id))
	);
	const after = await t.ctx.db
		.select({ userId: registrations.userId, status: registrations.status })
		.from(registrations)
		.where(eq(registrations.eventId, event.id));
	expect(after.filter((r) => r.status === 'confirmee')).toHaveLength(10);
	const promoted = new Set(firstWaiting.map((r) => r.userId));
	expect(after.filter((r) => promoted.has(r.userId!)).map((r) => r.status)).toEqual(
		Array(4).fill('confirmee')
	);
	expect(after.filter((r) => r.status === 'liste_attente')).toHaveLength(36);
});
