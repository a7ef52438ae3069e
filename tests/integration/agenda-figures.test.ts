import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { makeSpace } from '../helpers/spaces';
import { attendance, registrations } from '../../src/lib/server/db/schema';
import { insertEvent, type NewEvent } from '../../src/lib/modules/agenda/repository.server';
import { figuresBySpace, periodFigures } from '../../src/lib/modules/agenda/figures.server';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(async () => t?.close());

const H = 60 * 60 * 1000;
const NOW = new Date('2025-06-01T10:00:00Z');

async function event(values: Partial<NewEvent> & Pick<NewEvent, 'startsAt'>, spaceIds: string[]) {
	return insertEvent(
		t.ctx.db,
		{
			slug: `evt-${randomBytes(4).toString('hex')}`,
			kind: 'reunion_chantier',
			title: 'Réunion',
			endsAt: new Date(values.startsAt.getTime() + 2 * H),
			...values
		},
		spaceIds
	);
}

type Row = typeof attendance.$inferInsert;
const present = (eventId: string, rows: Omit<Row, 'eventId'>[]) =>
	t.ctx.db.insert(attendance).values(rows.map((r) => ({ ...r, eventId })));

describe('agenda figures', () => {
	it('counts meetings, distinct people and hours exactly, overall, per space and per period', async () => {
		const a = await makeSpace(t.ctx, 'Espace A');
		const b = await makeSpace(t.ctx, 'Espace B');
		const { user: ana } = await makeUser(t.ctx);
		const { user: bob } = await makeUser(t.ctx);

		// A copil of 2 h planned, recorded at 1 h 30: Ana paid, Bob volunteer, a guest for 30 min.
		const copil = await event(
			{ kind: 'copil', startsAt: new Date('2024-03-12T13:00:00Z'), attendanceMinutes: 90 },
			[a.id]
		);
		await present(copil.id, [
			{ userId: ana.id, name: ana.name, timeKind: 'salarie' },
			{ userId: bob.id, name: bob.name, timeKind: 'benevole' },
			{ name: 'Léa Martin', timeKind: 'benevole', minutes: 30 }
		]);
		// A chantier meeting of B, 1 h planned, no duration recorded.
		const meeting = await event(
			{
				startsAt: new Date('2024-05-02T16:00:00Z'),
				endsAt: new Date('2024-05-02T17:00:00Z')
			},
			[b.id]
		);
		const [reg] = await t.ctx.db
			.insert(registrations)
			.values({ eventId: meeting.id, name: 'Zoé', email: 'Zoe@Example.org', status: 'confirmee' })
			.returning();
		await present(meeting.id, [
			{ userId: ana.id, name: ana.name, timeKind: 'salarie' },
			{ name: 'Zoé', registrationId: reg!.id, timeKind: 'benevole' }
		]);
		// An all-day interchantier day of A and B (7 h): the guest typed again with other case.
		const day = await event(
			{
				kind: 'interchantiers',
				allDay: true,
				startsAt: new Date('2024-10-01T22:00:00Z'),
				endsAt: new Date('2024-10-02T22:00:00Z')
			},
			[a.id, b.id]
		);
		await present(day.id, [
			{ userId: bob.id, name: bob.name, timeKind: 'benevole' },
			{ name: '  léa martin ', timeKind: 'benevole', minutes: 240 }
		]);
		// Left out: cancelled, in the future, and (for 2024) another year.
		const cancelled = await event(
			{ status: 'annule', startsAt: new Date('2024-06-01T08:00:00Z') },
			[a.id]
		);
		await present(cancelled.id, [{ userId: ana.id, name: ana.name, timeKind: 'salarie' }]);
		await event({ startsAt: new Date('2025-09-01T08:00:00Z') }, [a.id]);
		const old = await event({ kind: 'webinaire', startsAt: new Date('2023-11-20T17:00:00Z') }, [
			b.id
		]);
		await present(old.id, [{ userId: ana.id, name: ana.name, timeKind: 'salarie' }]);

		const y2024 = { from: '2024-01-01', to: '2024-12-31' };
		const overall = await periodFigures(t.ctx, y2024, NOW);
		expect(overall.meetings).toEqual({
			copil: 1,
			reunion_chantier: 1,
			interchantiers: 1,
			webinaire: 0,
			externe: 0
		});
		expect(overall.meetingsTotal).toBe(3);
		// Ana, Bob, Léa (twice, same name), Zoé.
		expect(overall.participants).toBe(4);
		// Copil 90 + 90 + 30, meeting 60 + 60, day 420 + 240.
		expect(overall.minutesGiven).toBe(990);
		expect(overall.volunteerMinutes).toBe(90 + 30 + 60 + 420 + 240);
		expect(overall.paidMinutes).toBe(90 + 60);

		const onlyB = await periodFigures(t.ctx, { ...y2024, spaceId: b.id }, NOW);
		expect(onlyB.meetingsTotal).toBe(2);
		expect(onlyB.participants).toBe(4);
		expect(onlyB.minutesGiven).toBe(60 + 60 + 420 + 240);

		const all = await periodFigures(t.ctx, { from: null, to: null }, NOW);
		expect(all.meetingsTotal).toBe(4);
		expect(all.meetings.webinaire).toBe(1);
		expect(all.minutesGiven).toBe(990 + 120);

		// The period's edge is the local day: 2024-10-02 starts at 22:00 UTC the day before.
		const oneDay = await periodFigures(t.ctx, { from: '2024-10-02', to: '2024-10-02' }, NOW);
		expect(oneDay.meetings.interchantiers).toBe(1);
		expect(oneDay.meetingsTotal).toBe(1);

		const bySpace = await figuresBySpace(t.ctx, y2024, NOW);
		expect(bySpace.overall).toEqual(overall);
		const ofA = bySpace.spaces.find((s) => s.space.id === a.id)!.figures;
		expect(ofA.meetingsTotal).toBe(2);
		expect(ofA.minutesGiven).toBe(210 + 660);
		expect(ofA.paidMinutes).toBe(90);
		expect(bySpace.spaces.map((s) => s.space.id).sort()).toEqual([a.id, b.id].sort());
	});
});
