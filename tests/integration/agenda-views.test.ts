import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { registrations } from '../../src/lib/server/db/schema';
import { insertEvent, type NewEvent } from '../../src/lib/modules/agenda/repository.server';
import {
	agendaList,
	listEvents,
	monthView,
	myRegistrations,
	spaceAgenda
} from '../../src/lib/modules/agenda/views.server';
import { UnauthenticatedError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let spaceA: { id: string; slug: string };
let spaceB: { id: string; slug: string };
let member: Actor;
let memberOfA: Actor;
let referentOfB: Actor;
let coordination: Actor;
const none = { kinds: [], space: null };
const now = new Date('2025-03-15T12:00:00Z');

async function event(values: Partial<NewEvent> & { title: string }, spaceIds: string[] = []) {
	return insertEvent(
		t.ctx.db,
		{
			slug: `${values.title.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(3).toString('hex')}`,
			kind: 'reunion_chantier',
			startsAt: new Date('2025-03-20T17:00:00Z'),
			endsAt: new Date('2025-03-20T19:00:00Z'),
			...values
		},
		spaceIds
	);
}
const titles = (list: { title: string }[]) => list.map((e) => e.title);

beforeAll(async () => {
	t = await createTestDb();
	spaceA = await makeSpace(t.ctx, 'Chantier A');
	spaceB = await makeSpace(t.ctx, 'Chantier B');
	member = (await makeUser(t.ctx)).actor;
	memberOfA = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, spaceA.id, 'observateur');
	referentOfB = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, spaceB.id, 'referent');
	coordination = (await makeUser(t.ctx, 'coordination')).actor;

	await event({ title: 'Public A', kind: 'reunion_chantier' }, [spaceA.id]);
	await event({
		title: 'Membres',
		kind: 'webinaire',
		visibility: 'members',
		startsAt: new Date('2025-03-21T09:00:00Z'),
		endsAt: new Date('2025-03-21T10:00:00Z')
	});
	await event(
		{
			title: 'Espace A',
			visibility: 'space',
			startsAt: new Date('2025-03-22T09:00:00Z'),
			endsAt: new Date('2025-03-22T10:00:00Z')
		},
		[spaceA.id]
	);
	await event(
		{
			title: 'Espace B',
			visibility: 'space',
			startsAt: new Date('2025-03-23T09:00:00Z'),
			endsAt: new Date('2025-03-23T10:00:00Z')
		},
		[spaceB.id]
	);
	await event(
		{
			title: 'Interchantiers',
			kind: 'interchantiers',
			startsAt: new Date('2025-03-24T08:00:00Z'),
			endsAt: new Date('2025-03-24T16:00:00Z')
		},
		[spaceA.id, spaceB.id]
	);
	await event({
		title: 'Passé',
		kind: 'copil',
		startsAt: new Date('2025-03-10T17:00:00Z'),
		endsAt: new Date('2025-03-10T19:00:00Z')
	});
	// Started before now, still running: upcoming, not past.
	await event({
		title: 'En cours',
		kind: 'externe',
		startsAt: new Date('2025-03-14T08:00:00Z'),
		endsAt: new Date('2025-03-16T16:00:00Z')
	});
	// From 25 February to 2 March: on the March grid from its first day (24 February).
	await event({
		title: 'Long',
		kind: 'externe',
		allDay: true,
		startsAt: new Date('2025-02-24T23:00:00Z'),
		endsAt: new Date('2025-03-02T23:00:00Z')
	});
	await event({
		title: 'Avril',
		startsAt: new Date('2025-04-10T08:00:00Z'),
		endsAt: new Date('2025-04-10T09:00:00Z')
	});
	await event({
		title: 'Annulé',
		status: 'annule',
		startsAt: new Date('2025-03-25T17:00:00Z'),
		endsAt: new Date('2025-03-25T18:00:00Z')
	});
});
afterAll(() => t?.close());

