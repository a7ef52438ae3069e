import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the BUILT app twice: on an external PostgreSQL (a fresh database on the
 * server at TEST_DATABASE_URL, CI's 127.0.0.1:5432) and on the embedded default (no
 * DATABASE_URL at all). Debian's Chromium is driven; axe checks every page visited.
 */
// E2E_PORT lets two runs share a machine (each uses E2E_PORT and E2E_PORT + 1).
const MAIN_PORT = Number(process.env.E2E_PORT ?? 4173);
const EMBEDDED_PORT = MAIN_PORT + 1;
export const ADMIN = { email: 'admin@example.org', password: 'mot-de-passe-admin-e2e' };

const chromium = {
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	timeout: 60_000,
	reporter: process.env.CI ? 'list' : 'list',
	use: {
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: chromium
	},
	projects: [
		{
			name: 'postgres',
			testIgnore: /(embedded|restart)\.spec\.ts/,
			use: { baseURL: `http://localhost:${MAIN_PORT}` }
		},
		{
			name: 'embedded',
			testMatch: /(embedded|restart)\.spec\.ts/,
			use: { baseURL: `http://localhost:${EMBEDDED_PORT}` }
		}
	],
	webServer: [
		{
			command: 'node tests/e2e/support/serve.js',
			url: `http://localhost:${MAIN_PORT}/`,
			timeout: 60_000,
			reuseExistingServer: false,
			stdout: 'pipe',
			env: { PORT: String(MAIN_PORT), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }
		},
		{
			command: `rm -rf tests/.tmp/e2e-embedded-${EMBEDDED_PORT} && node scripts/start.js`,
			url: `http://localhost:${EMBEDDED_PORT}/`,
			timeout: 60_000,
			reuseExistingServer: false,
			env: {
				PORT: String(EMBEDDED_PORT),
				DATA_DIR: `tests/.tmp/e2e-embedded-${EMBEDDED_PORT}`,
				DATABASE_URL: '',
				ADMIN_EMAIL: ADMIN.email,
				ADMIN_PASSWORD: ADMIN.password
			}
		}
	]
});
