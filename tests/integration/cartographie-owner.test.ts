import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { makeUser, type TestDb } from '../helpers/db';
import { createCartographieDb } from '../helpers/cartographie';
import {
	cartoFicheChanges,
	cartoFicheRevisions,
	cartoFiches,
	emails
} from '../../src/lib/server/db/schema';
import { setStatus } from '../../src/lib/modules/cartographie/service.server';
import { revokeEditLinks } from '../../src/lib/modules/cartographie/edit-links.server';
import { newFormToken, proposeFiche } from '../../src/lib/modules/cartographie/report.server';
import {
	CONFIRM_NOTE,
	confirmFiche,
	confirmFormData,
	EDIT_NOTE,
	editFiche,
	editFormData
} from '../../src/lib/modules/cartographie/owner.server';
import { LOGO_MAX_BYTES } from '../../src/lib/modules/community/rules';
import { ficheLogo } from '../../src/lib/modules/cartographie/logo.server';
import { DomainError, NotFoundError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

let t: TestDb;
let moderator: Actor;
beforeAll(async () => {
	t = await createCartographieDb();
	moderator = (await makeUser(t.ctx, 'coordination')).actor;
});
afterAll(async () => t.close());

let ip = 0;
const info = () => ({ ip: `192.0.2.${++ip}` });

const proposal = (over: Record<string, unknown> = {}) => ({
	formToken: newFormToken(),
	name: 'Coopérer en Métropole',
	shortDescription: 'Accompagne les coopérations territoriales de la métropole.',
	commune: 'Villeurbanne',
	territoriesText: 'Lyon\nMétropole de Lyon',
	departements: '01',
	cooperationKinds: 'ptce',
	contactEmail: 'contact@exemple.fr',
	website_url: '',
	...over
});

const files = () =>
	fs.existsSync(path.join(t.ctx.env.dataDir, 'files', 'logos'))
		? fs.readdirSync(path.join(t.ctx.env.dataDir, 'files', 'logos'))
		: [];

/** Proposes a fiche and returns it with the private token read from the email sent. */
async function propose(over: Record<string, unknown> = {}) {
	const fiche = (await proposeFiche(t.ctx, null, proposal(over), info()))!;
	const [mail] = await t.ctx.db
		.select()
		.from(emails)
		.where(and(eq(emails.kind, 'carto.edit_link'), eq(emails.to, fiche.contactEmail!)))
		.orderBy(desc(emails.createdAt))
		.limit(1);
	const token = /\/cartographie\/modifier\/([\w-]+)/.exec(mail!.text)![1]!;
	return { fiche, token, mail: mail! };
}

/** The edit form as the page fills it, as `formToObject` reads it; `over` replaces fields. */
async function editForm(token: string, over: Record<string, unknown> = {}) {
	const data = await editFormData(t.ctx, token);
	return {
		...data.current.values,
		...data.current.lists,
		formToken: newFormToken(),
		website_url: '',
		...over
	};
}

const ficheById = async (id: string) =>
	(await t.ctx.db.select().from(cartoFiches).where(eq(cartoFiches.id, id)))[0]!;
const changesOf = (id: string) =>
	t.ctx.db.select().from(cartoFicheChanges).where(eq(cartoFicheChanges.ficheId, id));
const revisionsOf = (id: string) =>
	t.ctx.db
		.select()
		.from(cartoFicheRevisions)
		.where(eq(cartoFicheRevisions.ficheId, id))
		.orderBy(cartoFicheRevisions.createdAt);

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof ValidationError) return err.fields;
		throw err;
	}
	throw new Error('no ValidationError');
}