describe('visibility', () => {
	it('shows a visitor only public events', async () => {
		const list = await listEvents(t.ctx, null, 'upcoming', none, { now });
		expect(titles(list.events)).toEqual([
			'En cours',
			'Public A',
			'Interchantiers',
			'Annulé',
			'Avril'
		]);
		expect(list.total).toBe(5);
	});

	it('adds members’ events for a signed-in member, not other spaces’ events', async () => {
		const list = await listEvents(t.ctx, member, 'upcoming', none, { now });
		expect(titles(list.events)).toContain('Membres');
		expect(titles(list.events)).not.toContain('Espace A');
		expect(titles(list.events)).not.toContain('Espace B');
	});

	it('shows space events to the members of one of their spaces, any role', async () => {
		const a = titles((await listEvents(t.ctx, memberOfA, 'upcoming', none, { now })).events);
		expect(a).toContain('Espace A');
		expect(a).not.toContain('Espace B');
		const b = titles((await listEvents(t.ctx, referentOfB, 'upcoming', none, { now })).events);
		expect(b).toContain('Espace B');
		expect(b).not.toContain('Espace A');
	});

	it('shows coordination everything', async () => {
		const list = await listEvents(t.ctx, coordination, 'upcoming', none, { now });
		expect(list.total).toBe(8);
	});
});

describe('lists', () => {
	it('keep ended events for the past list, latest first', async () => {
		const past = await listEvents(t.ctx, coordination, 'past', none, { now });
		expect(titles(past.events)).toEqual(['Passé', 'Long']);
	});

	it('filter by several kinds and by space', async () => {
		const kinds = await listEvents(
			t.ctx,
			null,
			'upcoming',
			{ kinds: ['interchantiers', 'externe'], space: null },
			{ now }
		);
		expect(titles(kinds.events)).toEqual(['En cours', 'Interchantiers']);
		const ofB = await listEvents(
			t.ctx,
			referentOfB,
			'upcoming',
			{ kinds: [], space: spaceB.slug },
			{ now }
		);
		expect(titles(ofB.events)).toEqual(['Espace B', 'Interchantiers']);
		expect(ofB.events[1]!.spaces.map((s) => s.slug).sort()).toEqual(
			[spaceA.slug, spaceB.slug].sort()
		);
	});

	it('are paginated with an exact count', async () => {
		const first = await listEvents(t.ctx, coordination, 'upcoming', none, { now, pageSize: 3 });
		const third = await listEvents(t.ctx, coordination, 'upcoming', none, {
			now,
			pageSize: 3,
			page: 3
		});
		expect(first.pageCount).toBe(3);
		expect(first.events).toHaveLength(3);
		expect(titles(third.events)).toEqual(['Annulé', 'Avril']);
	});

	it('tell who may propose an event', async () => {
		expect((await agendaList(t.ctx, member, 'upcoming', none, { now })).canPropose).toBe(false);
		expect((await agendaList(t.ctx, memberOfA, 'upcoming', none, { now })).canPropose).toBe(false);
		expect((await agendaList(t.ctx, referentOfB, 'upcoming', none, { now })).canPropose).toBe(true);
		expect((await agendaList(t.ctx, coordination, 'upcoming', none, { now })).canPropose).toBe(
			true
		);
	});
});

