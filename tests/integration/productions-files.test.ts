import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { spaceActivity, spaceProductions, spaces } from '../../src/lib/server/db/schema';
import {
	createProduction,
	getProduction,
	listProductions,
	serveProductionFile,
	updateProduction
} from '../../src/lib/modules/productions/service.server';
import {
	createDecision,
	listDecisions,
	updateDecision
} from '../../src/lib/modules/productions/decisions.server';
import { fileStore } from '../../src/lib/server/storage/local';
import {
	ForbiddenError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let slug: string;
let spaceId: string;
let referent: Actor;
let member: Actor;
let observer: Actor;
let outsider: Actor;
const png = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const fields = (over: Record<string, string> = {}) => ({
	title: 'Référentiel de compétences',
	kind: 'referentiel',
	datePrecision: 'month',
	date: '2025-04',
	visibility: 'members',
	...over
});

beforeAll(async () => {
	t = await createTestDb();
	const space = await makeSpace(t.ctx);
	slug = space.slug;
	spaceId = space.id;
	referent = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, spaceId, 'referent');
	member = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, spaceId);
	observer = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, spaceId, 'observateur');
	outsider = (await makeUser(t.ctx)).actor;
});
afterAll(() => t?.close());

describe('productions', () => {
	it('store a file whose type is found in its bytes, and serve it with its name', async () => {
		const p = await createProduction(t.ctx, member, slug, {
			fields: fields(),
			file: new File([pdf], 'référentiel.txt')
		});
		expect(p).toMatchObject({
			contentType: 'application/pdf',
			fileName: 'référentiel.txt',
			date: '2025-04-01',
			datePrecision: 'month'
		});
		const res = await serveProductionFile(t.ctx, outsider, slug, p.id);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename*=UTF-8''${encodeURIComponent('référentiel.txt')}`
		);
		expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
		const feed = await t.ctx.db
			.select()
			.from(spaceActivity)
			.where(eq(spaceActivity.kind, 'production.added'));
		expect(feed[0]).toMatchObject({ visibility: 'members' });
	});

	it('refuse other types, bad links and a link with a file, keeping nothing', async () => {
		const before = (await t.ctx.db.select().from(spaceProductions)).length;
		const tries = [
			{ fields: fields(), file: new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'a.svg') },
			{ fields: fields(), file: new File(['<html><script>x</script></html>'], 'a.pdf') },
			{ fields: fields({ url: 'javascript:alert(1)' }), file: null },
			{ fields: fields({ url: 'https://exemple.org/x' }), file: new File([png], 'x.png') },
			{ fields: fields({ date: '2025-13' }), file: null }
		];
		const messages = [];
		for (const form of tries) {
			const err = await createProduction(t.ctx, member, slug, form).catch((e) => e);
			expect(err).toBeInstanceOf(ValidationError);
			messages.push(Object.keys((err as ValidationError).fields).join());
		}
		expect(messages).toEqual(['file', 'file', 'url', 'url', 'date']);
		expect((await t.ctx.db.select().from(spaceProductions)).length).toBe(before);
	});

	it('are written by contributors only', async () => {
		await expect(
			createProduction(t.ctx, observer, slug, { fields: fields(), file: null })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			createProduction(t.ctx, outsider, slug, { fields: fields(), file: null })
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('honour their own visibility and the space’s, for the page and the file', async () => {
		const p = await createProduction(t.ctx, member, slug, {
			fields: fields({ title: 'Interne', visibility: 'space' }),
			file: new File([png], 'schema.png')
		});
		await expect(getProduction(t.ctx, outsider, slug, p.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(serveProductionFile(t.ctx, outsider, slug, p.id)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(
			(await listProductions(t.ctx, outsider, slug)).productions.map((x) => x.title)
		).not.toContain('Interne');
		expect((await serveProductionFile(t.ctx, observer, slug, p.id)).status).toBe(200);
		// A visitor reads nothing while the space keeps its details to members.
		await expect(listProductions(t.ctx, null, slug)).rejects.toBeInstanceOf(UnauthenticatedError);
		await t.ctx.db
			.update(spaces)
			.set({ detailsVisibility: 'public' })
			.where(eq(spaces.id, spaceId));
		const publicOne = await createProduction(t.ctx, member, slug, {
			fields: fields({ title: 'Publique', visibility: 'public', url: 'https://exemple.org/' }),
			file: null
		});
		const seen = await listProductions(t.ctx, null, slug);
		expect(seen.productions.map((x) => x.title)).toEqual(['Publique']);
		expect((await getProduction(t.ctx, null, slug, publicOne.id)).production.url).toBe(
			'https://exemple.org/'
		);
		await expect(serveProductionFile(t.ctx, null, slug, publicOne.id)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await t.ctx.db
			.update(spaces)
			.set({ detailsVisibility: 'members' })
			.where(eq(spaces.id, spaceId));
	});

	it('replace or remove a file on edit, and drop the old one from the store', async () => {
		const p = await createProduction(t.ctx, member, slug, {
			fields: fields({ title: 'À remplacer' }),
			file: new File([pdf], 'v1.pdf')
		});
		await updateProduction(t.ctx, member, slug, p.id, {
			fields: fields({ title: 'Remplacée' }),
			file: new File([png], 'v2.png')
		});
		const [after] = await t.ctx.db
			.select()
			.from(spaceProductions)
			.where(eq(spaceProductions.id, p.id));
		expect(after).toMatchObject({
			title: 'Remplacée',
			fileName: 'v2.png',
			contentType: 'image/png'
		});
		expect(await fileStore(t.ctx.env).read(p.storageKey!)).toBeNull();
		// Keeping the file when nothing new is sent.
		await updateProduction(t.ctx, member, slug, p.id, {
			fields: fields({ title: 'Gardée' }),
			file: null
		});
		const [kept] = await t.ctx.db
			.select()
			.from(spaceProductions)
			.where(eq(spaceProductions.id, p.id));
		expect(kept!.storageKey).toBe(after!.storageKey);
		await updateProduction(t.ctx, member, slug, p.id, {
			fields: fields({ title: 'Sans fichier' }),
			file: null,
			removeFile: true
		});
		const [gone] = await t.ctx.db
			.select()
			.from(spaceProductions)
			.where(eq(spaceProductions.id, p.id));
		expect(gone).toMatchObject({ storageKey: null, fileName: null });
		expect(await fileStore(t.ctx.env).read(after!.storageKey!)).toBeNull();
	});
});

describe('relevé de décisions', () => {
	it('is kept by référent·e·s and filtered by status and year', async () => {
		const input = { date: '2023-10-13', decision: 'Lancer les chantiers', status: 'realisee' };
		await expect(createDecision(t.ctx, member, slug, input)).rejects.toBeInstanceOf(ForbiddenError);
		const d = await createDecision(t.ctx, referent, slug, input);
		await createDecision(t.ctx, referent, slug, {
			date: '2025-03-27',
			decision: 'Poursuivre la valorisation',
			status: 'en_cours'
		});
		await expect(
			createDecision(t.ctx, referent, slug, { date: '2025-02-30', decision: '', status: 'x' })
		).rejects.toMatchObject({
			fields: { date: expect.any(String), decision: expect.any(String), status: expect.any(String) }
		});
		const all = await listDecisions(t.ctx, member, slug, { status: null, year: null });
		expect(all.decisions.map((x) => x.decision)).toEqual([
			'Poursuivre la valorisation',
			'Lancer les chantiers'
		]);
		expect(all.years).toEqual([2025, 2023]);
		expect(all.canManage).toBe(false);
		const y = await listDecisions(t.ctx, member, slug, { status: null, year: 2023 });
		expect(y.decisions.map((x) => x.id)).toEqual([d.id]);
		await updateDecision(t.ctx, referent, slug, d.id, { ...input, status: 'ajournee' });
		const s = await listDecisions(t.ctx, member, slug, { status: 'ajournee', year: null });
		expect(s.decisions.map((x) => x.id)).toEqual([d.id]);
		const feed = await t.ctx.db
			.select()
			.from(spaceActivity)
			.where(eq(spaceActivity.kind, 'decision.updated'));
		expect(feed[0]!.title).toBe('Décision « Lancer les chantiers » : ajournée');
		await expect(
			listDecisions(t.ctx, null, slug, { status: null, year: null })
		).rejects.toBeInstanceOf(UnauthenticatedError);
	});
});
