import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { addRegistrations, eventForm, seriesRows as seriesRowsOf } from '../helpers/agenda';
import { emails, eventSeries, events, registrations } from '../../src/lib/server/db/schema';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/lib/server/errors';
import { createEvent } from '../../src/lib/modules/agenda/service.server';
import { updateEvent } from '../../src/lib/modules/agenda/series-edit.server';
import { cancelEvent } from '../../src/lib/modules/agenda/cancel.server';
import { instantToLocal } from '../../src/lib/modules/agenda/time';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let space: { id: string };
let otherSpace: { id: string };
let referent: Actor;
let coordination: Actor;
let member: Actor;
let otherReferent: Actor;

const form = (over: Record<string, string> = {}) => eventForm(space.id, over);
const paris = (d: Date) => instantToLocal(d, 'Europe/Paris');
const seriesRows = (seriesId: string) => seriesRowsOf(t.ctx, seriesId);
const register = (eventId: string, n: number, status?: 'confirmee' | 'liste_attente') =>
	addRegistrations(t.ctx, eventId, n, status);

beforeAll(async () => {
	t = await createTestDb();
	space = await makeSpace(t.ctx, 'Chantier des événements');
	otherSpace = await makeSpace(t.ctx, 'Autre chantier');
	referent = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, space.id, 'referent');
	otherReferent = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, otherSpace.id, 'referent');
	member = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, space.id, 'membre');
	coordination = (await makeUser(t.ctx, 'coordination')).actor;
});
afterAll(() => t.close());

describe('creating events', () => {
	it('creates a single event with its space and a slug from the title and day', async () => {
		const e = await createEvent(t.ctx, referent, form());
		expect(e.slug).toBe('reunion-du-chantier-2030-03-05');
		expect(paris(e.startsAt)).toBe('2030-03-05T18:00');
		expect(e.seriesId).toBeNull();
		const again = await createEvent(t.ctx, referent, form());
		expect(again.slug).toBe('reunion-du-chantier-2030-03-05-2');
	});

	it('stores an all-day event of two days with an exclusive end at midnight', async () => {
		const e = await createEvent(
			t.ctx,
			coordination,
			form({ allDay: 'on', start: '2030-10-26', end: '2030-10-27', title: 'Journée' })
		);
		expect(e.allDay).toBe(true);
		expect(paris(e.startsAt)).toBe('2030-10-26T00:00');
		expect(paris(e.endsAt)).toBe('2030-10-28T00:00');
	});

	it('materialises a monthly series in local time across the clock changes', async () => {
		const first = await createEvent(
			t.ctx,
			referent,
			form({
				title: 'Comité',
				start: '2030-01-01T18:00',
				end: '2030-01-01T20:00',
				rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=12'
			})
		);
		const rows = await seriesRows(first.seriesId!);
		expect(rows).toHaveLength(12);
		expect(rows.map((r) => paris(r.startsAt).slice(11))).toEqual(Array(12).fill('18:00'));
		expect(rows.map((r) => paris(r.endsAt).slice(11))).toEqual(Array(12).fill('20:00'));
		expect(rows.map((r) => r.recurrenceId!.getTime())).toEqual(
			rows.map((r) => r.startsAt.getTime())
		);
		expect(paris(rows[3]!.startsAt)).toBe('2030-04-02T18:00');
		expect(new Set(rows.map((r) => r.slug)).size).toBe(12);
		const [s] = await t.ctx.db
			.select()
			.from(eventSeries)
			.where(eq(eventSeries.id, first.seriesId!));
		expect(s!.dtstartLocal).toBe('2030-01-01T18:00');
		expect(s!.durationMinutes).toBe(120);
		expect(s!.generatedUntil).not.toBeNull();
	});

	it('refuses bad input with French messages and creates nothing', async () => {
		const before = await t.ctx.db.select({ id: events.id }).from(events);
		const bad = [
			[form({ end: '2030-03-05T17:00' }), 'end', 'La fin doit être après le début.'],
			[form({ timeZone: 'Europe/Atlantis' }), 'timeZone', 'Ce fuseau horaire est inconnu'],
			[form({ rrule: 'FREQ=SOMETIMES' }), 'rrule', 'La règle de répétition n’est pas valide'],
			[form({ capacity: '0' }), 'capacity', 'Le nombre de places doit être d’au moins 1.']
		] as const;
		for (const [raw, field, message] of bad) {
			const err = await createEvent(t.ctx, referent, raw).catch((e) => e);
			expect(err).toBeInstanceOf(ValidationError);
			expect((err as ValidationError).fields[field]).toContain(message);
		}
		expect(await t.ctx.db.select({ id: events.id }).from(events)).toHaveLength(before.length);
	});

	it('lets only coordination and the référent·e·s of the space create', async () => {
		await expect(createEvent(t.ctx, null, form())).rejects.toBeInstanceOf(UnauthenticatedError);
		await expect(createEvent(t.ctx, member, form())).rejects.toBeInstanceOf(ForbiddenError);
		const err = await createEvent(t.ctx, otherReferent, form()).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields.spaceIds).toContain('référent·e');
		await expect(createEvent(t.ctx, coordination, form({ spaceIds: '' }))).resolves.toBeTruthy();
	});
});

