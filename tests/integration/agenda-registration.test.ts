import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import {
	emails,
	programmeItems,
	registrations,
	workshopChoices
} from '../../src/lib/server/db/schema';
import { insertEvent, type NewEvent } from '../../src/lib/modules/agenda/repository.server';
import {
	cancelGuest,
	confirmGuest,
	register,
	registerGuest,
	unregister
} from '../../src/lib/modules/agenda/registration.server';
import { chooseWorkshop } from '../../src/lib/modules/agenda/workshops.server';
import { registrationState } from '../../src/lib/modules/agenda/registration-state.server';
import {
	guestLinkPage,
	guestWorkshopAction
} from '../../src/lib/modules/agenda/registration-page.server';
import {
	DomainError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../src/lib/server/errors';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(async () => t?.close());

const DAY = 24 * 60 * 60 * 1000;

async function makeEvent(values: Partial<NewEvent> = {}, spaceIds: string[] = []) {
	const startsAt = values.startsAt ?? new Date(Date.now() + 10 * DAY);
	return insertEvent(
		t.ctx.db,
		{
			slug: `evt-${randomBytes(4).toString('hex')}`,
			kind: 'interchantiers',
			title: 'Journée interchantiers',
			startsAt,
			endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
			...values
		},
		spaceIds
	);
}

const statusOf = async (id: string) =>
	(await t.ctx.db.select().from(registrations).where(eq(registrations.id, id)))[0]!.status;

const mailsTo = (to: string) =>
	t.ctx.db.select().from(emails).where(eq(emails.to, to)).orderBy(asc(emails.createdAt));

/** The guest's token, read from the link of the last email sent to `to`. */
async function linkToken(to: string) {
	const list = await mailsTo(to);
	const match = /\/agenda\/inscription\/([\w-]+)/.exec(list.at(-1)?.text ?? '');
	return match![1]!;
}

describe('members', () => {
	it('confirms within capacity, then fills the waiting list in order of arrival', async () => {
		const event = await makeEvent({ capacity: 2 });
		const people = await Promise.all([1, 2, 3, 4].map(() => makeUser(t.ctx)));
		const regs = [];
		for (const p of people) regs.push(await register(t.ctx, p.actor, event.id));
		expect(regs.map((r) => r.status)).toEqual([
			'confirmee',
			'confirmee',
			'liste_attente',
			'liste_attente'
		]);
		// Name and email come from the account.
		expect(regs[0]).toMatchObject({ name: people[0]!.user.name, email: people[0]!.user.email });

		const confirmation = (await mailsTo(people[0]!.user.email!))[0]!;
		expect(confirmation.subject).toBe(`Inscription confirmée : ${event.title}`);
		expect(confirmation.attachments).toHaveLength(1);
		expect(confirmation.attachments![0]!.filename).toBe(`${event.slug}.ics`);
		expect(confirmation.attachments![0]!.content).toContain('BEGIN:VEVENT');
		const waiting = (await mailsTo(people[3]!.user.email!))[0]!;
		expect(waiting.text).toContain('en position 2');
		expect(waiting.attachments).toBeNull();

		const state = await registrationState(t.ctx, people[3]!.actor, event);
		expect(state).toMatchObject({ confirmed: 2, waiting: 2, placesLeft: 0 });
		expect(state.mine).toEqual({ status: 'liste_attente', position: 2 });
	});

	it('promotes the first person waiting when a confirmed person unregisters, with an email', async () => {
		const event = await makeEvent({ capacity: 1 });
		const [a, b, c] = await Promise.all([1, 2, 3].map(() => makeUser(t.ctx)));
		await register(t.ctx, a!.actor, event.id);
		const rb = await register(t.ctx, b!.actor, event.id);
		const rc = await register(t.ctx, c!.actor, event.id);

		const { promoted } = await unregister(t.ctx, a!.actor, event.id);
		expect(promoted.map((p) => p.id)).toEqual([rb.id]);
		expect(await statusOf(rb.id)).toBe('confirmee');
		expect(await statusOf(rc.id)).toBe('liste_attente');

		const promotion = (await mailsTo(b!.user.email!)).at(-1)!;
		expect(promotion.subject).toMatch(/^Une place s’est libérée/);
		expect(promotion.attachments![0]!.contentType).toMatch(/^text\/calendar/);
		expect((await mailsTo(a!.user.email!)).at(-1)!.subject).toBe(`Désinscription : ${event.title}`);
		expect((await registrationState(t.ctx, c!.actor, event)).mine).toEqual({
			status: 'liste_attente',
			position: 1
		});

		// Someone leaving the waiting list promotes nobody.
		const again = await unregister(t.ctx, c!.actor, event.id);
		expect(again.promoted).toEqual([]);
		// Once unregistered, one may register again (a new arrival).
		expect((await register(t.ctx, a!.actor, event.id)).status).toBe('liste_attente');
	});

	it('refuses a second registration of the same person', async () => {
		const event = await makeEvent();
		const { actor } = await makeUser(t.ctx);
		await register(t.ctx, actor, event.id);
		await expect(register(t.ctx, actor, event.id)).rejects.toThrow(/déjà inscrit·e/);
		const rows = await t.ctx.db
			.select()
			.from(registrations)
			.where(eq(registrations.eventId, event.id));
		expect(rows).toHaveLength(1);
	});

	it('refuses after the deadline, for cancelled, past or closed events, storing nothing', async () => {
		const { actor } = await makeUser(t.ctx);
		const cases: [Partial<NewEvent>, RegExp][] = [
			[{ registrationDeadline: new Date(Date.now() - 60_000) }, /date limite/],
			[{ status: 'annule' }, /annulé/],
			[{ startsAt: new Date(Date.now() - DAY) }, /déjà commencé/],
			[{ registrationOpen: false }, /pas ouvertes/]
		];
		for (const [values, message] of cases) {
			const event = await makeEvent(values);
			const err = await register(t.ctx, actor, event.id).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(ValidationError);
			expect((err as ValidationError).message).toMatch(message);
			const [n] = await t.ctx.db
				.select({ n: sql<number>`count(*)::int` })
				.from(registrations)
				.where(eq(registrations.eventId, event.id));
			expect(n!.n).toBe(0);
		}
	});

	it('keeps space events to their members and visitors out', async () => {
		const space = await makeSpace(t.ctx);
		const event = await makeEvent({ visibility: 'space' }, [space.id]);
		const { actor: outsider } = await makeUser(t.ctx);
		const { actor: member } = await makeUser(t.ctx);
		await addToSpace(t.ctx, member, space.id);

		await expect(register(t.ctx, null, event.id)).rejects.toThrow(UnauthenticatedError);
		await expect(register(t.ctx, outsider, event.id)).rejects.toThrow(NotFoundError);
		expect((await register(t.ctx, member, event.id)).status).toBe('confirmee');
		await expect(unregister(t.ctx, outsider, event.id)).rejects.toThrow(NotFoundError);
		// Guests only for public events.
		await expect(
			registerGuest(t.ctx, event.id, { name: 'Léa', email: 'lea-space@example.org' })
		).rejects.toThrow(NotFoundError);
		const members = await makeEvent({ visibility: 'members' });
		await expect(
			registerGuest(t.ctx, members.id, { name: 'Léa', email: 'lea-members@example.org' })
		).rejects.toThrow(NotFoundError);
	});
});

describe('guests', () => {
	it('waits for the emailed link, then confirms; the same link cancels and promotes', async () => {
		const event = await makeEvent({ capacity: 1 });
		const email = `invite-${randomBytes(3).toString('hex')}@example.org`;
		const result = await registerGuest(t.ctx, event.id, { name: 'Inès Invitée', email });
		expect(result).toEqual({ email });
		const [pending] = await t.ctx.db
			.select()
			.from(registrations)
			.where(eq(registrations.email, email));
		expect(pending).toMatchObject({ status: 'a_confirmer', userId: null, name: 'Inès Invitée' });
		const token = await linkToken(email);
		// Only the hash is stored.
		expect(pending!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(pending!.tokenHash).not.toContain(token);
		// A pending guest takes no place.
		const { actor: member } = await makeUser(t.ctx);
		await register(t.ctx, member, event.id);

		const confirmed = await confirmGuest(t.ctx, token);
		expect(confirmed.status).toBe('liste_attente');
		expect((await confirmGuest(t.ctx, token)).status).toBe('liste_attente');
		expect((await mailsTo(email)).at(-1)!.subject).toBe(`Liste d’attente : ${event.title}`);

		await unregister(t.ctx, member, event.id);
		expect(await statusOf(confirmed.id)).toBe('confirmee');
		const promotion = (await mailsTo(email)).at(-1)!;
		expect(promotion.text).toContain('lien reçu dans le premier email');

		await cancelGuest(t.ctx, token);
		expect(await statusOf(confirmed.id)).toBe('annulee');
		await expect(cancelGuest(t.ctx, token)).rejects.toThrow(DomainError);
		await expect(confirmGuest(t.ctx, 'x'.repeat(43))).rejects.toThrow(NotFoundError);
	});

	it('refuses bad input and an email already registered; ignores the honeypot', async () => {
		const event = await makeEvent();
		await expect(registerGuest(t.ctx, event.id, { name: '', email: 'nope' })).rejects.toThrow(
			ValidationError
		);
		expect(
			await registerGuest(t.ctx, event.id, {
				name: 'Robot',
				email: 'robot@example.org',
				website_url: 'http://spam.example'
			})
		).toBeNull();
		const { user, actor } = await makeUser(t.ctx);
		await register(t.ctx, actor, event.id);
		await expect(
			registerGuest(t.ctx, event.id, { name: 'Moi', email: user.email!.toUpperCase() })
		).rejects.toThrow(/déjà inscrite/);
		const rows = await t.ctx.db
			.select()
			.from(registrations)
			.where(eq(registrations.eventId, event.id));
		expect(rows.map((r) => r.email)).toEqual([user.email]);
	});

	it('limits guest registrations per connection', async () => {
		const event = await makeEvent();
		const info = { ip: '203.0.113.77' };
		for (let i = 0; i < 10; i++) {
			await registerGuest(t.ctx, event.id, { name: 'G', email: `g${i}@example.org` }, info);
		}
		await expect(
			registerGuest(t.ctx, event.id, { name: 'G', email: 'g10@example.org' }, info)
		).rejects.toThrow(/Trop d’inscriptions/);
	});
});

describe('workshops', () => {
	it('one workshop per slot, within its capacity, and the choice can change', async () => {
		const event = await makeEvent();
		const at = new Date(event.startsAt.getTime() + 60 * 60 * 1000);
		const end = new Date(at.getTime() + 60 * 60 * 1000);
		const [small, large, lunch] = await t.ctx.db
			.insert(programmeItems)
			.values([
				{
					eventId: event.id,
					kind: 'atelier',
					title: 'Atelier A',
					startsAt: at,
					endsAt: end,
					capacity: 1
				},
				{ eventId: event.id, kind: 'atelier', title: 'Atelier B', startsAt: at, endsAt: end },
				{ eventId: event.id, kind: 'repas', title: 'Déjeuner', startsAt: end, endsAt: end }
			])
			.returning();
		const [a, b, c] = await Promise.all([1, 2, 3].map(() => makeUser(t.ctx)));
		for (const p of [a!, b!]) await register(t.ctx, p.actor, event.id);

		await chooseWorkshop(t.ctx, a!.actor, event.id, small!.id);
		await expect(chooseWorkshop(t.ctx, b!.actor, event.id, small!.id)).rejects.toThrow(/complet/);
		await chooseWorkshop(t.ctx, b!.actor, event.id, large!.id);
		await expect(chooseWorkshop(t.ctx, b!.actor, event.id, lunch!.id)).rejects.toThrow(
			ValidationError
		);
		await expect(chooseWorkshop(t.ctx, c!.actor, event.id, large!.id)).rejects.toThrow(
			/Inscrivez-vous/
		);

		// Changing: A moves to B, which frees A's place for someone else.
		await chooseWorkshop(t.ctx, a!.actor, event.id, large!.id);
		const stateA = await registrationState(t.ctx, a!.actor, event);
		expect(stateA.slots).toHaveLength(1);
		expect(stateA.slots[0]!.chosenId).toBe(large!.id);
		expect(stateA.slots[0]!.workshops.map((w) => [w.title, w.placesLeft])).toEqual([
			['Atelier A', 1],
			['Atelier B', null]
		]);
		await chooseWorkshop(t.ctx, b!.actor, event.id, small!.id);
		const choices = await t.ctx.db
			.select()
			.from(workshopChoices)
			.where(eq(workshopChoices.itemId, small!.id));
		expect(choices).toHaveLength(1);

		// Unregistering frees the workshop too.
		await unregister(t.ctx, b!.actor, event.id);
		const left = await t.ctx.db
			.select()
			.from(workshopChoices)
			.innerJoin(registrations, eq(registrations.id, workshopChoices.registrationId))
			.where(and(eq(registrations.eventId, event.id), eq(registrations.userId, b!.user.id)));
		expect(left).toHaveLength(0);
	});

	it('a confirmed guest chooses from their link, a guest still to confirm cannot', async () => {
		const event = await makeEvent();
		const at = new Date(event.startsAt.getTime() + 3600_000);
		const [item] = await t.ctx.db
			.insert(programmeItems)
			.values({
				eventId: event.id,
				kind: 'atelier',
				title: 'Atelier des invité·e·s',
				startsAt: at,
				endsAt: new Date(at.getTime() + 3600_000),
				capacity: 2
			})
			.returning();
		const email = `atelier-${randomBytes(3).toString('hex')}@example.org`;
		await registerGuest(t.ctx, event.id, { name: 'Invitée', email });
		const token = await linkToken(email);
		expect((await guestLinkPage(t.ctx, token)).slots).toEqual([]);
		await expect(guestWorkshopAction(t.ctx, token, item!.id)).rejects.toThrow(
			/Seules les personnes inscrites/
		);
		await confirmGuest(t.ctx, token);
		expect(await guestWorkshopAction(t.ctx, token, item!.id)).toMatchObject({ done: 'workshop' });
		const page = await guestLinkPage(t.ctx, token);
		expect(page.slots[0]).toMatchObject({ chosenId: item!.id });
		expect(page.slots[0]!.workshops[0]!.placesLeft).toBe(1);
	});

	it('never exceeds a workshop capacity with concurrent choices', async () => {
		const event = await makeEvent();
		const at = new Date(event.startsAt.getTime() + 60 * 60 * 1000);
		const [item] = await t.ctx.db
			.insert(programmeItems)
			.values({
				eventId: event.id,
				kind: 'atelier',
				title: 'Atelier très demandé',
				startsAt: at,
				endsAt: new Date(at.getTime() + 3600_000),
				capacity: 3
			})
			.returning();
		const people = await Promise.all(Array.from({ length: 12 }, () => makeUser(t.ctx)));
		for (const p of people) await register(t.ctx, p.actor, event.id);
		const results = await Promise.allSettled(
			people.map((p) => chooseWorkshop(t.ctx, p.actor, event.id, item!.id))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
		const rows = await t.ctx.db
			.select()
			.from(workshopChoices)
			.where(eq(workshopChoices.itemId, item!.id));
		expect(rows).toHaveLength(3);
	});
});
