import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { baseFields, formRequest, pdfBytes, storedResourceFiles } from '../helpers/ressources';
import {
	resourceAuthors,
	resources,
	resourceSpaces,
	spaceProductions,
	structures
} from '../../src/lib/server/db/schema';
import type { Ctx } from '../../src/lib/server/context';
import type { Actor } from '../../src/lib/server/auth/policy';
import {
	createResource,
	setFeatured,
	updateResource
} from '../../src/lib/modules/ressources/service.server';
import { editResourceForm, getResourcePage } from '../../src/lib/modules/ressources/page.server';
import {
	ForbiddenError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../src/lib/server/errors';

let t: TestDb;
let ctx: Ctx;
const jobs: { queue: string; data: Record<string, unknown> }[] = [];
let author: Actor;
let other: Actor;
let referent: Actor;
let coord: Actor;
let spaceId: string;
let foreignSpaceId: string;

beforeAll(async () => {
	t = await createTestDb();
	// The queue records what is asked of it: processing is another module's concern.
	ctx = { ...t.ctx, enqueue: async (queue, data) => void jobs.push({ queue, data }) };
	spaceId = (await makeSpace(ctx, 'Chantier 2')).id;
	foreignSpaceId = (await makeSpace(ctx, 'Chantier 5')).id;
	author = await addToSpace(ctx, (await makeUser(ctx)).actor, spaceId);
	other = (await makeUser(ctx)).actor;
	referent = await addToSpace(ctx, (await makeUser(ctx)).actor, spaceId, 'referent');
	coord = (await makeUser(ctx, 'coordination')).actor;
	await ctx.db.insert(structures).values({ slug: 'cooperative-alpha', name: 'Coopérative Alpha' });
});
afterAll(() => t?.close());

const create = async (actor: Actor | null, fields = {}, file?: Parameters<typeof formRequest>[1]) =>
	createResource(ctx, actor, formRequest(baseFields(fields), file));

async function created(actor: Actor, fields = {}, file?: Parameters<typeof formRequest>[1]) {
	const out = await create(actor, fields, file);
	if (!out.ok) throw new Error(JSON.stringify(out.errors));
	const [row] = await ctx.db.select().from(resources).where(eq(resources.slug, out.slug));
	return row!;
}

describe('creating a resource', () => {
	it('with a link: slug from the title, tags, authors linked to a structure', async () => {
		const row = await created(author, {
			externalUrl: 'https://example.org/rapport',
			authors: 'cooperative alpha\nCamille Martin\npersonne COORDINATION',
			themes: ['outils-financiers', 'accompagnement'],
			spaceIds: [spaceId]
		});
		expect(row.slug).toBe('vers-une-societe-de-la-cooperation');
		expect(row.tags).toEqual(['coopération', 'ESS']);
		expect(row.tagsText).toBe('coopération ESS');
		expect(row.themes).toEqual(['outils-financiers', 'accompagnement']);
		expect(row.fileKey).toBeNull();
		expect(row.textStatus).toBe('none');
		expect(row.createdBy).toBe(author.userId);
		const authors = await ctx.db
			.select()
			.from(resourceAuthors)
			.where(eq(resourceAuthors.resourceId, row.id))
			.orderBy(resourceAuthors.position);
		expect(authors.map((a) => [a.name, !!a.structureId, a.userId])).toEqual([
			['cooperative alpha', true, null],
			['Camille Martin', false, null],
			['personne COORDINATION', false, coord.userId]
		]);
		const linked = await ctx.db
			.select()
			.from(resourceSpaces)
			.where(eq(resourceSpaces.resourceId, row.id));
		expect(linked.map((l) => l.spaceId)).toEqual([spaceId]);
		const page = await getResourcePage(ctx, null, row.slug);
		expect(page.authors[0]!.structureSlug).toBe('cooperative-alpha');
		expect(page.resource.descriptionHtml).toContain('<strong>rapport</strong>');
		expect(page.resource.themes[0]!.label).toBe('Outils financiers au service de la coopération');
		expect(page.canEdit).toBe(false);
		// The same title again gets a slug of its own; "nouveau" is the form's address.
		const again = await created(author, { externalUrl: 'https://example.org/2' });
		expect(again.slug).toBe('vers-une-societe-de-la-cooperation-2');
		const reserved = await created(author, { title: 'Nouveau', externalUrl: 'https://a.org' });
		expect(reserved.slug).toBe('ressource-nouveau');
	});

	it('with a PDF: stored under the resource, pending for the text, processing asked', async () => {
		const before = jobs.length;
		const bytes = pdfBytes('mutualisation');
		const row = await created(author, { title: 'Note de synthèse' }, { bytes, name: 'note.pdf' });
		expect(row.fileKey).toMatch(new RegExp(`^ressources/${row.id}/[0-9a-f-]{36}$`));
		expect(row.fileName).toBe('note.pdf');
		expect(row.fileType).toBe('application/pdf');
		expect(row.fileSize).toBe(bytes.byteLength);
		expect(row.textStatus).toBe('pending');
		expect(jobs.slice(before)).toEqual([
			{ queue: 'ressources.process', data: { resourceId: row.id } }
		]);
		expect(storedResourceFiles(ctx)).toContain(row.fileKey);
		const page = await getResourcePage(ctx, null, row.slug);
		expect(page.resource.file).toEqual({
			name: 'note.pdf',
			typeLabel: 'PDF',
			size: `${bytes.byteLength} o`,
			hasThumbnail: false
		});
		expect(page.resource.textStatusMessage).toBe('Texte du document en cours d’indexation');
	});

	it('refuses a visitor', async () => {
		await expect(create(null, { externalUrl: 'https://a.org' })).rejects.toThrow(
			UnauthenticatedError
		);
	});

	it('needs a file or a link, and keeps what was typed', async () => {
		const out = await create(author, { themes: ['accompagnement'] });
		expect(out.ok).toBe(false);
		if (out.ok) return;
		expect(out.errors.file).toBe('Ajoutez un fichier ou un lien.');
		expect(out.errors.externalUrl).toBe('Ajoutez un fichier ou un lien.');
		expect(out.values.title).toBe('Vers une société de la coopération');
		expect(out.lists.themes).toEqual(['accompagnement']);
	});

	it('drops the stored file when the rest of the form is refused', async () => {
		const files = storedResourceFiles(ctx);
		const out = await create(
			author,
			{ title: 'x', description: 'Gardée telle quelle' },
			{ bytes: pdfBytes(), name: 'a.pdf' }
		);
		expect(out.ok).toBe(false);
		if (out.ok) return;
		expect(out.errors.title).toBe('Le titre doit compter au moins 3 caractères.');
		expect(out.errors.file).toBe('Choisissez à nouveau le fichier.');
		expect(out.values.description).toBe('Gardée telle quelle');
		expect(storedResourceFiles(ctx)).toEqual(files);
	});

	it('refuses a renamed executable next to the file field and stores nothing', async () => {
		const files = storedResourceFiles(ctx);
		const count = (await ctx.db.select().from(resources)).length;
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new Array(200).fill(0)]);
		const out = await create(author, { title: 'Un outil' }, { bytes: exe, name: 'outil.pdf' });
		expect(out.ok).toBe(false);
		if (out.ok) return;
		expect(out.errors.file).toMatch(/Formats acceptés : PDF, ODT/);
		expect(out.values.title).toBe('Un outil');
		expect(storedResourceFiles(ctx)).toEqual(files);
		expect((await ctx.db.select().from(resources)).length).toBe(count);
	});

	it('links only spaces the person may link', async () => {
		const out = await create(author, {
			externalUrl: 'https://a.org',
			spaceIds: [foreignSpaceId]
		});
		expect(!out.ok && out.errors.spaceIds).toBe('Choisissez des espaces de la liste.');
	});
});

