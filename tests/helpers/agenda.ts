/** Shared by the agenda's integration tests: a valid event form and rows to look at. */
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../src/lib/server/context';
import { events, registrations } from '../../src/lib/server/db/schema';

/** An event form for `spaceId`, valid unless `over` says otherwise (5 March 2030, 18–20 h). */
export const eventForm = (spaceId: string, over: Record<string, string> = {}) => ({
	kind: 'reunion_chantier',
	title: 'Réunion du chantier',
	start: '2030-03-05T18:00',
	end: '2030-03-05T20:00',
	visibility: 'public',
	spaceIds: spaceId,
	registrationOpen: 'on',
	...over
});

/** The occurrences of a series, in order. */
export function seriesRows(ctx: Ctx, seriesId: string) {
	return ctx.db
		.select()
		.from(events)
		.where(eq(events.seriesId, seriesId))
		.orderBy(asc(events.recurrenceId));
}

/** Adds `n` registrations of guests with this status. */
export async function addRegistrations(
	ctx: Ctx,
	eventId: string,
	n: number,
	status: 'confirmee' | 'liste_attente' = 'confirmee'
) {
	for (let i = 0; i < n; i++) {
		await ctx.db.insert(registrations).values({
			eventId,
			name: `Personne ${i}`,
			email: `p${i}-${eventId.slice(0, 6)}-${status}@example.org`,
			status
		});
	}
}
