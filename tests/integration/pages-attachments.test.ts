import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { createPage, type Scope } from '../../src/lib/modules/pages/wiki.server';
import {
	attachFile,
	listAttachments,
	serveAttachment
} from '../../src/lib/modules/pages/attachments.server';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let member: Actor;
let outsider: Actor;
let scope: Scope;
// The smallest PNG: a 1×1 transparent pixel.
const png = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);
beforeAll(async () => {
	t = await createTestDb();
	const space = await makeSpace(t.ctx);
	scope = { spaceId: space.id, base: `/chantiers/${space.slug}/pages` };
	member = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, space.id);
	outsider = (await makeUser(t.ctx)).actor;
});
afterAll(async () => t.close());

it('stores a file checked by its content and serves it with the page visibility', async () => {
	const p = await createPage(t.ctx, member, scope, {
		title: 'Plan',
		body: 'x',
		visibility: 'space'
	});
	const a = await attachFile(t.ctx, member, scope, p.slug, new File([png], 'plan.txt'));
	expect(a).toMatchObject({ contentType: 'image/png', storageKey: `pages/${p.id}/${a.id}` });
	expect((await listAttachments(t.ctx, p.id)).map((x) => x.id)).toEqual([a.id]);
	const r = await serveAttachment(t.ctx, member, scope, p.slug, a.id);
	expect(r.headers.get('x-content-type-options')).toBe('nosniff');
	expect(r.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''plan\.txt/);
	expect(Buffer.from(await r.arrayBuffer()).equals(png)).toBe(true);
	await expect(serveAttachment(t.ctx, outsider, scope, p.slug, a.id)).rejects.toBeInstanceOf(
		ForbiddenError
	);
	await expect(serveAttachment(t.ctx, null, scope, p.slug, a.id)).rejects.toBeInstanceOf(
		UnauthenticatedError
	);
});

it('refuses a file whose content is not an accepted type, or that is too large', async () => {
	const p = await createPage(t.ctx, member, scope, { title: 'Refus', body: 'x' });
	const svg = new File(['<svg onload="alert(1)"></svg>'], 'image.png', { type: 'image/png' });
	await expect(attachFile(t.ctx, member, scope, p.slug, svg)).rejects.toBeInstanceOf(
		ValidationError
	);
	const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'gros.pdf');
	await expect(attachFile(t.ctx, member, scope, p.slug, big)).rejects.toMatchObject({
		fields: { file: 'Le fichier dépasse 10 Mo.' }
	});
	await expect(attachFile(t.ctx, outsider, scope, p.slug, svg)).rejects.toBeInstanceOf(
		ForbiddenError
	);
	expect(await listAttachments(t.ctx, p.id)).toEqual([]);
});
