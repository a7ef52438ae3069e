import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { expect, type Browser, type Page } from '@playwright/test';
import { ADMIN } from '../../../playwright.config';
import { expectAccessible } from './a11y';
import { query } from './db';

export { ADMIN };

/** Logs in through the real form. */
export async function login(page: Page, email: string, password: string) {
	await page.goto('/connexion');
	await page.getByLabel('Adresse email').fill(email);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('link', { name: /Mon profil/ })).toBeVisible();
}

/** A page logged in as the seeded admin, in its own browser context. */
export async function adminPage(browser: Browser) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await login(page, ADMIN.email, ADMIN.password);
	return page;
}

/** Opens the newest outbox email to `to` as admin and returns the first link it contains. */
export async function linkFromOutbox(admin: Page, to: string, subject: RegExp) {
	await admin.goto('/admin/emails');
	await expectAccessible(admin);
	const row = admin.getByRole('row').filter({ hasText: to }).filter({ hasText: subject }).first();
	await row.getByRole('link').click();
	await expectAccessible(admin);
	const href = await admin.locator('.email-body a').first().getAttribute('href');
	expect(href).toBeTruthy();
	return new URL(href!).pathname;
}

/** Creates an active account straight in the e2e database (fast set-up for access tests). */
export async function createAccount(
	role: 'membre' | 'coordination' | 'admin' = 'membre',
	baseURL = 'http://localhost:4173'
) {
	const email = `${role}-${randomBytes(4).toString('hex')}@example.org`;
	const password = 'une phrase de passe pour les tests';
	await query(
		baseURL,
		`insert into users (email, name, role, status, password_hash) values ($1, $2, $3, 'active', $4)`,
		[email, `Compte ${role}`, role, await hash(password)]
	);
	return { email, password };
}
