import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { parseBoth, parseWithIcalJs, type Instance } from '../helpers/ical';
import {
	calendarFeedTokens,
	eventSeries,
	events,
	registrations
} from '../../src/lib/server/db/schema';
import { insertEvent, type NewEvent } from '../../src/lib/modules/agenda/repository.server';
import { expandSeries } from '../../src/lib/modules/agenda/recurrence';
import {
	feedTokenFor,
	personalFeed,
	publicFeed,
	regenerateFeedToken,
	spaceFeed
} from '../../src/lib/modules/agenda/ical/feeds.server';
import { eventIcsForActor, icsForEvent } from '../../src/lib/modules/agenda/ical/event-ics.server';
import { subscriptionPage } from '../../src/lib/modules/agenda/ical/subscription.server';
import { NotFoundError, UnauthenticatedError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let spaceA: { id: string; slug: string };
let spaceB: { id: string; slug: string };
let memberOfA: Actor;
let outsider: Actor;
let seriesId: string;
const now = new Date('2025-03-15T12:00:00Z');
const FROM = new Date('2024-09-01T00:00:00Z');
const UNTIL = new Date('2026-06-30T00:00:00Z');
const ids: Record<string, string> = {};

async function event(values: Partial<NewEvent> & { title: string }, spaceIds: string[] = []) {
	const row = await insertEvent(
		t.ctx.db,
		{
			slug: `${values.title.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(3).toString('hex')}`,
			kind: 'reunion_chantier',
			startsAt: new Date('2025-04-08T16:00:00Z'),
			endsAt: new Date('2025-04-08T18:00:00Z'),
			...values
		},
		spaceIds
	);
	ids[values.title] = row.id;
	return row;
}

const summaries = (list: Instance[]) => [...new Set(list.map((i) => i.summary))].sort();
const startsOf = (list: Instance[], summary: string) =>
	list.filter((i) => i.summary === summary).map((i) => i.start);

beforeAll(async () => {
	t = await createTestDb({ ORIGIN: 'https://agenda.example.org' });
	spaceA = await makeSpace(t.ctx, 'Chantier A');
	spaceB = await makeSpace(t.ctx, 'Chantier B');
	memberOfA = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, spaceA.id);
	outsider = (await makeUser(t.ctx)).actor;

	await event(
		{
			title: 'Nuit du changement d’heure',
			startsAt: new Date('2025-03-29T22:00:00Z'), // 23:00 in Paris
			endsAt: new Date('2025-03-30T02:00:00Z') // 04:00 in Paris, after the change
		},
		[spaceA.id]
	);
	await event({ title: 'Webinaire des membres', kind: 'webinaire', visibility: 'members' });
	await event({ title: 'Réunion interne A', visibility: 'space' }, [spaceA.id]);
	await event({ title: 'Réunion interne B', visibility: 'space' }, [spaceB.id]);
	await event({ title: 'Rencontre B', kind: 'externe' }, [spaceB.id]);
	await event({ title: 'Atelier B annulé d’inscription' }, [spaceB.id]);
	await event({ title: 'Comité annulé', kind: 'copil', status: 'annule', sequence: 1 });
	await event({
		title: 'Journée coopérative',
		kind: 'interchantiers',
		allDay: true,
		startsAt: new Date('2025-10-01T22:00:00Z'),
		endsAt: new Date('2025-10-02T22:00:00Z')
	});
	await event({
		title: 'Lancement 2023',
		startsAt: new Date('2023-10-13T07:00:00Z'),
		endsAt: new Date('2023-10-13T15:00:00Z')
	});
	await t.ctx.db.insert(registrations).values([
		{
			eventId: ids['Rencontre B']!,
			userId: memberOfA.userId,
			name: 'A',
			email: 'a@example.org',
			status: 'liste_attente'
		},
		{
			eventId: ids['Atelier B annulé d’inscription']!,
			userId: memberOfA.userId,
			name: 'A',
			email: 'a@example.org',
			status: 'annulee'
		}
	]);

	// A weekly Thursday 18:00 series across both clock changes, as the app stores it.
	const [s] = await t.ctx.db
		.insert(eventSeries)
		.values({
			rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=34',
			dtstartLocal: '2025-03-20T18:00',
			durationMinutes: 120,
			exdates: [new Date('2025-03-27T17:00:00Z')],
			sequence: 2
		})
		.returning();
	seriesId = s!.id;
	const starts = expandSeries(
		{ rule: s!.rrule, dtstartLocal: s!.dtstartLocal, timeZone: 'Europe/Paris' },
		UNTIL
	);
	for (const [i, start] of starts.entries()) {
		const moved = start.toISOString() === '2025-04-03T16:00:00.000Z';
		const cancelled = start.toISOString() === '2025-04-10T16:00:00.000Z';
		const internal = start.toISOString() === '2025-05-01T16:00:00.000Z';
		await event(
			{
				title: moved ? 'Réunion hebdomadaire (déplacée)' : 'Réunion hebdomadaire',
				seriesId,
				recurrenceId: start,
				detached: moved,
				status: cancelled ? 'annule' : 'confirme',
				visibility: internal ? 'space' : 'public',
				startsAt: moved ? new Date('2025-04-04T07:00:00Z') : start,
				endsAt: new Date((moved ? Date.parse('2025-04-04T07:00:00Z') : start.getTime()) + 7200_000),
				slug: `hebdo-${i}`
			},
			[spaceA.id]
		);
	}
});

