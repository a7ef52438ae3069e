import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import {
	attendance,
	events,
	minutesItems,
	registrations,
	roadmapActions,
	spaceDecisions,
	spaceObjectives,
	users
} from '../../src/lib/server/db/schema';
import { insertEvent, type NewEvent } from '../../src/lib/modules/agenda/repository.server';
import { getAttendance, recordAttendance } from '../../src/lib/modules/agenda/attendance.server';
import { readAttendanceForm } from '../../src/lib/modules/agenda/attendance-form';
import {
	addMinutesItem,
	getMinutes,
	recordDecision,
	removeMinutesItem,
	saveMinutes,
	sendActionToRoadmap
} from '../../src/lib/modules/agenda/minutes.server';
import {
	addAttachment,
	removeAttachment,
	serveAttachment
} from '../../src/lib/modules/agenda/attachments.server';
import {
	ForbiddenError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../src/lib/server/errors';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(async () => t?.close());

const H = 60 * 60 * 1000;

async function setup(values: Partial<NewEvent> = {}) {
	const space = await makeSpace(t.ctx);
	const other = await makeSpace(t.ctx, 'Autre chantier');
	const referent = await makeUser(t.ctx);
	await addToSpace(t.ctx, referent.actor, space.id, 'referent');
	const volunteer = await makeUser(t.ctx);
	await t.ctx.db.update(users).set({ timeKind: 'benevole' }).where(eq(users.id, volunteer.user.id));
	await addToSpace(t.ctx, volunteer.actor, space.id, 'membre');
	const member = await makeUser(t.ctx);
	await addToSpace(t.ctx, member.actor, space.id, 'membre');
	const startsAt = values.startsAt ?? new Date(Date.now() - 3 * 24 * H);
	const event = await insertEvent(
		t.ctx.db,
		{
			slug: `reunion-${randomBytes(4).toString('hex')}`,
			kind: 'reunion_chantier',
			title: 'Réunion du chantier',
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * H),
			...values
		},
		[space.id]
	);
	await t.ctx.db.insert(registrations).values([
		{
			eventId: event.id,
			userId: volunteer.user.id,
			name: volunteer.user.name,
			email: volunteer.user.email!,
			status: 'confirmee'
		},
		{ eventId: event.id, name: 'Zoé Invitée', email: 'zoe@example.org', status: 'confirmee' },
		{ eventId: event.id, name: 'Yann Attente', email: 'yann@example.org', status: 'liste_attente' }
	]);
	return { space, other, referent, volunteer, member, event };
}

const rowsOf = (eventId: string) =>
	t.ctx.db.select().from(attendance).where(eq(attendance.eventId, eventId));