describe('submission', () => {
	it('stores typed communes and EPCI, and emails the private link to the contact', async () => {
		const { fiche, mail, token } = await propose({ contactEmail: 'lien@exemple.fr' });
		expect(fiche.linkSentTo).toBe('lien@exemple.fr');
		expect(fiche.territories).toEqual(
			expect.arrayContaining([
				{ kind: 'commune', code: '69123' },
				{ kind: 'epci', code: '200046977' },
				{ kind: 'departement', code: '01' }
			])
		);
		expect(mail.subject).toContain('Coopérer en Métropole');
		expect(mail.text).toContain(`${t.ctx.env.baseUrl}/cartographie/modifier/${token}`);
		const data = await editFormData(t.ctx, token);
		expect(data.current.values.commune).toBe('Villeurbanne (69)');
		expect(data.current.territoryItems).toEqual([
			{ value: 'epci:200046977', label: 'Métropole de Lyon (EPCI 200046977)' },
			{ value: 'commune:69123', label: 'Lyon (69)' }
		]);
		expect(data.pendingSince).toBeNull();
	});

	it('names unknown and ambiguous territories, and stores nothing', async () => {
		const fields = await fieldsOf(
			proposeFiche(
				t.ctx,
				null,
				proposal({ name: 'Territoires flous', territoriesText: 'Zzzzville\nSaint-Denis' }),
				info()
			)
		);
		expect(fields.territoriesText).toContain(
			'« Zzzzville » : commune ou intercommunalité inconnue.'
		);
		expect(fields.territoriesText).toContain('« Saint-Denis » : précisez : ');
		expect(fields.territoriesText).toContain('Saint-Denis (93)');
		const rows = await t.ctx.db
			.select()
			.from(cartoFiches)
			.where(eq(cartoFiches.name, 'Territoires flous'));
		expect(rows).toEqual([]);
	});

	it('refuses a logo too big or not an image, keeps nothing, accepts a PNG', async () => {
		const before = files();
		const big = new Blob([new Uint8Array(LOGO_MAX_BYTES + 1)]);
		const fields = await fieldsOf(
			proposeFiche(t.ctx, null, proposal({ name: 'Logo trop gros' }), info(), { logo: big })
		);
		expect(fields.logo).toMatch(/^Le logo ne doit pas dépasser 1 Mo\./);
		const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"></svg>']);
		expect(
			(
				await fieldsOf(
					proposeFiche(t.ctx, null, proposal({ name: 'Logo SVG' }), info(), { logo: svg })
				)
			).logo
		).toMatch(/^Format non accepté/);
		expect(files()).toEqual(before);
		expect(
			await t.ctx.db.select().from(cartoFiches).where(eq(cartoFiches.name, 'Logo trop gros'))
		).toEqual([]);

		const ok = (await proposeFiche(t.ctx, null, proposal({ name: 'Avec logo' }), info(), {
			logo: new Blob([PNG])
		}))!;
		expect(ok.logoPath).toMatch(/^logos\/carto-[\w-]+\.png$/);
		expect(files()).toHaveLength(before.length + 1);
		const [first] = await revisionsOf(ok.id);
		expect(first!.data.logoPath).toBe(ok.logoPath);
	});
});

