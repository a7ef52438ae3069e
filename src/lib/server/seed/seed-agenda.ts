/**
 * The agenda's example history (seed 000): past meetings of the spaces with their attendance,
 * marked as examples. See demarche/seed-data/agenda.ts for what is sourced and what is made up.
 */
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { attendance, users } from '../db/schema';
import { people } from '../../modules/demarche/seed-data/people';
import { agendaEvents, volunteerPeople } from '../../modules/demarche/seed-data/agenda';
import { eventSlug } from '../../modules/agenda/labels';
import { insertEvent } from '../../modules/agenda/repository.server';
import { localToInstant } from '../../modules/agenda/time';

interface Ids {
	people: Map<string, string>;
	spaces: Map<string, string>;
	structures: Map<string, string>;
}

export async function seedAgenda(db: Ctx['db'], ids: Ids) {
	// People taking part in their own name give volunteer time: their profile says so.
	const volunteers = volunteerPeople.map((k) => ids.people.get(k)!).filter(Boolean);
	if (volunteers.length) {
		await db.update(users).set({ timeKind: 'benevole' }).where(inArray(users.id, volunteers));
	}
	const byKey = new Map(people.map((p) => [p.key, p]));
	for (const e of agendaEvents) {
		const startsAt = localToInstant(e.start, 'Europe/Paris');
		if (!startsAt) throw new Error(`Seed: bad start ${e.start}`);
		const endsAt = new Date(startsAt.getTime() + e.plannedMinutes * 60_000);
		const row = await insertEvent(
			db,
			{
				slug: eventSlug(e.title, e.start.slice(0, 10)),
				kind: e.kind,
				title: e.title,
				description: e.description,
				startsAt,
				endsAt,
				placeName: e.placeName ?? null,
				onlineUrl: e.onlineUrl ?? null,
				visibility: e.kind === 'copil' ? 'members' : 'public',
				registrationOpen: false,
				attendanceMinutes: e.attendanceMinutes,
				attendanceRecordedAt: endsAt,
				isExample: true
			},
			e.spaceSlugs.map((slug) => {
				const id = ids.spaces.get(slug);
				if (!id) throw new Error(`Seed: no space ${slug}`);
				return id;
			})
		);
		await db.insert(attendance).values(
			e.attendance.map((a) => {
				const p = a.personKey ? byKey.get(a.personKey) : undefined;
				if (a.personKey && !p) throw new Error(`Seed: no person ${a.personKey}`);
				return {
					eventId: row.id,
					userId: p ? ids.people.get(p.key)! : null,
					name: p?.name ?? a.guest!,
					structureId: p?.structureSlug ? (ids.structures.get(p.structureSlug) ?? null) : null,
					timeKind: a.timeKind,
					minutes: a.minutes ?? null,
					recordedAt: endsAt
				};
			})
		);
	}
}
