import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db';
import { seedIfEmpty } from '../../src/lib/server/seed/seed';
import { figuresBySpace, periodFigures } from '../../src/lib/modules/agenda/figures.server';
import { agendaEvents } from '../../src/lib/modules/demarche/seed-data/agenda';
import * as content from '../../src/lib/modules/demarche/seed-data';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb({ SEED_DEMO: 'true' });
	expect(await seedIfEmpty(t.ctx, () => undefined)).toBe(true);
});
afterAll(() => t?.close());

const figure = (key: string) => content.figures.find((f) => f.key === key)!.value;
const byKind = (kind: string) => agendaEvents.filter((e) => e.kind === kind).length;

describe('the seeded agenda history', () => {
	it('gives, through the figures service, what the seed data declares', async () => {
		const all = await periodFigures(t.ctx, { from: null, to: null });
		// Counts of the bilan (seed 000), as the seed data lists them.
		expect(all.meetings.copil).toBe(figure('copil-meetings'));
		expect(all.meetings.reunion_chantier).toBe(figure('chantier-meetings'));
		expect(all.meetings.interchantiers).toBe(figure('interchantier-days'));
		expect(all.meetings.externe).toBe(byKind('externe'));
		expect(all.meetingsTotal).toBe(agendaEvents.length);

		// Hours exactly as the seed's attendance adds up…
		const minutes = (volunteer: boolean) =>
			agendaEvents
				.flatMap((e) => e.attendance.map((a) => ({ a, e })))
				.filter(({ a }) => !volunteer || a.timeKind === 'benevole')
				.reduce((sum, { a, e }) => sum + (a.minutes ?? e.attendanceMinutes), 0);
		expect(all.minutesGiven).toBe(minutes(false));
		expect(all.volunteerMinutes).toBe(minutes(true));
		expect(all.paidMinutes).toBe(all.minutesGiven - all.volunteerMinutes);
		const people = new Set(
			agendaEvents.flatMap((e) => e.attendance.map((a) => a.personKey ?? a.guest))
		);
		expect(all.participants).toBe(people.size);

		// …and within a tenth of the bilan's figures.
		const near = (value: number, expected: number) =>
			expect(Math.abs(value - expected) / expected).toBeLessThan(0.1);
		near(all.minutesGiven / 60, figure('hours-total'));
		near(all.volunteerMinutes / 60, figure('hours-volunteer'));
		expect(all.participants).toBeGreaterThan(figure('participants'));
	});

	it('marks every seeded event as an example, the key dates on their days', async () => {
		const rows = await t.ctx.db.execute<{ day: string; example: boolean; kind: string }>(
			sql`select to_char(starts_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as day, is_example as example, kind from events`
		);
		expect(rows.rows.every((r) => r.example)).toBe(true);
		const days = rows.rows.map((r) => r.day);
		for (const d of ['2023-10-13', '2024-03-12', '2024-10-02', '2025-03-27']) {
			expect(days).toContain(d);
		}
		const years = new Set(days.map((d) => d.slice(0, 4)));
		expect([...years].sort()).toEqual(['2023', '2024', '2025']);
	});

	it('gives each space its meetings, the interchantier days in each', async () => {
		const { spaces } = await figuresBySpace(t.ctx, { from: null, to: null });
		const of = (slug: string) => spaces.find((s) => s.space.slug === slug)!.figures;
		const expected = (slug: string) => agendaEvents.filter((e) => e.spaceSlugs.includes(slug));
		for (const slug of ['comite-de-pilotage', 'chantier-1-competences-metiers']) {
			expect(of(slug).meetingsTotal).toBe(expected(slug).length);
		}
		const y2024 = await periodFigures(t.ctx, { from: '2024-01-01', to: '2024-12-31' });
		expect(y2024.meetingsTotal).toBe(agendaEvents.filter((e) => e.start.startsWith('2024')).length);
	});
});