describe('edit through the private link', () => {
	it('applies an edit to a pending fiche at once, the fiche still pending', async () => {
		const { fiche, token } = await propose();
		const result = await editFiche(
			t.ctx,
			token,
			await editForm(token, { shortDescription: 'Nouvelle description.' }),
			info()
		);
		expect(result.outcome).toBe('applied');
		const now = await ficheById(fiche.id);
		expect(now.shortDescription).toBe('Nouvelle description.');
		expect(now.status).toBe('en_attente');
		const revisions = await revisionsOf(fiche.id);
		expect(revisions.at(-1)!.note).toBe(EDIT_NOTE);
		expect(await changesOf(fiche.id)).toEqual([]);
	});

	it('turns edits of a published fiche into one pending change, the public fiche unchanged', async () => {
		const { fiche, token } = await propose({ name: 'Fiche publiée' });
		await setStatus(t.ctx, moderator, fiche.id, 'publiee');
		const mailsBefore = await t.ctx.db
			.select()
			.from(emails)
			.where(eq(emails.kind, 'carto.change_pending'));

		const first = await editFiche(
			t.ctx,
			token,
			await editForm(token, { shortDescription: 'Première modification.' }),
			info()
		);
		expect(first.outcome).toBe('pending');
		expect((await ficheById(fiche.id)).shortDescription).toBe(fiche.shortDescription);
		const [change] = await changesOf(fiche.id);
		expect(change).toMatchObject({ status: 'en_attente' });
		expect(change!.data.shortDescription).toBe('Première modification.');
		const mails = await t.ctx.db
			.select()
			.from(emails)
			.where(eq(emails.kind, 'carto.change_pending'));
		expect(mails.length).toBeGreaterThan(mailsBefore.length);
		expect(mails.at(-1)!.text).toContain('/admin/moderation');

		// The form now starts from the pending change; a second edit updates the same row.
		const data = await editFormData(t.ctx, token);
		expect(data.pendingSince).toBeInstanceOf(Date);
		expect(data.current.values.shortDescription).toBe('Première modification.');
		await editFiche(
			t.ctx,
			token,
			await editForm(token, { shortDescription: 'Seconde modification.' }),
			info()
		);
		const changes = await changesOf(fiche.id);
		expect(changes).toHaveLength(1);
		expect(changes[0]!.id).toBe(change!.id);
		expect(changes[0]!.data.shortDescription).toBe('Seconde modification.');
		expect((await ficheById(fiche.id)).shortDescription).toBe(fiche.shortDescription);
		// Moderators were told once.
		expect(
			(await t.ctx.db.select().from(emails).where(eq(emails.kind, 'carto.change_pending'))).length
		).toBe(mails.length);
	});

	it('applies the edit of a trusted published fiche at once', async () => {
		const { fiche, token } = await propose({ name: 'Structure de confiance' });
		await setStatus(t.ctx, moderator, fiche.id, 'publiee');
		await t.ctx.db.update(cartoFiches).set({ trusted: true }).where(eq(cartoFiches.id, fiche.id));
		const result = await editFiche(
			t.ctx,
			token,
			await editForm(token, { territoriesText: 'Pays de Gex', national: '' }),
			info()
		);
		expect(result.outcome).toBe('applied');
		const data = await editFormData(t.ctx, token);
		expect(data.current.territoryItems.map((i) => i.value)).toContain('epci:240100750');
		expect((await ficheById(fiche.id)).status).toBe('publiee');
		expect(await changesOf(fiche.id)).toEqual([]);
		expect((await revisionsOf(fiche.id)).at(-1)!.note).toMatch(/confiance/);
	});

	it('keeps bad input out: messages by field, nothing stored', async () => {
		const { fiche, token } = await propose({ name: 'Fiche à abîmer' });
		const fields = await fieldsOf(
			editFiche(
				t.ctx,
				token,
				await editForm(token, {
					contactEmail: 'pas-une-adresse',
					presentation: '<b>gras</b>',
					commune: 'Zzzzville',
					lat: '10',
					lon: '10'
				}),
				info(),
				{ logo: new Blob([new Uint8Array(LOGO_MAX_BYTES + 10)]) }
			)
		);
		expect(fields.contactEmail).toMatch(/^Adresse e-mail invalide/);
		expect(fields.presentation).toMatch(/HTML/);
		expect(fields.commune).toBe('Commune inconnue.');
		expect(fields.logo).toMatch(/1 Mo/);
		expect((await ficheById(fiche.id)).updatedAt).toEqual(fiche.updatedAt);
		const outside = await fieldsOf(
			editFiche(t.ctx, token, await editForm(token, { lat: '10', lon: '10' }), info())
		);
		expect(outside.lat).toMatch(/en dehors de la France/);
	});

	it('refuses a revoked or unknown link, and a refused fiche', async () => {
		const { fiche, token } = await propose({ name: 'Lien révoqué' });
		const form = await editForm(token);
		await revokeEditLinks(t.ctx, fiche.id);
		await expect(editFormData(t.ctx, token)).rejects.toBeInstanceOf(NotFoundError);
		await expect(editFiche(t.ctx, token, form, info())).rejects.toBeInstanceOf(NotFoundError);
		await expect(confirmFiche(t.ctx, token, {})).rejects.toBeInstanceOf(NotFoundError);
		await expect(editFormData(t.ctx, 'x'.repeat(43))).rejects.toBeInstanceOf(NotFoundError);

		const refused = await propose({ name: 'Fiche refusée' });
		await setStatus(t.ctx, moderator, refused.fiche.id, 'refusee');
		const data = await editFormData(t.ctx, refused.token);
		expect(data.fiche.closed).toBe(true);
		await expect(
			editFiche(t.ctx, refused.token, await editForm(refused.token), info())
		).rejects.toThrow(DomainError);
		expect(await changesOf(refused.fiche.id)).toEqual([]);
	});

	it('ignores a second submission of the same form and a filled honeypot', async () => {
		const { fiche, token } = await propose({ name: 'Double envoi' });
		const form = await editForm(token, { acronym: 'DE' });
		await editFiche(t.ctx, token, form, info());
		const count = (await revisionsOf(fiche.id)).length;
		await editFiche(t.ctx, token, form, info());
		await editFiche(t.ctx, token, { ...form, formToken: newFormToken(), website_url: 'x' });
		expect((await revisionsOf(fiche.id)).length).toBe(count);
	});
});

