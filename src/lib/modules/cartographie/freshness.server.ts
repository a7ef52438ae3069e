// Freshness of the cartography: once a year each published fiche's contact gets a private link to
// confirm or update it. Run by a timer of the app (every 6 hours), one instance at a time.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Ctx } from '../../server/context';
import { sendEmail } from '../../server/email/outbox';
import { log } from '../../server/log';
import { issueEditLink } from './edit-links.server';
import { addMonths } from './rules';

/** A fiche is reminded when its last verification and last reminder are older than this. */
export const REMIND_AFTER_MONTHS = 12;
const BATCH = 200;

type Claimed = {
	id: string;
	name: string;
	contactEmail: string;
	previous: Date | null;
};

/**
 * Emails every published fiche with a contact address whose last verification (or creation, when
 * never verified) and last reminder are both more than 12 months before `now`: one email with a
 * new private edit link and the confirmation link, then `last_reminded_at = now`. Rows are
 * claimed by one `update … where id in (select … for update skip locked)`, so two runs at once
 * never email the same fiche. Returns the number of emails.
 */
export async function sendFreshnessReminders(ctx: Ctx, now = new Date()): Promise<number> {
	const limit = addMonths(now, -REMIND_AFTER_MONTHS).toISOString();
	const at = now.toISOString();
	let sent = 0;
	for (;;) {
		const { rows } = await ctx.db.execute<Claimed>(sql`
			update carto_fiches f
			set last_reminded_at = ${at}::timestamptz
			from (
				select id, last_reminded_at as previous
				from carto_fiches
				where status = 'publiee'
					and contact_email is not null
					and coalesce(last_verified_at, created_at) < ${limit}::timestamptz
					and (last_reminded_at is null or last_reminded_at < ${limit}::timestamptz)
				order by id
				limit ${BATCH}
				for update skip locked
			) c
			where f.id = c.id
			returning f.id, f.name, f.contact_email as "contactEmail", c.previous`);
		if (rows.length === 0) return sent;
		for (const fiche of rows) {
			try {
				await remind(ctx, fiche);
				sent++;
			} catch (err) {
				// Given back, so that the next run tries again.
				log.error(`[cartographie] rappel de fraîcheur non envoyé (${fiche.id}) :`, err);
				await ctx.db.execute(
					sql`update carto_fiches set last_reminded_at = ${fiche.previous ? new Date(fiche.previous).toISOString() : null}::timestamptz where id = ${fiche.id}`
				);
			}
		}
		if (rows.length < BATCH) return sent;
	}
}

async function remind(ctx: Ctx, fiche: Claimed) {
	const link = await issueEditLink(ctx, fiche.id);
	await sendEmail(ctx, {
		to: fiche.contactEmail,
		kind: 'carto.freshness',
		subject: 'Votre fiche sur la cartographie est-elle toujours à jour ?',
		text: [
			'Bonjour,',
			'',
			`La fiche « ${fiche.name} » est publiée sur la cartographie de l'accompagnement des coopérations territoriales. Une fois par an, nous demandons à chaque structure de vérifier la sienne.`,
			'',
			'Si les informations sont toujours exactes, confirmez-le en un clic :',
			link.confirmUrl,
			'',
			'Si quelque chose a changé, mettez la fiche à jour :',
			link.editUrl,
			'',
			'Ces liens sont personnels : toute personne qui les connaît peut modifier la fiche.'
		].join('\n')
	});
}

/** Key of the session advisory lock that keeps the reminders to one instance at a time. */
export const FRESHNESS_LOCK = 7421003;

/**
 * One run under `pg_try_advisory_lock` on a connection of its own: when another instance holds
 * the lock, nothing is done (null). Errors are logged, not thrown.
 */
export async function runFreshness(ctx: Ctx, pool: pg.Pool, now = new Date()) {
	let client: pg.PoolClient | undefined;
	try {
		client = await pool.connect();
		const { rows } = await client.query<{ locked: boolean }>(
			'select pg_try_advisory_lock($1) as locked',
			[FRESHNESS_LOCK]
		);
		if (!rows[0]?.locked) return null;
		try {
			const sent = await sendFreshnessReminders(ctx, now);
			if (sent > 0) log.info(`[cartographie] ${sent} rappel(s) de fraîcheur envoyé(s)`);
			return sent;
		} finally {
			await client.query('select pg_advisory_unlock($1)', [FRESHNESS_LOCK]);
		}
	} catch (err) {
		log.error('[cartographie] rappels de fraîcheur :', err);
		return null;
	} finally {
		client?.release();
	}
}

export const FRESHNESS_FIRST_RUN_MS = 60_000;
export const FRESHNESS_EVERY_MS = 6 * 60 * 60_000;

/**
 * Runs the reminders a minute after start, then every 6 hours. The timers do not keep the process
 * alive; `stop()` clears them and waits for a run in progress.
 */
export function startFreshnessTimer(ctx: Ctx, pool: pg.Pool) {
	let running: Promise<unknown> | undefined;
	let interval: NodeJS.Timeout | undefined;
	const tick = () => {
		running ??= runFreshness(ctx, pool).finally(() => (running = undefined));
	};
	const first = setTimeout(() => {
		tick();
		interval = setInterval(tick, FRESHNESS_EVERY_MS);
		interval.unref();
	}, FRESHNESS_FIRST_RUN_MS);
	first.unref();
	return {
		async stop() {
			clearTimeout(first);
			clearInterval(interval);
			await running;
		}
	};
}
