// Cancelling events and occurrences, and the extension of unbounded series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { addRegistrations, eventForm, seriesRows as seriesRowsOf } from '../helpers/agenda';
import { emails, eventSeries, events } from '../../src/lib/server/db/schema';
import { ValidationError } from '../../src/lib/server/errors';
import { createEvent } from '../../src/lib/modules/agenda/service.server';
import { cancelEvent, removeOccurrence } from '../../src/lib/modules/agenda/cancel.server';
import { extendSeries } from '../../src/lib/modules/agenda/series.server';
import { instantToLocal } from '../../src/lib/modules/agenda/time';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let space: { id: string };
let referent: Actor;

const form = (over: Record<string, string> = {}) => eventForm(space.id, over);
const paris = (d: Date) => instantToLocal(d, 'Europe/Paris');
const seriesRows = (seriesId: string) => seriesRowsOf(t.ctx, seriesId);
const register = (eventId: string, n: number, status?: 'confirmee' | 'liste_attente') =>
	addRegistrations(t.ctx, eventId, n, status);

beforeAll(async () => {
	t = await createTestDb();
	space = await makeSpace(t.ctx, 'Chantier des annulations');
	referent = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, space.id, 'referent');
});
afterAll(() => t.close());

describe('cancelling and removing', () => {
	it('cancels an event: status, sequence raised, those registered told', async () => {
		const e = await createEvent(t.ctx, referent, form({ title: 'Annulable' }));
		await register(e.id, 1);
		await register(e.id, 1, 'liste_attente');
		await cancelEvent(t.ctx, referent, e.slug, 'occurrence');
		const [row] = await t.ctx.db.select().from(events).where(eq(events.id, e.id));
		expect(row!.status).toBe('annule');
		expect(row!.sequence).toBe(e.sequence + 1);
		const sent = await t.ctx.db
			.select()
			.from(emails)
			.where(and(eq(emails.kind, 'agenda.cancelled')));
		const mine = sent.filter((m) => m.subject === 'Annulé : Annulable');
		expect(mine).toHaveLength(2);
		const ics = mine[0]!.attachments?.[0];
		expect(ics?.contentType).toContain('method=CANCEL');
		expect(ics?.content).toContain('METHOD:CANCEL');
		expect(ics?.content).toContain('STATUS:CANCELLED');
		expect(ics?.content).toContain(`SEQUENCE:${e.sequence + 1}`);
	});

	it('cancels a series from one occurrence on and stops it from growing', async () => {
		const first = await createEvent(
			t.ctx,
			referent,
			form({
				title: 'Série C',
				start: '2030-01-07T10:00',
				end: '2030-01-07T11:00',
				rrule: 'FREQ=WEEKLY'
			})
		);
		const rows = await seriesRows(first.seriesId!);
		await cancelEvent(t.ctx, referent, rows[2]!.slug, 'series');
		const after = await seriesRows(first.seriesId!);
		expect(after.slice(0, 2).map((r) => r.status)).toEqual(['confirme', 'confirme']);
		expect(after.slice(2).every((r) => r.status === 'annule')).toBe(true);
		expect(await extendSeries(t.ctx, new Date('2031-06-01T00:00:00Z'))).toBeGreaterThanOrEqual(0);
		expect(await seriesRows(first.seriesId!)).toHaveLength(after.length);
	});

	it('removes an occurrence: an EXDATE, deleted when nobody registered, cancelled otherwise', async () => {
		const first = await createEvent(
			t.ctx,
			referent,
			form({
				title: 'Série D',
				start: '2030-01-09T10:00',
				end: '2030-01-09T11:00',
				rrule: 'FREQ=WEEKLY;COUNT=3'
			})
		);
		const rows = await seriesRows(first.seriesId!);
		await register(rows[2]!.id, 1);
		expect((await removeOccurrence(t.ctx, referent, rows[1]!.slug)).deleted).toBe(true);
		expect((await removeOccurrence(t.ctx, referent, rows[2]!.slug)).deleted).toBe(false);
		const [s] = await t.ctx.db
			.select()
			.from(eventSeries)
			.where(eq(eventSeries.id, first.seriesId!));
		expect(s!.exdates.map((d) => d.getTime()).sort()).toEqual(
			[rows[1]!.recurrenceId!.getTime(), rows[2]!.recurrenceId!.getTime()].sort()
		);
		const after = await seriesRows(first.seriesId!);
		expect(after.map((r) => [r.id, r.status])).toEqual([
			[rows[0]!.id, 'confirme'],
			[rows[2]!.id, 'annule']
		]);
		await expect(
			removeOccurrence(t.ctx, referent, (await createEvent(t.ctx, referent, form())).slug)
		).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('extendSeries', () => {
	it('creates the missing occurrences of an unbounded series up to the horizon, once', async () => {
		const now = new Date('2030-01-01T00:00:00Z');
		const first = await createEvent(
			t.ctx,
			referent,
			form({
				title: 'Série E',
				start: '2030-01-02T09:00',
				end: '2030-01-02T10:00',
				rrule: 'FREQ=MONTHLY;BYMONTHDAY=2'
			}),
			now
		);
		const before = await seriesRows(first.seriesId!);
		// 730 days from the first start (2 January 2030, 09:00), that day included: 25 months.
		expect(before).toHaveLength(25);
		expect(paris(before.at(-1)!.startsAt)).toBe('2032-01-02T09:00');
		const later = new Date('2030-07-01T00:00:00Z');
		const created = await extendSeries(t.ctx, later);
		const after = await seriesRows(first.seriesId!);
		expect(after.length - before.length).toBe(5);
		expect(created).toBeGreaterThanOrEqual(5);
		expect(paris(after.at(-1)!.startsAt)).toBe('2032-06-02T09:00');
		expect(new Set(after.map((r) => r.recurrenceId!.getTime())).size).toBe(after.length);
		await extendSeries(t.ctx, later);
		expect(await seriesRows(first.seriesId!)).toHaveLength(after.length);
	});
});