describe('linked productions', () => {
	it('of a space the person may link; shown to those who may see them', async () => {
		const [open, hidden, foreign] = await ctx.db
			.insert(spaceProductions)
			.values([
				{ spaceId, title: 'Webinaire 1', kind: 'webinaire' },
				{ spaceId, title: 'Note interne', kind: 'webinaire', visibility: 'space' },
				{ spaceId: foreignSpaceId, title: 'Fiche du chantier 5', kind: 'webinaire' }
			])
			.returning();
		const refused = await create(author, {
			externalUrl: 'https://a.org',
			productionIds: [foreign!.id]
		});
		expect(!refused.ok && refused.errors.productionIds).toBe(
			'Choisissez des productions de la liste.'
		);
		const row = await created(author, {
			title: 'Replay du webinaire',
			externalUrl: 'https://a.org',
			productionIds: [open!.id, hidden!.id]
		});
		const seen = async (who: Actor | null) =>
			(await getResourcePage(ctx, who, row.slug)).productions.map((p) => p.title).sort();
		expect(await seen(author)).toEqual(['Note interne', 'Webinaire 1']);
		expect(await seen(null)).toEqual(['Webinaire 1']);
		// Coordination links the other space's production; the author's later save keeps it.
		const form = await editResourceForm(ctx, coord, row.slug);
		expect(form.spaces.find((s) => s.id === foreignSpaceId)?.productions).toHaveLength(1);
		const both = [open!.id, hidden!.id, foreign!.id];
		const save = (who: Actor, productionIds: string[]) =>
			updateResource(
				ctx,
				who,
				row.slug,
				formRequest(baseFields({ ...form.form.values, productionIds }))
			);
		expect((await save(coord, both)).ok).toBe(true);
		const mine = await editResourceForm(ctx, author, row.slug);
		expect(mine.form.lists.productionIds.sort()).toEqual([...both].sort());
		expect(mine.spaces.map((s) => s.id)).toContain(foreignSpaceId);
		expect((await save(author, mine.form.lists.productionIds)).ok).toBe(true);
		expect((await editResourceForm(ctx, author, row.slug)).form.lists.productionIds).toHaveLength(
			3
		);
	});
});

