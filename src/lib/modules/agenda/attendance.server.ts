/**
 * Attendance after a meeting: who came, for how long, and whether their time was volunteer
 * (bénévole) or paid (salarié·e). The list offered comes from the confirmed registrations and the
 * organising spaces' current members; people without an account are added by name. Recording
 * again replaces the whole list.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import {
	attendance,
	events,
	registrations,
	spaceMembers,
	structures,
	users
} from '../../server/db/schema';
import type { Actor } from '../../server/auth/policy';
import { ValidationError } from '../../server/errors';
import { managedEvent } from './after-access.server';
import { readAttendanceForm, type TimeKind } from './attendance-form';
import { plannedMinutes } from './hours';

export interface Candidate {
	/** `u:<user>` for a member, `r:<registration>` for a guest registered, `g:<row>` for a name. */
	key: string;
	userId: string | null;
	registrationId: string | null;
	name: string;
	structureId: string | null;
	structure: string | null;
	origin: 'inscription' | 'membre' | 'invite';
	present: boolean;
	timeKind: TimeKind;
	minutes: number | null;
}

async function candidatesOf(ctx: Ctx, eventId: string, spaceIds: string[]) {
	const recorded = await ctx.db
		.select({
			id: attendance.id,
			userId: attendance.userId,
			registrationId: attendance.registrationId,
			name: attendance.name,
			structureId: attendance.structureId,
			structure: structures.name,
			timeKind: attendance.timeKind,
			minutes: attendance.minutes
		})
		.from(attendance)
		.leftJoin(structures, eq(structures.id, attendance.structureId))
		.where(eq(attendance.eventId, eventId))
		.orderBy(asc(attendance.name));
	const regs = await ctx.db
		.select({
			id: registrations.id,
			userId: registrations.userId,
			name: registrations.name,
			structureId: registrations.structureId,
			structure: structures.name,
			profileKind: users.timeKind
		})
		.from(registrations)
		.leftJoin(users, eq(users.id, registrations.userId))
		.leftJoin(structures, eq(structures.id, registrations.structureId))
		.where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmee')))
		.orderBy(asc(registrations.name));
	const members = spaceIds.length
		? await ctx.db
				.selectDistinctOn([users.id], {
					userId: users.id,
					name: users.name,
					structureId: users.structureId,
					structure: structures.name,
					profileKind: users.timeKind
				})
				.from(spaceMembers)
				.innerJoin(users, eq(users.id, spaceMembers.userId))
				.leftJoin(structures, eq(structures.id, users.structureId))
				.where(and(inArray(spaceMembers.spaceId, spaceIds), isNull(spaceMembers.until)))
				.orderBy(users.id)
		: [];
	const list = new Map<string, Candidate>();
	for (const r of recorded) {
		const key = r.userId
			? `u:${r.userId}`
			: r.registrationId
				? `r:${r.registrationId}`
				: `g:${r.id}`;
		list.set(key, { key, ...r, origin: 'invite', present: true });
	}
	const wasRecorded = recorded.length > 0;
	for (const r of regs) {
		const key = r.userId ? `u:${r.userId}` : `r:${r.id}`;
		const seen = list.get(key);
		if (seen) {
			seen.origin = 'inscription';
			seen.registrationId ??= r.id;
			continue;
		}
		list.set(key, {
			key,
			userId: r.userId,
			registrationId: r.id,
			name: r.name,
			structureId: r.structureId,
			structure: r.structure,
			origin: 'inscription',
			// Before the first recording, those registered are ticked: most of them came.
			present: !wasRecorded,
			timeKind: r.profileKind ?? 'salarie',
			minutes: null
		});
	}
	for (const m of members) {
		const key = `u:${m.userId}`;
		const seen = list.get(key);
		if (seen) {
			if (seen.origin === 'invite') seen.origin = 'membre';
			continue;
		}
		list.set(key, {
			key,
			userId: m.userId,
			registrationId: null,
			name: m.name,
			structureId: m.structureId,
			structure: m.structure,
			origin: 'membre',
			present: false,
			timeKind: m.profileKind,
			minutes: null
		});
	}
	return [...list.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** What the attendance form shows. */
export async function getAttendance(ctx: Ctx, actor: Actor | null, slug: string) {
	const { event, spaces } = await managedEvent(ctx, actor, slug);
	const planned = plannedMinutes(event.startsAt, event.endsAt, event.allDay);
	return {
		event,
		spaces,
		planned,
		duration: event.attendanceMinutes ?? planned,
		recordedAt: event.attendanceRecordedAt,
		isPast: event.startsAt.getTime() <= Date.now(),
		candidates: await candidatesOf(
			ctx,
			event.id,
			spaces.map((s) => s.id)
		)
	};
}

/**
 * Replaces the attendance of a past event from its form, in one transaction. Returns the number
 * of people recorded.
 */
export async function recordAttendance(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	raw: Parameters<typeof readAttendanceForm>[0],
	now = new Date()
): Promise<number> {
	const { event, spaces, actor: who } = await managedEvent(ctx, actor, slug);
	const input = readAttendanceForm(raw);
	if (event.status === 'annule') {
		throw new ValidationError({}, 'Cet événement est annulé : il n’y a pas de présences à noter.');
	}
	if (event.startsAt.getTime() > now.getTime()) {
		throw new ValidationError(
			{},
			'Cet événement n’a pas encore eu lieu : les présences se notent après la réunion.'
		);
	}
	const candidates = await candidatesOf(
		ctx,
		event.id,
		spaces.map((s) => s.id)
	);
	const byKey = new Map(candidates.map((c) => [c.key, c]));
	const unknown = input.attendees.filter((a) => !byKey.has(a.key));
	if (unknown.length) {
		throw new ValidationError({
			present: 'Une personne cochée n’est ni inscrite ni membre : ajoutez-la par son nom.'
		});
	}
	const rows = [
		...input.attendees.map((a) => {
			const c = byKey.get(a.key)!;
			return {
				userId: c.userId,
				registrationId: c.registrationId,
				name: c.name,
				structureId: c.structureId,
				timeKind: a.timeKind,
				minutes: a.minutes
			};
		}),
		...input.guests.map((g) => ({
			userId: null,
			registrationId: null,
			name: g.name,
			structureId: null,
			timeKind: g.timeKind,
			minutes: g.minutes
		}))
	];
	const at = new Date();
	await ctx.db.transaction(async (tx) => {
		// Serialises two organisers recording at once: the last one wins whole.
		await tx.select({ id: events.id }).from(events).where(eq(events.id, event.id)).for('update');
		await tx.delete(attendance).where(eq(attendance.eventId, event.id));
		if (rows.length) {
			await tx
				.insert(attendance)
				.values(
					rows.map((r) => ({ ...r, eventId: event.id, recordedBy: who.userId, recordedAt: at }))
				);
		}
		await tx
			.update(events)
			.set({ attendanceMinutes: input.durationMinutes, attendanceRecordedAt: at })
			.where(eq(events.id, event.id));
	});
	return rows.length;
}
