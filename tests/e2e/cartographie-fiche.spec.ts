import { expect, test } from '@playwright/test';
import { query } from './support/db';
import { collectErrors } from './support/page-errors';
import { expectAccessible, visit } from './support/a11y';

const unique = () => Math.random().toString(36).slice(2, 8);

test('someone proposes a fiche, it is published, a visitor reads it and reports an error', async ({
	page,
	baseURL
}) => {
	const errors = collectErrors(page);
	const name = `Coopérer en Rhône ${unique()}`;

	await visit(page, '/cartographie/proposer');
	// Bad input first: French messages next to the fields, everything typed is kept.
	await page.getByLabel('Nom de la structure').fill('<script>');
	await page.getByLabel('Sigle').fill('CER');
	await page
		.getByLabel('Description courte')
		.fill('Accompagne les coopérations territoriales du Rhône.');
	await page
		.getByLabel('Présentation')
		.fill('## Qui sommes-nous\n\nUne association **régionale** au service des PTCE.');
	await page.getByLabel('Numéro SIRET').fill('12345678901234');
	await page.getByLabel('Commune', { exact: false }).first().fill('Zzzzville');
	await page.getByLabel('Départements').selectOption(['69', '01']);
	await page.getByRole('checkbox', { name: 'Tiers-lieu' }).check();
	await page.getByRole('checkbox', { name: 'Gouvernance et organisation' }).check();
	await page.getByRole('checkbox', { name: 'Émergence' }).check();
	await page.getByRole('radio', { name: 'Gratuit' }).check();
	await page.getByLabel('Adresse email de contact').fill('contact@exemple.fr');
	await page
		.getByRole('checkbox', { name: 'Afficher cette adresse sur la fiche publique' })
		.check();
	await page.getByRole('button', { name: 'Envoyer la fiche' }).click();

	await expect(
		page.getByRole('heading', { name: 'Le formulaire contient des erreurs' })
	).toBeVisible();
	await expectAccessible(page);
	await expect(page.locator('#field-name-error')).toContainText('HTML');
	await expect(page.locator('#field-siret-error')).toContainText(
		"Ce numéro SIRET n'est pas valide"
	);
	await expect(page.locator('#field-commune-error')).toContainText('Commune inconnue.');
	await expect(page.getByLabel('Nom de la structure')).toHaveValue('<script>');
	await expect(page.getByLabel('Numéro SIRET')).toHaveValue('12345678901234');
	await expect(page.getByLabel('Présentation')).toHaveValue(/association \*\*régionale\*\*/);
	await expect(page.getByRole('checkbox', { name: 'Tiers-lieu' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Émergence' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'PTCE', exact: false })).not.toBeChecked();
	await expect(page.getByRole('radio', { name: 'Gratuit' })).toBeChecked();
	await expect(
		page.getByRole('checkbox', { name: 'Afficher cette adresse sur la fiche publique' })
	).toBeChecked();
	expect(
		await page
			.getByLabel('Départements')
			.evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value))
	).toEqual(['01', '69']);
	expect(
		await query(baseURL!, 'select count(*)::int as n from carto_fiches where name = $1', [
			'<script>'
		])
	).toEqual([{ n: 0 }]);

	// Fixed, then sent with a double click: one fiche, pending moderation.
	await page.getByLabel('Nom de la structure').fill(name);
	await page.getByLabel('Numéro SIRET').fill('');
	await page.getByLabel('Commune', { exact: false }).first().fill('Lyon');
	// The form is multipart (it carries a logo): kept with its boundary.
	const posts: { body: Buffer; type: string }[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' && r.url().includes('/cartographie/proposer')) {
			posts.push({
				body: r.postDataBuffer() ?? Buffer.alloc(0),
				type: r.headers()['content-type']!
			});
		}
	});
	await page.getByRole('button', { name: 'Envoyer la fiche' }).dblclick();
	await expect(
		page.getByText("Merci ! Votre fiche sera publiée après relecture par l'équipe de modération.")
	).toBeVisible();
	await expectAccessible(page);
	const rows = await query<{ slug: string; status: string }>(
		baseURL!,
		'select slug, status from carto_fiches where name = $1',
		[name]
	);
	expect(rows).toHaveLength(1);
	// Chromium may send a double click's second submission or not: send the same form (same
	// one-time token) once more, as a late second click would. Same answer, still one fiche.
	expect(posts.length).toBeGreaterThan(0);
	const again = await page.request.post('/cartographie/proposer', {
		data: posts[0]!.body,
		headers: { accept: 'text/html', 'content-type': posts[0]!.type, origin: baseURL! }
	});
	expect(again.status()).toBe(200);
	expect(await again.text()).toContain('Votre fiche sera publiée après relecture');
	expect(
		await query(baseURL!, 'select count(*)::int as n from carto_fiches where name = $1', [name])
	).toEqual([{ n: 1 }]);
	expect(rows[0]!.status).toBe('en_attente');
	const slug = rows[0]!.slug;

	// Pending: not found for visitors.
	const pending = await page.goto(`/cartographie/${slug}`);
	expect(pending?.status()).toBe(404);
	await expectAccessible(page);

	await query(
		baseURL!,
		`update carto_fiches set status = 'publiee', last_verified_at = '2026-03-03T12:00:00Z'
		where slug = $1`,
		[slug]
	);
	await visit(page, `/cartographie/${slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	await expect(page.getByText('Informations vérifiées le 3 mars 2026')).toBeVisible();
	await expect(page.locator('.prose strong')).toHaveText('régionale');
	await expect(page.getByText('Tiers-lieu')).toBeVisible();
	await expect(page.getByText('Gouvernance et organisation')).toBeVisible();
	await expect(page.getByText('Rhône (69)')).toBeVisible();
	await expect(page.getByText('Ain (01)')).toBeVisible();
	await expect(page.getByRole('link', { name: 'contact@exemple.fr' })).toBeVisible();

	const ld = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? ''
	) as Record<string, unknown>;
	expect(ld['@type']).toBe('Organization');
	expect(ld.name).toBe(name);
	expect(ld.alternateName).toBe('CER');

	// Report an error: a French confirmation, an email to the moderators.
	await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
	await expect(page.locator('#field-message-error')).toContainText('Indiquez ce qui est inexact.');
	await expectAccessible(page);
	await page.getByLabel('Ce qui est inexact').fill('Le numéro de téléphone a changé.');
	await page.getByLabel('Votre adresse email').fill('lecteur@example.org');
	await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
	await expect(page.getByText('Signalement envoyé')).toBeVisible();
	await expectAccessible(page);
	const mails = await query<{ to: string }>(
		baseURL!,
		`select "to" from emails where kind = 'carto.report' and subject = $1`,
		[`Erreur signalée : ${name}`]
	);
	expect(mails.length).toBeGreaterThan(0);

	expect(errors).toEqual([]);
});
