import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './support/a11y';
import { ADMIN, adminPage, linkFromOutbox, login } from './support/accounts';

const unique = () => Math.random().toString(36).slice(2, 8);

test('a person requests to join, coordination approves, the person activates, logs in and edits the profile', async ({
	page,
	browser
}) => {
	// A long journey (a dozen pages, each checked by axe, and two password hashes): on a busy
	// two-core machine it comes close to the default minute.
	test.slow();
	const email = `lea.${unique()}@example.org`;
	await visit(page, '/rejoindre');
	// Bad input first: French messages next to the fields, what was typed is kept.
	await page.getByLabel('Nom et prénom').fill('Léa Moreau');
	await page.getByLabel('Adresse email').fill('lea-sans-arobase');
	await page.getByLabel('Structure').fill('Ellyx');
	await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
	await expectAccessible(page);
	await expect(page.locator('#field-email-error, .field-error').first()).toContainText(
		'Adresse email invalide'
	);
	await expect(page.getByLabel('Nom et prénom')).toHaveValue('Léa Moreau');
	await expect(page.getByLabel('Structure')).toHaveValue('Ellyx');

	await page.getByLabel('Adresse email').fill(email);
	await page
		.getByLabel('Message')
		.fill('Je coordonne un PTCE et souhaite participer au chantier 3.');
	await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
	await expect(page.getByText('Demande envoyée')).toBeVisible();
	await expectAccessible(page);

	const admin = await adminPage(browser);
	await admin.goto('/admin/demandes');
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Accepter la demande de Léa Moreau' }).first().click();
	await expect(admin.getByText('Demande acceptée')).toBeVisible();
	await expectAccessible(admin);
	const link = await linkFromOutbox(admin, email, /acceptée/);

	await visit(page, link);
	await page.getByLabel('Nouveau mot de passe').fill('court');
	await page.getByLabel('Confirmer le mot de passe').fill('court');
	await page.getByRole('button', { name: 'Activer mon compte' }).click();
	await expect(page.locator('.field-error').first()).toContainText('au moins 12 caractères');
	await expectAccessible(page);
	await page.getByLabel('Nouveau mot de passe').fill('les communs du territoire');
	await page.getByLabel('Confirmer le mot de passe').fill('les communs du territoire');
	await page.getByRole('button', { name: 'Activer mon compte' }).click();
	await expect(page.getByText('Votre compte est activé')).toBeVisible();
	await expectAccessible(page);

	await login(page, email, 'les communs du territoire');
	await page.getByRole('link', { name: /Mon profil/ }).click();
	await expectAccessible(page);
	await page.getByLabel('Rôle dans la structure').fill('Chargée de mission coopération');
	await page.getByLabel('Présentation').fill('J’accompagne des coopérations en Occitanie.');
	await page.getByLabel('Qui peut voir mon adresse email').selectOption('public');
	await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
	await expect(page.getByText('Votre profil est enregistré.')).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByLabel('Présentation')).toHaveValue(
		'J’accompagne des coopérations en Occitanie.'
	);

	// Personal data: the JSON download holds the profile just saved.
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).click();
	const download = await downloading;
	const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
	expect(exported.profile).toMatchObject({
		email,
		roleInStructure: 'Chargée de mission coopération'
	});
	expect(JSON.stringify(exported)).not.toContain('passwordHash');

	// The profile is now in the community with the email shown publicly.
	await page.context().clearCookies();
	await visit(page, `/communaute/membres?q=Moreau`);
	await expect(page.getByText('Chargée de mission coopération')).toBeVisible();
	await expect(page.getByRole('link', { name: email })).toBeVisible();
});

test('an admin invites someone who activates the account', async ({ page, browser }) => {
	const email = `invite.${unique()}@example.org`;
	const admin = await adminPage(browser);
	await admin.goto('/admin/invitations');
	await expectAccessible(admin);
	await admin.getByLabel('Nom et prénom').fill('Noé Garnier');
	await admin.getByLabel('Adresse email').fill(email);
	await admin.getByLabel('Rôle').selectOption('copil');
	await admin.getByRole('button', { name: "Envoyer l'invitation" }).click();
	await expect(admin.getByText(`Invitation envoyée à ${email}`)).toBeVisible();
	await expectAccessible(admin);
	const link = await linkFromOutbox(admin, email, /Invitation/);

	await visit(page, link);
	await page.getByLabel('Nouveau mot de passe').fill('semer des coopérations');
	await page.getByLabel('Confirmer le mot de passe').fill('semer des coopérations');
	await page.getByRole('button', { name: 'Activer mon compte' }).click();
	await login(page, email, 'semer des coopérations');
	// The link works only once.
	await visit(page, link);
	await expect(page.getByText('Ce lien a expiré ou a déjà été utilisé.')).toBeVisible();
});

test('five wrong passwords give the rate-limit message', async ({ page }) => {
	await visit(page, '/connexion');
	for (let i = 1; i <= 5; i++) {
		await page.getByLabel('Adresse email').fill('cible.limite@example.org');
		await page.getByLabel('Mot de passe').fill(`mauvais-${i}`);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		if (i < 5) {
			await expect(
				page.getByText('Adresse email ou mot de passe incorrect.').first()
			).toBeVisible();
		}
	}
	await expect(page.getByText(/Trop de tentatives de connexion/)).toBeVisible();
	await expect(page.getByLabel('Adresse email')).toHaveValue('cible.limite@example.org');
	await expectAccessible(page);
});

test('a password reset works end to end through the outbox', async ({ page, browser }) => {
	const email = `reset.${unique()}@example.org`;
	const admin = await adminPage(browser);
	await admin.goto('/admin/invitations');
	await admin.getByLabel('Nom et prénom').fill('Iris Lambert');
	await admin.getByLabel('Adresse email').fill(email);
	await admin.getByRole('button', { name: "Envoyer l'invitation" }).click();
	await visit(page, await linkFromOutbox(admin, email, /Invitation/));
	await page.getByLabel('Nouveau mot de passe').fill('ancien mot de passe long');
	await page.getByLabel('Confirmer le mot de passe').fill('ancien mot de passe long');
	await page.getByRole('button', { name: 'Activer mon compte' }).click();

	await visit(page, '/connexion');
	await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
	await expectAccessible(page);
	await page.getByLabel('Adresse email').fill(email);
	await page.getByRole('button', { name: 'Recevoir le lien' }).click();
	await expect(page.getByText('Si un compte existe avec cette adresse')).toBeVisible();
	await expectAccessible(page);

	await visit(page, await linkFromOutbox(admin, email, /Réinitialisation/));
	await page.getByLabel('Nouveau mot de passe').fill('nouveau mot de passe long');
	await page.getByLabel('Confirmer le mot de passe').fill('nouveau mot de passe long');
	await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
	await expect(page.getByText('Votre mot de passe a été changé.')).toBeVisible();
	await login(page, email, 'nouveau mot de passe long');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page }) => {
	await login(page, ADMIN.email, ADMIN.password);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'chantiers_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
});
