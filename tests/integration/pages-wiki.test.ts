import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { pageRevisions, pages, spaceActivity } from '../../src/lib/server/db/schema';
import {
	compareRevisions,
	createPage,
	findPage,
	listPages,
	pageHistory,
	restoreRevision,
	rootScope,
	savePage,
	type Scope
} from '../../src/lib/modules/pages/wiki.server';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/lib/server/errors';
import type { Actor } from '../../src/lib/server/auth/policy';

let t: TestDb;
let a: Actor;
let b: Actor;
let outsider: Actor;
let coordination: Actor;
let scope: Scope;
beforeAll(async () => {
	t = await createTestDb();
	const space = await makeSpace(t.ctx);
	scope = { spaceId: space.id, base: `/chantiers/${space.slug}/pages` };
	a = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, space.id);
	b = await addToSpace(t.ctx, (await makeUser(t.ctx)).actor, space.id);
	outsider = (await makeUser(t.ctx)).actor;
	coordination = (await makeUser(t.ctx, 'coordination')).actor;
});
afterAll(async () => t.close());

const revs = (pageId: string) =>
	t.ctx.db
		.select()
		.from(pageRevisions)
		.where(eq(pageRevisions.pageId, pageId))
		.orderBy(asc(pageRevisions.number));

describe('creating and saving', () => {
	it('creates a page with a free slug, its first revision and an activity entry', async () => {
		const p1 = await createPage(t.ctx, a, scope, {
			title: 'Méthode',
			body: 'un',
			visibility: 'space'
		});
		const p2 = await createPage(t.ctx, a, scope, { title: 'Méthode', body: 'deux' });
		expect([p1.slug, p2.slug]).toEqual(['methode', 'methode-2']);
		expect((await revs(p1.id)).map((r) => [r.number, r.authorId])).toEqual([[1, a.userId]]);
		const act = await t.ctx.db
			.select()
			.from(spaceActivity)
			.where(eq(spaceActivity.path, `${scope.base}/methode`));
		expect(act[0]).toMatchObject({ kind: 'page.created', visibility: 'space' });
	});

	it('refuses bad input with French messages and stores nothing', async () => {
		await expect(createPage(t.ctx, a, scope, { title: '', body: 'x' })).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(createPage(t.ctx, a, rootScope, { title: 'x' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(createPage(t.ctx, outsider, scope, { title: 'x' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('saves from the latest revision and returns a conflict with a merge proposal from a stale one', async () => {
		const p = await createPage(t.ctx, a, scope, {
			title: 'Charte locale',
			body: 'un\ndeux\ntrois'
		});
		expect(
			await savePage(
				t.ctx,
				a,
				scope,
				p.slug,
				{ title: 'Charte locale', body: 'UN\ndeux\ntrois', summary: 'maj' },
				1
			)
		).toEqual({ ok: true, revision: 2 });
		const r = await savePage(
			t.ctx,
			b,
			scope,
			p.slug,
			{ title: 'Charte locale', body: 'un\ndeux\nTROIS' },
			1
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.conflict.current.number).toBe(2);
		expect(r.conflict.base.number).toBe(1);
		expect(r.conflict.proposal).toMatchObject({ clean: true, text: 'UN\ndeux\nTROIS' });
		expect((await revs(p.id)).length).toBe(2);
		const again = await savePage(
			t.ctx,
			b,
			scope,
			p.slug,
			{ title: 'Charte locale', body: r.conflict.proposal.text },
			2
		);
		expect(again).toEqual({ ok: true, revision: 3 });
		expect((await revs(p.id))[2]).toMatchObject({ baseNumber: 2, authorId: b.userId });
	});

	it('lets exactly one of two simultaneous saves from the same base win', async () => {
		const p = await createPage(t.ctx, a, scope, { title: 'Course', body: 'base' });
		const results = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				savePage(t.ctx, i % 2 ? a : b, scope, p.slug, { title: 'Course', body: `version ${i}` }, 1)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect((await revs(p.id)).map((r) => r.number)).toEqual([1, 2]);
	});
});

describe('history, diff and restore', () => {
	it('compares two revisions word by word and restores an old one as a new revision', async () => {
		const p = await createPage(t.ctx, a, scope, {
			title: 'Feuille',
			body: 'la démarche coopérative'
		});
		await savePage(t.ctx, a, scope, p.slug, { title: 'Feuille', body: 'la démarche solidaire' }, 1);
		const d = await compareRevisions(t.ctx, a, scope, p.slug, 1, 2);
		expect(d.body.filter((x) => x.kind !== 'same').map((x) => [x.kind, x.text])).toEqual([
			['removed', 'coopérative'],
			['added', 'solidaire']
		]);
		expect(await restoreRevision(t.ctx, b, scope, p.slug, 1)).toBe(3);
		const page = await findPage(t.ctx, a, scope, p.slug);
		expect(page.body).toBe('la démarche coopérative');
		const h = await pageHistory(t.ctx, a, scope, p.slug);
		expect(h.revisions.map((r) => [r.number, r.restoredFrom])).toEqual([
			[3, 1],
			[2, null],
			[1, null]
		]);
		await expect(restoreRevision(t.ctx, outsider, scope, p.slug, 1)).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});

describe('visibility', () => {
	it('hides space pages from other members and members pages from visitors', async () => {
		const sp = await createPage(t.ctx, a, scope, {
			title: 'Interne',
			body: 'x',
			visibility: 'space'
		});
		const mp = await createPage(t.ctx, a, scope, {
			title: 'Réseau',
			body: 'x',
			visibility: 'members'
		});
		await expect(findPage(t.ctx, outsider, scope, sp.slug)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(findPage(t.ctx, null, scope, mp.slug)).rejects.toBeInstanceOf(
			UnauthenticatedError
		);
		expect((await findPage(t.ctx, outsider, scope, mp.slug)).id).toBe(mp.id);
		expect((await findPage(t.ctx, coordination, scope, sp.slug)).id).toBe(sp.id);
		const visible = (await listPages(t.ctx, null, scope)).map((p) => p.slug);
		expect(visible).not.toContain(sp.slug);
		expect(visible).not.toContain(mp.slug);
		await expect(pageHistory(t.ctx, null, scope, sp.slug)).rejects.toBeInstanceOf(
			UnauthenticatedError
		);
	});

	it('lets coordination edit root pages and nobody else', async () => {
		const p = await createPage(t.ctx, coordination, rootScope, {
			title: 'À propos',
			body: 'x',
			visibility: 'members'
		});
		await expect(
			savePage(t.ctx, a, rootScope, p.slug, { title: 'À propos', body: 'y' }, 1)
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			createPage(t.ctx, coordination, rootScope, { title: 'x', visibility: 'space' })
		).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('property: random saves, stale saves and restores', () => {
	type Op = { kind: 'save'; stale: number; text: string } | { kind: 'restore'; back: number };
	const op: fc.Arbitrary<Op> = fc.oneof(
		fc.record({
			kind: fc.constant('save' as const),
			stale: fc.nat(3),
			text: fc.string({ maxLength: 40 })
		}),
		fc.record({ kind: fc.constant('restore' as const), back: fc.nat(5) })
	);

	it('keeps numbers 1..n, every accepted text, and restores exactly', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
				const p = await createPage(t.ctx, a, scope, { title: `Propriété ${run++}`, body: 'début' });
				let latest = 1;
				const accepted: { number: number; title: string; body: string }[] = [
					{ number: 1, title: p.title, body: 'début' }
				];
				for (const o of ops) {
					if (o.kind === 'save') {
						const base = Math.max(1, latest - o.stale);
						const title = `T ${o.text}`.slice(0, 200).trim() || 'T';
						const r = await savePage(t.ctx, b, scope, p.slug, { title, body: o.text }, base);
						expect(r.ok).toBe(base === latest);
						if (r.ok) accepted.push({ number: (latest = r.revision), title, body: o.text });
					} else {
						const n = Math.max(1, latest - o.back);
						const old = accepted.find((x) => x.number === n)!;
						latest = await restoreRevision(t.ctx, a, scope, p.slug, n);
						accepted.push({ number: latest, title: old.title, body: old.body });
						const now = await findPage(t.ctx, a, scope, p.slug);
						expect([now.title, now.body]).toEqual([old.title, old.body]);
					}
				}
				const stored = await revs(p.id);
				expect(stored.map((r) => r.number)).toEqual(stored.map((_, i) => i + 1));
				expect(stored.map((r) => [r.number, r.title, r.body])).toEqual(
					accepted.map((x) => [x.number, x.title, x.body])
				);
				const [row] = await t.ctx.db.select().from(pages).where(eq(pages.id, p.id));
				expect(row!.revision).toBe(latest);
			}),
			{ numRuns: 25 }
		);
	});
});