describe('attendance', () => {
	it('offers registrations and members with their profile’s time kind, then records and replaces', async () => {
		const { referent, volunteer, member, event } = await setup();
		const form = await getAttendance(t.ctx, referent.actor, event.slug);
		expect(form.duration).toBe(120);
		const byName = (name: string) => form.candidates.find((c) => c.name === name);
		expect(byName(volunteer.user.name)).toMatchObject({
			key: `u:${volunteer.user.id}`,
			present: true,
			timeKind: 'benevole',
			origin: 'inscription'
		});
		expect(byName('Zoé Invitée')).toMatchObject({ present: true, origin: 'inscription' });
		expect(form.candidates.find((c) => c.userId === member.user.id)).toMatchObject({
			present: false,
			timeKind: 'salarie',
			origin: 'membre'
		});
		expect(byName('Yann Attente')).toBeUndefined();
		const zoe = byName('Zoé Invitée')!;

		const input = {
			durationHours: '1',
			durationMinutes: '30',
			[`present:u:${volunteer.user.id}`]: 'on',
			[`present:${zoe.key}`]: 'on',
			[`kind:u:${volunteer.user.id}`]: 'benevole',
			[`kind:${zoe.key}`]: 'salarie',
			[`minutes:${zoe.key}`]: '45',
			'guestName:0': 'Paul Dupont',
			'guestKind:0': 'benevole',
			'guestName:1': ''
		};
		expect(await recordAttendance(t.ctx, referent.actor, event.slug, input)).toBe(3);
		const rows = await rowsOf(event.id);
		expect(rows.map((r) => [r.name, r.timeKind, r.minutes]).sort()).toEqual(
			[
				[volunteer.user.name, 'benevole', null],
				['Paul Dupont', 'benevole', null],
				['Zoé Invitée', 'salarie', 45]
			].sort()
		);
		expect(rows.find((r) => r.name === 'Zoé Invitée')!.registrationId).toBe(zoe.registrationId);
		const [saved] = await t.ctx.db.select().from(events).where(eq(events.id, event.id));
		expect(saved!.attendanceMinutes).toBe(90);
		expect(saved!.attendanceRecordedAt).toBeInstanceOf(Date);

		// The form now shows what was recorded, the guest by name included.
		const again = await getAttendance(t.ctx, referent.actor, event.slug);
		expect(again.duration).toBe(90);
		expect(again.candidates.find((c) => c.name === 'Paul Dupont')).toMatchObject({
			present: true,
			timeKind: 'benevole'
		});

		await recordAttendance(t.ctx, referent.actor, event.slug, {
			durationHours: '2',
			[`present:u:${member.user.id}`]: 'on',
			[`kind:u:${member.user.id}`]: 'salarie'
		});
		const replaced = await rowsOf(event.id);
		expect(replaced.map((r) => r.userId)).toEqual([member.user.id]);
	});

	it('lets only organisers record, and only for a past, confirmed event', async () => {
		const { member, event, volunteer } = await setup();
		const input = {
			durationHours: '1',
			[`present:u:${volunteer.user.id}`]: 'on',
			[`kind:u:${volunteer.user.id}`]: 'benevole'
		};
		await expect(recordAttendance(t.ctx, member.actor, event.slug, input)).rejects.toThrow(
			ForbiddenError
		);
		await expect(getAttendance(t.ctx, null, event.slug)).rejects.toThrow(UnauthenticatedError);
		const coordination = await makeUser(t.ctx, 'coordination');
		expect(await recordAttendance(t.ctx, coordination.actor, event.slug, input)).toBe(1);

		const future = await setup({ startsAt: new Date(Date.now() + 24 * H) });
		await expect(
			recordAttendance(t.ctx, future.referent.actor, future.event.slug, input)
		).rejects.toThrow(/pas encore eu lieu/);
		const cancelled = await setup({ status: 'annule' });
		await expect(
			recordAttendance(t.ctx, cancelled.referent.actor, cancelled.event.slug, input)
		).rejects.toThrow(/annulé/);
		// Someone neither registered nor a member cannot be ticked.
		const { referent, event: e2 } = await setup();
		const stranger = await makeUser(t.ctx);
		await expect(
			recordAttendance(t.ctx, referent.actor, e2.slug, {
				durationHours: '1',
				[`present:u:${stranger.user.id}`]: 'on',
				[`kind:u:${stranger.user.id}`]: 'benevole'
			})
		).rejects.toThrow(ValidationError);
		expect(await rowsOf(e2.id)).toEqual([]);
	});

	it('gives French messages for a bad duration, time or kind', () => {
		const errorsOf = (raw: Record<string, string | string[]>) => {
			try {
				readAttendanceForm(raw);
			} catch (err) {
				if (err instanceof ValidationError) return err.fields;
				throw err;
			}
			return {};
		};
		expect(
			errorsOf({
				durationHours: '0',
				durationMinutes: '0',
				'present:u:1': 'on',
				'kind:u:1': 'benevole'
			})
		).toEqual({
			duration: 'La durée doit être supérieure à zéro.'
		});
		expect(
			errorsOf({ durationHours: '25', 'present:u:1': 'on', 'kind:u:1': 'benevole' }).duration
		).toBe('La durée ne peut pas dépasser 24 heures.');
		expect(errorsOf({ durationHours: '1', 'present:u:1': 'on', 'minutes:u:1': '90' })).toEqual({
			'kind:u:1': 'Choisissez bénévole ou salarié·e.',
			'minutes:u:1': 'Le temps de présence ne peut pas dépasser la durée de la réunion.'
		});
		expect(errorsOf({ durationHours: '1' }).present).toMatch(/au moins une personne/);
	});
});