describe('confirmation', () => {
	it('sets lastVerifiedAt and adds one revision, only on POST', async () => {
		const { fiche, token } = await propose({ name: 'Fiche à confirmer' });
		await setStatus(t.ctx, moderator, fiche.id, 'publiee');
		await t.ctx.db
			.update(cartoFiches)
			.set({ lastVerifiedAt: new Date('2020-01-01T00:00:00Z') })
			.where(eq(cartoFiches.id, fiche.id));
		const count = (await revisionsOf(fiche.id)).length;
		const page = await confirmFormData(t.ctx, token);
		expect(page.fiche.name).toBe('Fiche à confirmer');
		expect(page.territories).toContain('Métropole de Lyon');
		expect((await ficheById(fiche.id)).lastVerifiedAt).toEqual(new Date('2020-01-01T00:00:00Z'));

		const before = Date.now();
		await confirmFiche(t.ctx, token, { formToken: newFormToken() }, info());
		const now = await ficheById(fiche.id);
		expect(now.lastVerifiedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
		const revisions = await revisionsOf(fiche.id);
		expect(revisions).toHaveLength(count + 1);
		expect(revisions.at(-1)!.note).toBe(CONFIRM_NOTE);
		expect(now.status).toBe('publiee');
	});
});

describe('logos', () => {
	it('serves the logo of published fiches only; an edit of a published fiche keeps it pending', async () => {
		const { fiche, token } = await propose({ name: 'Logo à servir' });
		await editFiche(t.ctx, token, await editForm(token), info(), { logo: new Blob([PNG]) });
		const applied = await ficheById(fiche.id);
		expect(applied.logoPath).toMatch(/\.png$/);
		await expect(ficheLogo(t.ctx, fiche.slug)).rejects.toBeInstanceOf(NotFoundError);

		await setStatus(t.ctx, moderator, fiche.id, 'publiee');
		const logo = await ficheLogo(t.ctx, fiche.slug);
		expect(logo.mime).toBe('image/png');
		expect(logo.etag).toMatch(/^"carto-[\w-]+\.png"$/);
		const file = await logo.read();
		expect(file?.size).toBe(PNG.length);
		await file?.stream.cancel();

		// Removing the logo of a published fiche waits for moderation like the rest.
		await editFiche(t.ctx, token, await editForm(token, { removeLogo: 'on' }), info());
		expect((await ficheById(fiche.id)).logoPath).toBe(applied.logoPath);
		const [change] = await changesOf(fiche.id);
		expect(change!.data.logoPath).toBeNull();
	});
});