afterAll(async () => {
	await t?.close();
});

describe('public feed', () => {
	it('holds the public events of the window, read alike by both parsers', async () => {
		const feed = await publicFeed(t.ctx, now);
		const { instances, calendar } = parseBoth(feed.body, FROM, UNTIL);
		expect(calendar['x-wr-calname']).toBe('Agenda des chantiers');
		expect(summaries(instances)).toEqual([
			'Atelier B annulé d’inscription',
			'Comité annulé',
			'Journée coopérative',
			'Nuit du changement d’heure',
			'Rencontre B',
			'Réunion hebdomadaire',
			'Réunion hebdomadaire (déplacée)'
		]);
		// Older than six months: not in the feed.
		expect(feed.body).not.toContain('Lancement 2023');
	});

	it('keeps Paris local times across the clock changes', async () => {
		const { instances } = parseBoth((await publicFeed(t.ctx, now)).body, FROM, UNTIL);
		const night = instances.find((i) => i.summary === 'Nuit du changement d’heure')!;
		expect([night.start, night.end]).toEqual([
			'2025-03-29T22:00:00.000Z',
			'2025-03-30T02:00:00.000Z'
		]);
		const weekly = startsOf(instances, 'Réunion hebdomadaire');
		expect(weekly).toHaveLength(30);
		expect(weekly).toContain('2025-03-20T17:00:00.000Z');
		expect(weekly).toContain('2025-04-17T16:00:00.000Z');
		expect(weekly).toContain('2025-10-23T16:00:00.000Z');
		expect(weekly).toContain('2025-10-30T17:00:00.000Z');
		for (const start of weekly) {
			const local = new Date(start).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' });
			expect(local).toBe('18:00:00');
		}
		expect(instances.find((i) => i.summary === 'Journée coopérative')).toMatchObject({
			start: '2025-10-02',
			end: '2025-10-03',
			allDay: true
		});
	});

	it('applies the series’ exceptions and marks the cancelled event', async () => {
		const { instances, components } = parseBoth((await publicFeed(t.ctx, now)).body, FROM, UNTIL);
		const weekly = startsOf(instances, 'Réunion hebdomadaire');
		expect(weekly).not.toContain('2025-03-27T17:00:00.000Z'); // EXDATE of the series
		expect(weekly).not.toContain('2025-04-10T16:00:00.000Z'); // cancelled occurrence
		expect(weekly).not.toContain('2025-04-03T16:00:00.000Z'); // moved…
		// Open to the space only: an EXDATE here, so that the RRULE does not give it either.
		expect(weekly).not.toContain('2025-05-01T16:00:00.000Z');
		expect(startsOf(instances, 'Réunion hebdomadaire (déplacée)')).toEqual([
			'2025-04-04T07:00:00.000Z' // …to Friday 09:00
		]);
		expect(instances.find((i) => i.summary === 'Comité annulé')?.status).toBe('CANCELLED');
		const uid = `${seriesId}@agenda.example.org`;
		const parts = components.filter((c) => c.uid === uid);
		expect(parts.map((c) => c.recurrenceId === null)).toEqual([true, false]);
		expect(parts[0]).toMatchObject({ sequence: 2, dtstartTzid: 'Europe/Paris' });
	});

	it('keeps UIDs and bytes from one export to the next, and raises SEQUENCE on a change', async () => {
		const first = await publicFeed(t.ctx, now);
		const again = await publicFeed(t.ctx, now);
		expect(again.body).toBe(first.body);
		expect(again.etag).toBe(first.etag);
		const id = ids['Rencontre B']!;
		const before = parseWithIcalJs(first.body, UNTIL).components.find((c) => c.uid.startsWith(id))!;
		await t.ctx.db
			.update(events)
			.set({
				title: 'Rencontre B (salle 2)',
				sequence: sql`${events.sequence} + 1`,
				updatedAt: new Date()
			})
			.where(eq(events.id, id));
		const changed = await publicFeed(t.ctx, now);
		const after = parseWithIcalJs(changed.body, UNTIL).components.find((c) =>
			c.uid.startsWith(id)
		)!;
		expect(after.uid).toBe(before.uid);
		expect(after.uid).toBe(`${id}@agenda.example.org`);
		expect(after.sequence).toBe(before.sequence + 1);
		expect(changed.etag).not.toBe(first.etag);
	});
});

