import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import { cartoImports } from '../../src/lib/server/db/schema';
import { getImport, uploadImport } from '../../src/lib/modules/cartographie/import/import.server';
import {
	INTERRUPTED_MESSAGE,
	recoverInterruptedImports
} from '../../src/lib/modules/cartographie/import/interrupted.server';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let admin: Actor;
beforeAll(async () => {
	t = await createCartographieDb();
	admin = (await makeUser(t.ctx, 'admin')).actor;
}, 120_000);
afterAll(async () => t.close());

const header = 'nom,description_courte,commune,territoires';

/** An uploaded import left en_cours by a run that last reported progress `minutesAgo` ago. */
async function leftRunning(minutesAgo: number) {
	const file = new File([`${header}\nA,B,69123,departement:69\n`], 'fiches.csv', {
		type: 'text/csv'
	});
	const { id } = await uploadImport(t.ctx, admin, file);
	await setProgress(id, minutesAgo);
	return id;
}

const setProgress = (id: string, minutesAgo: number) =>
	t.ctx.db
		.update(cartoImports)
		.set({
			status: 'en_cours',
			report: sql`${cartoImports.report} || jsonb_build_object('phase', 'import', 'progressAt', (now() - make_interval(mins => ${minutesAgo}))::text)`
		})
		.where(eq(cartoImports.id, id));

const statusOf = async (id: string) =>
	(await t.ctx.db.select().from(cartoImports).where(eq(cartoImports.id, id)))[0]!;

describe('interrupted imports', () => {
	it('shows a task that stopped reporting progress for 5 minutes as interrupted', async () => {
		const id = await leftRunning(6);
		const imp = await getImport(t.ctx, admin, id);
		expect(imp.status).toBe('echouee');
		expect(imp.report.failure).toBe(INTERRUPTED_MESSAGE);
	});

	it('ends at start every import en_cours when the process is alone on its database', async () => {
		const id = await leftRunning(0);
		const recovery = await recoverInterruptedImports(t.ctx, true);
		recovery.stop();
		const row = await statusOf(id);
		expect(row.status).toBe('echouee');
		expect(row.finishedAt).not.toBeNull();
		expect((row.report as { failure?: string }).failure).toMatch(
			/^Import interrompu : le serveur a redémarré/
		);
	});

	it('with a shared database, ends at start the stale ones, and the others once stale', async () => {
		const stale = await leftRunning(6);
		const recent = await leftRunning(1);
		const recovery = await recoverInterruptedImports(t.ctx, false, 200);
		expect((await statusOf(stale)).status).toBe('echouee');
		// Perhaps running in another instance: kept until its progress is 5 minutes old.
		expect((await statusOf(recent)).status).toBe('en_cours');
		await setProgress(recent, 6);
		await expect.poll(async () => (await statusOf(recent)).status).toBe('echouee');
		recovery.stop();
	});
});