describe('who sees a resource', () => {
	it('public for all, members for members, space for its members and coordination', async () => {
		const link = { externalUrl: 'https://example.org/x' };
		const pub = await created(author, { ...link, title: 'Publique' });
		const mem = await created(author, { ...link, title: 'Membres', visibility: 'members' });
		const spc = await created(author, {
			...link,
			title: 'Espace',
			visibility: 'space',
			spaceIds: [spaceId]
		});
		expect((await getResourcePage(ctx, null, pub.slug)).resource.title).toBe('Publique');
		await expect(getResourcePage(ctx, null, mem.slug)).rejects.toThrow(NotFoundError);
		expect((await getResourcePage(ctx, other, mem.slug)).resource.title).toBe('Membres');
		await expect(getResourcePage(ctx, null, spc.slug)).rejects.toThrow(NotFoundError);
		await expect(getResourcePage(ctx, other, spc.slug)).rejects.toThrow(NotFoundError);
		expect((await getResourcePage(ctx, referent, spc.slug)).resource.title).toBe('Espace');
		expect((await getResourcePage(ctx, coord, spc.slug)).resource.title).toBe('Espace');
		await expect(getResourcePage(ctx, coord, 'inconnue')).rejects.toThrow(NotFoundError);
	});

	it('a space resource needs a linked space', async () => {
		const out = await create(author, { externalUrl: 'https://a.org', visibility: 'space' });
		expect(!out.ok && out.errors.spaceIds).toMatch(/au moins un espace/);
	});
});

describe('editing', () => {
	it('its author, coordination and the référent·e·s of its spaces; not another member', async () => {
		const row = await created(author, {
			title: 'Fiche à modifier',
			externalUrl: 'https://a.org',
			spaceIds: [spaceId]
		});
		await expect(editResourceForm(ctx, other, row.slug)).rejects.toThrow(ForbiddenError);
		await expect(
			updateResource(ctx, other, row.slug, formRequest(baseFields({ title: 'Volé' })))
		).rejects.toThrow(ForbiddenError);
		await expect(editResourceForm(ctx, null, row.slug)).rejects.toThrow(UnauthenticatedError);
		for (const [who, title] of [
			[author, 'Par son autrice'],
			[referent, 'Par la référente'],
			[coord, 'Par la coordination']
		] as const) {
			const form = await editResourceForm(ctx, who, row.slug);
			expect(form.form.lists.spaceIds).toEqual([spaceId]);
			const out = await updateResource(
				ctx,
				who,
				row.slug,
				formRequest(
					baseFields({
						...form.form.values,
						title,
						tags: 'un, deux',
						spaceIds: form.form.lists.spaceIds
					})
				)
			);
			expect(out).toEqual({ ok: true, slug: row.slug });
		}
		const [after] = await ctx.db.select().from(resources).where(eq(resources.id, row.id));
		expect(after!.title).toBe('Par la coordination');
		expect(after!.tagsText).toBe('un deux');
	});

	it('only coordination features, and only public resources', async () => {
		const pub = await created(author, { title: 'À la une', externalUrl: 'https://a.org' });
		const mem = await created(author, {
			title: 'Pas à la une',
			externalUrl: 'https://a.org',
			visibility: 'members'
		});
		await expect(setFeatured(ctx, author, pub.slug, true)).rejects.toThrow(ForbiddenError);
		await expect(setFeatured(ctx, coord, mem.slug, true)).rejects.toThrow(ValidationError);
		await setFeatured(ctx, coord, pub.slug, true);
		const [row] = await ctx.db.select().from(resources).where(eq(resources.id, pub.id));
		expect(row!.featured).toBe(true);
		// Made members-only: no longer on the home page.
		await updateResource(
			ctx,
			author,
			pub.slug,
			formRequest(
				baseFields({ title: 'À la une', externalUrl: 'https://a.org', visibility: 'members' })
			)
		);
		const [after] = await ctx.db.select().from(resources).where(eq(resources.id, pub.id));
		expect(after!.featured).toBe(false);
	});
});
