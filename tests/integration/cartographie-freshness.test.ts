import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import { cartoEditLinks, cartoFiches, emails } from '../../src/lib/server/db/schema';
import {
	FRESHNESS_LOCK,
	runFreshness,
	sendFreshnessReminders
} from '../../src/lib/modules/cartographie/freshness.server';
import { findEditLink } from '../../src/lib/modules/cartographie/edit-links.server';

let t: TestDb;
beforeAll(async () => {
	t = await createCartographieDb();
});
afterAll(async () => t.close());

const now = new Date('2027-06-15T10:00:00Z');
const monthsAgo = (m: number) => new Date(Date.UTC(2027, 5 - m, 15, 10));

let n = 0;
async function fiche(values: Partial<typeof cartoFiches.$inferInsert>) {
	n++;
	const [row] = await t.ctx.db
		.insert(cartoFiches)
		.values({
			slug: `fraicheur-${n}`,
			name: `Structure ${n}`,
			shortDescription: 'Une structure.',
			communeCode: '69381',
			status: 'publiee',
			createdAt: monthsAgo(30),
			...values
		})
		.returning();
	return row!;
}

const mailsTo = (to: string[]) =>
	t.ctx.db
		.select()
		.from(emails)
		.where(inArray(emails.to, to))
		.then((rows) => rows.filter((r) => r.kind === 'carto.freshness'));

describe('freshness reminders', () => {
	it('emails each due fiche once, with a new edit link and the confirm link', async () => {
		const due = await fiche({ contactEmail: 'due@exemple.fr', lastVerifiedAt: monthsAgo(13) });
		const neverVerified = await fiche({ contactEmail: 'jamais@exemple.fr', lastVerifiedAt: null });
		const remindedLongAgo = await fiche({
			contactEmail: 'ancien-rappel@exemple.fr',
			lastVerifiedAt: monthsAgo(30),
			lastRemindedAt: monthsAgo(13)
		});
		const recent = await fiche({
			contactEmail: 'recente@exemple.fr',
			lastVerifiedAt: monthsAgo(6)
		});
		const remindedRecently = await fiche({
			contactEmail: 'rappel-recent@exemple.fr',
			lastVerifiedAt: monthsAgo(20),
			lastRemindedAt: monthsAgo(2)
		});
		await fiche({ contactEmail: null, lastVerifiedAt: monthsAgo(20) });
		const pending = await fiche({
			contactEmail: 'en-attente@exemple.fr',
			status: 'en_attente',
			lastVerifiedAt: monthsAgo(20)
		});
		const archived = await fiche({
			contactEmail: 'archivee@exemple.fr',
			status: 'archivee',
			lastVerifiedAt: monthsAgo(20)
		});

		expect(await sendFreshnessReminders(t.ctx, now)).toBe(3);
		const all = [
			due,
			neverVerified,
			remindedLongAgo,
			recent,
			remindedRecently,
			pending,
			archived
		].map((f) => f.contactEmail!);
		const sent = await mailsTo(all);
		expect(sent.map((m) => m.to).sort()).toEqual(
			['ancien-rappel@exemple.fr', 'due@exemple.fr', 'jamais@exemple.fr'].sort()
		);

		const mail = sent.find((m) => m.to === 'due@exemple.fr')!;
		expect(mail.subject).toBe('Votre fiche sur la cartographie est-elle toujours à jour ?');
		const edit = mail.text.match(/\/cartographie\/modifier\/([A-Za-z0-9_-]+)/)![1]!;
		const confirm = mail.text.match(/\/cartographie\/confirmer\/([A-Za-z0-9_-]+)/)![1]!;
		expect(edit).toBe(confirm);
		expect(await findEditLink(t.ctx, edit)).toMatchObject({ ficheId: due.id });

		const [after] = await t.ctx.db.select().from(cartoFiches).where(eq(cartoFiches.id, due.id));
		expect(after!.lastRemindedAt!.getTime()).toBe(now.getTime());
		const [untouched] = await t.ctx.db
			.select()
			.from(cartoFiches)
			.where(eq(cartoFiches.id, recent.id));
		expect(untouched!.lastRemindedAt).toBeNull();

		// Nothing more the same day; eleven months later, the reminded ones still get nothing.
		expect(await sendFreshnessReminders(t.ctx, now)).toBe(0);
		await sendFreshnessReminders(t.ctx, new Date('2028-05-15T10:00:00Z'));
		const reminded = ['ancien-rappel@exemple.fr', 'due@exemple.fr', 'jamais@exemple.fr'];
		expect(await mailsTo(reminded)).toHaveLength(3);
	});

	it('never emails a fiche twice, even with two runs at once', async () => {
		const many = [];
		for (let i = 0; i < 30; i++) {
			many.push(
				await fiche({ contactEmail: `concurrent-${i}@exemple.fr`, lastVerifiedAt: monthsAgo(14) })
			);
		}
		const later = new Date('2027-07-01T10:00:00Z');
		const [a, b] = await Promise.all([
			sendFreshnessReminders(t.ctx, later),
			sendFreshnessReminders(t.ctx, later)
		]);
		expect(a + b).toBe(30);
		const sent = await mailsTo(many.map((f) => f.contactEmail!));
		expect(sent).toHaveLength(30);
		expect(new Set(sent.map((m) => m.to)).size).toBe(30);
		const links = await t.ctx.db
			.select()
			.from(cartoEditLinks)
			.where(
				inArray(
					cartoEditLinks.ficheId,
					many.map((f) => f.id)
				)
			);
		expect(links).toHaveLength(30);
	});

	it('runs on one instance at a time: a held lock means nothing is done', async () => {
		await fiche({ contactEmail: 'verrou@exemple.fr', lastVerifiedAt: monthsAgo(14) });
		const pool = new pg.Pool({ connectionString: t.url, max: 2 });
		const holder = new pg.Client({ connectionString: t.url });
		await holder.connect();
		try {
			await holder.query('select pg_advisory_lock($1)', [FRESHNESS_LOCK]);
			const later = new Date('2027-08-01T10:00:00Z');
			expect(await runFreshness(t.ctx, pool, later)).toBeNull();
			expect(await mailsTo(['verrou@exemple.fr'])).toHaveLength(0);
			await holder.query('select pg_advisory_unlock($1)', [FRESHNESS_LOCK]);
			expect(await runFreshness(t.ctx, pool, later)).toBe(1);
			expect(await mailsTo(['verrou@exemple.fr'])).toHaveLength(1);
		} finally {
			await holder.end();
			await pool.end();
		}
	});
});