describe('month view', () => {
	it('holds the events overlapping the grid, on every day they cover', async () => {
		const view = await monthView(t.ctx, coordination, { year: 2025, month: 3 });
		expect(view.previous).toBe('2025-02');
		expect(view.next).toBe('2025-04');
		expect(titles(view.events)).toEqual([
			'Long',
			'Passé',
			'En cours',
			'Public A',
			'Membres',
			'Espace A',
			'Espace B',
			'Interchantiers',
			'Annulé'
		]);
		const day = (date: string) => titles(view.weeks.flat().find((d) => d.date === date)!.events);
		expect(day('2025-02-24')).toEqual([]);
		expect(day('2025-02-25')).toEqual(['Long']);
		expect(day('2025-03-02')).toEqual(['Long']);
		expect(day('2025-03-03')).toEqual([]);
		expect(day('2025-03-15')).toEqual(['En cours']);
		expect(day('2025-03-16')).toEqual(['En cours']);
		expect(day('2025-03-25')).toEqual(['Annulé']);
		expect(view.weeks.flat().find((d) => d.date === '2025-03-25')!.events[0]!.status).toBe(
			'annule'
		);
	});

	it('reaches an event of the previous month still running, and respects visibility and filters', async () => {
		const april = await monthView(t.ctx, null, { year: 2025, month: 4 });
		expect(titles(april.events)).toEqual(['Avril']);
		const feb = await monthView(
			t.ctx,
			null,
			{ year: 2025, month: 2 },
			{ kinds: ['externe'], space: null }
		);
		expect(titles(feb.events)).toEqual(['Long']);
		const march = await monthView(
			t.ctx,
			member,
			{ year: 2025, month: 3 },
			{ kinds: [], space: spaceA.slug }
		);
		expect(titles(march.events)).toEqual(['Public A', 'Interchantiers']);
	});
});

describe('a space’s agenda', () => {
	it('lists the space’s visible events and who may create one', async () => {
		const visitor = await spaceAgenda(t.ctx, null, spaceB.slug, { now });
		expect(titles(visitor.upcoming.events)).toEqual(['Interchantiers']);
		expect(visitor.canCreate).toBe(false);
		const referent = await spaceAgenda(t.ctx, referentOfB, spaceB.slug, { now });
		expect(titles(referent.upcoming.events)).toEqual(['Espace B', 'Interchantiers']);
		expect(referent.canCreate).toBe(true);
		await expect(spaceAgenda(t.ctx, null, 'inconnu', { now })).rejects.toThrow('introuvable');
	});
});

describe('Mes inscriptions', () => {
	it('lists the actor’s active registrations with the place on the waiting list', async () => {
		const { user } = await makeUser(t.ctx);
		const me: Actor = { userId: user.id, role: 'membre', spaceRoles: {} };
		const full = await event({
			title: 'Complet',
			startsAt: new Date('2025-03-28T17:00:00Z'),
			endsAt: new Date('2025-03-28T19:00:00Z')
		});
		const other = await event({ title: 'Ouvert' });
		const old = await event({
			title: 'Ancien',
			startsAt: new Date('2025-01-10T17:00:00Z'),
			endsAt: new Date('2025-01-10T19:00:00Z')
		});
		const left = await event({ title: 'Quitté' });
		const reg = (
			eventId: string,
			status: 'confirmee' | 'liste_attente' | 'a_confirmer' | 'annulee',
			email: string,
			userId: string | null,
			queuedAt: Date
		) =>
			t.ctx.db
				.insert(registrations)
				.values({ eventId, userId, name: 'X', email, status, queuedAt });
		await reg(full.id, 'liste_attente', 'a@example.org', null, new Date('2025-03-01T10:00:00Z'));
		await reg(full.id, 'liste_attente', 'b@example.org', null, new Date('2025-03-01T11:00:00Z'));
		await reg(full.id, 'liste_attente', user.email!, user.id, new Date('2025-03-01T12:00:00Z'));
		await reg(full.id, 'liste_attente', 'c@example.org', null, new Date('2025-03-01T13:00:00Z'));
		await reg(other.id, 'confirmee', user.email!, user.id, new Date('2025-03-01T12:00:00Z'));
		await reg(old.id, 'confirmee', user.email!, user.id, new Date('2025-01-01T12:00:00Z'));
		await reg(left.id, 'annulee', user.email!, user.id, new Date('2025-01-01T12:00:00Z'));

		const mine = await myRegistrations(t.ctx, me, now);
		expect(titles(mine.upcoming)).toEqual(['Ouvert', 'Complet']);
		expect(mine.upcoming.map((e) => [e.registrationStatus, e.position])).toEqual([
			['confirmee', null],
			['liste_attente', 3]
		]);
		expect(titles(mine.past)).toEqual(['Ancien']);
		await expect(myRegistrations(t.ctx, null, now)).rejects.toBeInstanceOf(UnauthenticatedError);
	});
});