describe('minutes', () => {
	it('saves the text, adds items and sends an action to the roadmap exactly once', async () => {
		const { space, other, referent, member, event } = await setup();
		await saveMinutes(t.ctx, referent.actor, event.slug, { minutes: '## Points\n\n- Budget' });
		await expect(saveMinutes(t.ctx, member.actor, event.slug, { minutes: 'x' })).rejects.toThrow(
			ForbiddenError
		);
		await expect(
			addMinutesItem(t.ctx, referent.actor, event.slug, { kind: 'action', text: ' ' })
		).rejects.toThrow(ValidationError);
		const action = await addMinutesItem(t.ctx, referent.actor, event.slug, {
			kind: 'action',
			text: 'Rédiger la note de synthèse',
			owner: 'Sophie',
			dueDate: '2025-09-30'
		});
		const decision = await addMinutesItem(t.ctx, referent.actor, event.slug, {
			kind: 'decision',
			text: 'Le chantier se réunit chaque mois'
		});
		const [objective] = await t.ctx.db
			.insert(spaceObjectives)
			.values({ spaceId: space.id, kind: 'operationnel', title: 'Produire la note' })
			.returning();
		const [foreign] = await t.ctx.db
			.insert(spaceObjectives)
			.values({ spaceId: other.id, kind: 'operationnel', title: 'Ailleurs' })
			.returning();
		await expect(
			sendActionToRoadmap(t.ctx, referent.actor, event.slug, action.id, foreign!.id)
		).rejects.toThrow(ValidationError);
		await expect(
			sendActionToRoadmap(t.ctx, referent.actor, event.slug, decision.id, objective!.id)
		).rejects.toThrow(ValidationError);

		// Two clicks at once: one action in the roadmap.
		const tries = await Promise.allSettled([
			sendActionToRoadmap(t.ctx, referent.actor, event.slug, action.id, objective!.id),
			sendActionToRoadmap(t.ctx, referent.actor, event.slug, action.id, objective!.id)
		]);
		expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const created = await t.ctx.db
			.select()
			.from(roadmapActions)
			.where(eq(roadmapActions.spaceId, space.id));
		expect(created).toHaveLength(1);
		expect(created[0]).toMatchObject({
			title: 'Rédiger la note de synthèse',
			objectiveId: objective!.id,
			dueDate: '2025-09-30',
			status: 'a_faire'
		});
		expect(created[0]!.description).toContain('Sophie');
		const [item] = await t.ctx.db.select().from(minutesItems).where(eq(minutesItems.id, action.id));
		expect(item!.roadmapActionId).toBe(created[0]!.id);
		await expect(
			sendActionToRoadmap(t.ctx, referent.actor, event.slug, action.id, objective!.id)
		).rejects.toThrow(/déjà été envoyée/);
		await expect(removeMinutesItem(t.ctx, referent.actor, event.slug, action.id)).rejects.toThrow(
			ValidationError
		);

		await recordDecision(t.ctx, referent.actor, event.slug, decision.id, space.id);
		await expect(
			recordDecision(t.ctx, referent.actor, event.slug, decision.id, space.id)
		).rejects.toThrow(/déjà au relevé/);
		await expect(
			recordDecision(t.ctx, referent.actor, event.slug, decision.id, other.id)
		).rejects.toThrow(ValidationError);
		const decisions = await t.ctx.db
			.select()
			.from(spaceDecisions)
			.where(eq(spaceDecisions.spaceId, space.id));
		expect(decisions).toHaveLength(1);
		expect(decisions[0]).toMatchObject({
			eventId: event.id,
			decision: 'Le chantier se réunit chaque mois'
		});

		const page = await getMinutes(t.ctx, member.actor, event.slug);
		expect(page.canManage).toBe(false);
		expect(page.event.minutes).toBe('## Points\n\n- Budget');
		expect(page.items.find((i) => i.id === action.id)!.sent?.href).toContain(
			'/feuille-de-route#action-'
		);
		expect(page.items.find((i) => i.id === decision.id)!.recordedIn).toHaveLength(1);
	});
});

describe('attachments', () => {
	const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

	it('keeps accepted files only, and serves them to whoever may see the event', async () => {
		const { referent, member, event } = await setup({ visibility: 'space' });
		for (const file of [
			new File(['<html><script>x</script></html>'], 'a.pdf'),
			new File(['bonjour'], 'notes.txt'),
			new File([], 'vide.pdf')
		]) {
			await expect(
				addAttachment(t.ctx, referent.actor, event.slug, { title: 'Doc', file })
			).rejects.toThrow(ValidationError);
		}
		await expect(
			addAttachment(t.ctx, member.actor, event.slug, {
				title: 'Doc',
				file: new File([pdf], 'a.pdf')
			})
		).rejects.toThrow(ForbiddenError);
		const row = await addAttachment(t.ctx, referent.actor, event.slug, {
			title: 'Présentation',
			file: new File([pdf], 'présentation "finale".pdf')
		});
		expect(row.contentType).toBe('application/pdf');

		const res = await serveAttachment(t.ctx, member.actor, event.slug, row.id);
		expect(res.headers.get('Content-Type')).toBe('application/pdf');
		expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
		expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
		await expect(serveAttachment(t.ctx, null, event.slug, row.id)).rejects.toThrow(
			UnauthenticatedError
		);
		const outsider = await makeUser(t.ctx);
		await expect(serveAttachment(t.ctx, outsider.actor, event.slug, row.id)).rejects.toThrow(
			ForbiddenError
		);

		await removeAttachment(t.ctx, referent.actor, event.slug, row.id);
		await expect(serveAttachment(t.ctx, member.actor, event.slug, row.id)).rejects.toThrow(
			NotFoundError
		);
	});
});