describe('space feed', () => {
	it('holds only the space’s public events', async () => {
		const { instances } = parseBoth((await spaceFeed(t.ctx, spaceB.slug, now)).body, FROM, UNTIL);
		expect(summaries(instances)).toEqual([
			'Atelier B annulé d’inscription',
			'Rencontre B (salle 2)'
		]);
		await expect(spaceFeed(t.ctx, 'pas-un-espace', now)).rejects.toThrow(NotFoundError);
	});
});

describe('personal feed', () => {
	it('holds my spaces’ events that I may see and my registrations', async () => {
		const token = await feedTokenFor(t.ctx, memberOfA);
		expect(await feedTokenFor(t.ctx, memberOfA)).toBe(token);
		const { instances } = parseBoth((await personalFeed(t.ctx, token, now)).body, FROM, UNTIL);
		const weekly = startsOf(instances, 'Réunion hebdomadaire');
		expect(weekly).toHaveLength(31);
		expect(weekly).toContain('2025-05-01T16:00:00.000Z');
		expect(summaries(instances)).toEqual([
			'Nuit du changement d’heure',
			'Rencontre B (salle 2)', // waiting list, in another space
			'Réunion hebdomadaire',
			'Réunion hebdomadaire (déplacée)',
			'Réunion interne A'
		]);
		const other = await personalFeed(t.ctx, await feedTokenFor(t.ctx, outsider), now);
		expect(parseBoth(other.body, FROM, UNTIL).instances).toEqual([]);
	});

	it('stops answering to the old address once regenerated', async () => {
		const old = await feedTokenFor(t.ctx, memberOfA);
		const fresh = await regenerateFeedToken(t.ctx, memberOfA);
		expect(fresh).not.toBe(old);
		expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
		await expect(personalFeed(t.ctx, old, now)).rejects.toThrow(NotFoundError);
		expect((await personalFeed(t.ctx, fresh, now)).count).toBeGreaterThan(0);
		const rows = await t.ctx.db
			.select()
			.from(calendarFeedTokens)
			.where(eq(calendarFeedTokens.userId, memberOfA.userId));
		expect(rows.map((r) => r.token)).toEqual([fresh]);
		await expect(regenerateFeedToken(t.ctx, null)).rejects.toThrow(UnauthenticatedError);
	});

	it('shows visitors the public feeds only, and members their own address', async () => {
		const visitor = await subscriptionPage(t.ctx, null);
		expect(visitor.personalFeed).toBeNull();
		expect(visitor.publicFeed.url).toBe('https://agenda.example.org/agenda.ics');
		expect(visitor.spaceFeeds.map((f) => f.url)).toContain(
			`https://agenda.example.org/chantiers/${spaceA.slug}/agenda.ics`
		);
		const mine = await subscriptionPage(t.ctx, memberOfA);
		const token = await feedTokenFor(t.ctx, memberOfA);
		expect(mine.personalFeed?.url).toBe(`https://agenda.example.org/agenda/flux/${token}.ics`);
	});
});

describe('one event', () => {
	it('answers 404 to those who may not see it', async () => {
		const slug = (
			await t.ctx.db.select().from(events).where(eq(events.id, ids['Réunion interne A']!))
		)[0]!.slug;
		await expect(eventIcsForActor(t.ctx, null, slug)).rejects.toThrow(NotFoundError);
		await expect(eventIcsForActor(t.ctx, outsider, slug)).rejects.toThrow(NotFoundError);
		const file = await eventIcsForActor(t.ctx, memberOfA, slug);
		expect(file.filename).toBe(`${slug}.ics`);
		const { instances } = parseBoth(file.body, FROM, UNTIL);
		expect(instances.map((i) => i.summary)).toEqual(['Réunion interne A']);
	});

	it('writes invitations with the organiser, and cancellations', async () => {
		const request = await icsForEvent(t.ctx, ids['Rencontre B']!, 'REQUEST');
		expect(request).toContain('METHOD:REQUEST');
		expect(request).toMatch(/ORGANIZER;CN="[^"]+":mailto:\S+@\S+/);
		const cancel = await icsForEvent(t.ctx, ids['Comité annulé']!, 'CANCEL');
		const { components, calendar } = parseWithIcalJs(cancel, UNTIL);
		expect(calendar.method).toBe('CANCEL');
		expect(components[0]).toMatchObject({ status: 'CANCELLED', sequence: 1 });
		// One occurrence of a series is a meeting of its own, under its own UID.
		const occurrence = await icsForEvent(t.ctx, ids['Réunion hebdomadaire (déplacée)']!);
		const parsed = parseBoth(occurrence, FROM, UNTIL);
		expect(parsed.instances.map((i) => i.start)).toEqual(['2025-04-04T07:00:00.000Z']);
		expect(parsed.components[0]!.rrule).toBeNull();
		await expect(icsForEvent(t.ctx, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(
			NotFoundError
		);
	});
});
