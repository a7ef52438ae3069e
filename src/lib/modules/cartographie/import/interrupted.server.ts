// Imports whose run died with its process (a restart, a crash) are left en_cours in their row;
// these rules end them echouee with a French message, so that the page does not wait forever.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../server/context';
import { log } from '../../../server/log';

/** A task that stopped reporting progress this long ago died with its process (a restart). */
export const INTERRUPTED_AFTER_MS = 5 * 60_000;
export const INTERRUPTED_MESSAGE =
	"Import interrompu : le serveur a redémarré pendant le traitement. Aucune fiche n'a été créée ; déposez le fichier à nouveau.";

/** Ids of the tasks running in this process: those are alive whatever their last progress. */
export const runningTasks = new Map<string, Promise<void>>();

/**
 * Marks as failed the tasks that stopped: a run reports progress every few hundred rows, so a
 * row en_cours without progress for 5 minutes belongs to a process that is gone (the import's
 * transaction was rolled back with it). Checked when an import is read, and at start.
 */
export async function markInterrupted(ctx: Ctx, olderThanMs = INTERRUPTED_AFTER_MS) {
	const alive = [...runningTasks.keys()];
	await ctx.db.execute(sql`
		update carto_imports
		set status = 'echouee', finished_at = now(),
			report = coalesce(report, '{}'::jsonb) || jsonb_build_object('failure', ${INTERRUPTED_MESSAGE}::text)
		where status = 'en_cours'
			and coalesce((report->>'progressAt')::timestamptz, created_at)
				< now() - make_interval(secs => ${olderThanMs / 1000})
			and not (id = any(${sql.param(alive)}::uuid[]))`);
}

/**
 * At start, this process runs no task yet: an import en_cours was left by a stopped process.
 * With the embedded database this process is the only one, so every such import ends now. With a
 * shared database another instance may be running it, so the 5-minute rule applies: now, and
 * once more when 5 minutes have passed (the pages also check it whenever they read an import).
 */
export async function recoverInterruptedImports(
	ctx: Ctx,
	alone: boolean,
	recheckAfterMs = INTERRUPTED_AFTER_MS + 1_000
) {
	await markInterrupted(ctx, alone ? 0 : INTERRUPTED_AFTER_MS);
	if (alone) return { stop() {} };
	const timer = setTimeout(() => {
		markInterrupted(ctx).catch((err: unknown) =>
			log.warn(`[import] imports interrompus non vérifiés : ${(err as Error).message}`)
		);
	}, recheckAfterMs);
	timer.unref();
	return { stop: () => clearTimeout(timer) };
}
