import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { ADMIN } from './support/accounts';

/**
 * The whole app, on the embedded PostgreSQL, is killed with SIGKILL (its PostgreSQL keeps
 * running and holds the data folder); the next start must come up cleanly with every committed
 * row. A dedicated instance on its own port and data folder.
 */
const nodeFlags = JSON.parse(fs.readFileSync('package.json', 'utf8'))
	.scripts.start.split(' ')
	.filter((a: string) => a.startsWith('--'));

function start(port: number, dataDir: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, [...nodeFlags, 'scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			ADMIN_EMAIL: ADMIN.email,
			ADMIN_PASSWORD: ADMIN.password
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (b: Buffer) => b.toString().includes('est prêt') && resolve(child));
		child.once('exit', (code) => reject(new Error(`the app exited with ${code}`)));
		setTimeout(() => reject(new Error('the app did not start within 30 s')), 30_000).unref();
	});
}

test('after kill -9, the next start comes up with all committed data', async ({
	page,
	baseURL
}) => {
	const port = Number(new URL(baseURL!).port) + 50;
	const origin = `http://localhost:${port}`;
	const dataDir = path.resolve(`tests/.tmp/restart-${port}`);
	fs.rmSync(dataDir, { recursive: true, force: true });

	let app = await start(port, dataDir);
	await page.goto(`${origin}/rejoindre`);
	await page.getByLabel('Nom et prénom').fill('Avant Redémarrage');
	await page.getByLabel('Adresse email').fill('avant.redemarrage@example.org');
	await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
	await expect(page.getByText('Demande envoyée')).toBeVisible();

	app.kill('SIGKILL');
	await new Promise((r) => app.once('exit', r));

	app = await start(port, dataDir);
	try {
		await page.context().clearCookies();
		await page.goto(`${origin}/connexion`);
		await page.getByLabel('Adresse email').fill(ADMIN.email);
		await page.getByLabel('Mot de passe').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await page.goto(`${origin}/admin/demandes`);
		await expectAccessible(page);
		await expect(page.getByRole('heading', { name: 'Avant Redémarrage' })).toBeVisible();
	} finally {
		const exited = new Promise((r) => app.once('exit', r));
		app.kill('SIGTERM');
		await exited;
	}
	// A clean stop also stops the bundled PostgreSQL.
	expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
});