describe('editing events', () => {
	it('edits one occurrence on its own: detached, sequence raised, the others unchanged', async () => {
		const first = await createEvent(
			t.ctx,
			referent,
			form({
				title: 'Série A',
				start: '2030-01-08T18:00',
				end: '2030-01-08T20:00',
				rrule: 'FREQ=WEEKLY;COUNT=4'
			})
		);
		const rows = await seriesRows(first.seriesId!);
		const second = rows[1]!;
		await updateEvent(
			t.ctx,
			referent,
			second.slug,
			form({
				title: 'Série A (salle changée)',
				start: '2030-01-15T19:00',
				end: '2030-01-15T21:00',
				rrule: 'FREQ=WEEKLY;COUNT=4',
				placeName: 'Salle B'
			}),
			'occurrence'
		);
		const after = await seriesRows(first.seriesId!);
		expect(after[1]!.detached).toBe(true);
		expect(after[1]!.sequence).toBe(second.sequence + 1);
		expect(paris(after[1]!.startsAt)).toBe('2030-01-15T19:00');
		expect(after[1]!.recurrenceId!.getTime()).toBe(second.recurrenceId!.getTime());
		expect(after[0]!.title).toBe('Série A');
		expect(after[2]!.sequence).toBe(rows[2]!.sequence);

		// The whole series from the first one: the detached occurrence keeps its own values.
		await updateEvent(
			t.ctx,
			referent,
			first.slug,
			form({
				title: 'Série A renommée',
				start: '2030-01-08T18:00',
				end: '2030-01-08T20:00',
				rrule: 'FREQ=WEEKLY;COUNT=4'
			}),
			'series'
		);
		const renamed = await seriesRows(first.seriesId!);
		expect(renamed.map((r) => r.title)).toEqual([
			'Série A renommée',
			'Série A (salle changée)',
			'Série A renommée',
			'Série A renommée'
		]);
		expect(renamed[2]!.sequence).toBe(rows[2]!.sequence + 1);
		expect(renamed[1]!.sequence).toBe(after[1]!.sequence);
	});

	it('moves a series to a new time: occurrences without registrations are made again, registered ones kept', async () => {
		const first = await createEvent(
			t.ctx,
			referent,
			form({
				title: 'Série B',
				start: '2030-02-05T18:00',
				end: '2030-02-05T20:00',
				rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=4'
			})
		);
		const rows = await seriesRows(first.seriesId!);
		await register(rows[2]!.id, 2);
		const res = await updateEvent(
			t.ctx,
			referent,
			rows[1]!.slug,
			form({
				title: 'Série B',
				start: '2030-03-06T17:00',
				end: '2030-03-06T19:00',
				rrule: 'FREQ=MONTHLY;BYDAY=1WE;COUNT=3'
			}),
			'series'
		);
		// The first occurrence stays with the old rule, cut before the edited one.
		const old = await seriesRows(first.seriesId!);
		expect(old.map((r) => r.id)).toEqual([rows[0]!.id]);
		const [oldSeries] = await t.ctx.db
			.select()
			.from(eventSeries)
			.where(eq(eventSeries.id, first.seriesId!));
		expect(oldSeries!.rrule).toContain('UNTIL=');
		// The new series: 6 March, 3 April, 1 May 2030 at 17:00.
		const moved = await seriesRows(res.event.seriesId!);
		expect(moved.map((r) => paris(r.startsAt))).toEqual([
			'2030-03-06T17:00',
			'2030-04-03T17:00',
			'2030-05-01T17:00'
		]);
		expect(moved[0]!.id).toBe(rows[1]!.id);
		// The registered April occurrence (2 April, a Tuesday) had no date on its day: kept apart.
		expect(res.kept.map((k) => k.id)).toEqual([rows[2]!.id]);
		const [kept] = await t.ctx.db.select().from(events).where(eq(events.id, rows[2]!.id));
		expect(kept!.seriesId).toBeNull();
		expect(paris(kept!.startsAt)).toBe('2030-04-02T18:00');
		// The fourth one, nobody registered, is gone.
		expect(await t.ctx.db.select().from(events).where(eq(events.id, rows[3]!.id))).toHaveLength(0);
	});

	it('refuses a capacity below the confirmed registrations and changes nothing', async () => {
		const e = await createEvent(t.ctx, referent, form({ title: 'Petite salle', capacity: '10' }));
		await register(e.id, 3);
		const err = await updateEvent(
			t.ctx,
			referent,
			e.slug,
			form({ title: 'Changé', capacity: '2' }),
			'occurrence'
		).catch((x) => x);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields.capacity).toContain('3 inscrit·e·s');
		const [same] = await t.ctx.db.select().from(events).where(eq(events.id, e.id));
		expect(same!.title).toBe('Petite salle');
		expect(same!.capacity).toBe(10);
		expect(same!.sequence).toBe(e.sequence);
		await updateEvent(
			t.ctx,
			referent,
			e.slug,
			form({ title: 'Petite salle', capacity: '3' }),
			'occurrence'
		);
		const [ok] = await t.ctx.db.select().from(events).where(eq(events.id, e.id));
		expect(ok!.capacity).toBe(3);
		// Those registered hear of the change.
		const sent = await t.ctx.db.select().from(emails).where(eq(emails.kind, 'agenda.changed'));
		const notices = sent.filter((m) => m.text.includes('Petite salle'));
		expect(notices).toHaveLength(3);
		expect(notices[0]!.attachments?.[0]?.content).toContain('METHOD:REQUEST');
	});

	it('gives the places a higher capacity opens to those waiting, in order, and tells them', async () => {
		const e = await createEvent(t.ctx, referent, form({ title: 'Salle agrandie', capacity: '2' }));
		await register(e.id, 2);
		for (const i of [0, 1, 2]) {
			await t.ctx.db.insert(registrations).values({
				eventId: e.id,
				name: `Attente ${i}`,
				email: `attente-${i}-${e.id.slice(0, 6)}@example.org`,
				status: 'liste_attente',
				queuedAt: new Date(Date.UTC(2029, 0, 1, 0, i))
			});
		}
		await updateEvent(
			t.ctx,
			referent,
			e.slug,
			form({ title: 'Salle agrandie', capacity: '4' }),
			'occurrence'
		);
		const rows = await t.ctx.db
			.select({ name: registrations.name, status: registrations.status })
			.from(registrations)
			.where(and(eq(registrations.eventId, e.id), eq(registrations.status, 'liste_attente')));
		expect(rows.map((r) => r.name)).toEqual(['Attente 2']);
		const promoted = await t.ctx.db
			.select({ to: emails.to })
			.from(emails)
			.where(eq(emails.kind, 'agenda.registration.promoted'));
		const tos = promoted.map((m) => m.to);
		expect(tos).toContain(`attente-0-${e.id.slice(0, 6)}@example.org`);
		expect(tos).toContain(`attente-1-${e.id.slice(0, 6)}@example.org`);
		expect(tos).not.toContain(`attente-2-${e.id.slice(0, 6)}@example.org`);
	});

	it('refuses organisers of other spaces and plain members', async () => {
		const e = await createEvent(t.ctx, referent, form({ title: 'Gardé' }));
		await expect(updateEvent(t.ctx, null, e.slug, form(), 'occurrence')).rejects.toBeInstanceOf(
			UnauthenticatedError
		);
		await expect(updateEvent(t.ctx, member, e.slug, form(), 'occurrence')).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(
			updateEvent(t.ctx, otherReferent, e.slug, form(), 'occurrence')
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(cancelEvent(t.ctx, otherReferent, e.slug, 'occurrence')).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(
			updateEvent(t.ctx, coordination, e.slug, form({ title: 'Par la coordination' }), 'occurrence')
		).resolves.toBeTruthy();
	});
});
