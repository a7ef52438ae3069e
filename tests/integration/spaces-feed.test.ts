import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { createPage, rootScope, spaceScope } from '../../src/lib/modules/pages/wiki.server';
import { whatsNew } from '../../src/lib/modules/spaces/feed.server';
import { UnauthenticatedError } from '../../src/lib/server/errors';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(() => t?.close());

describe('« Quoi de neuf »', () => {
	it('shows the changes of my spaces and of the démarche, never of other spaces', async () => {
		const ctx = t.ctx;
		const [mine, other] = [await makeSpace(ctx, 'Mon chantier'), await makeSpace(ctx, 'Autre')];
		const { actor: me } = await makeUser(ctx);
		const { actor: neighbour } = await makeUser(ctx);
		const { actor: coordination } = await makeUser(ctx, 'coordination');
		await addToSpace(ctx, me, mine.id, 'referent');
		await addToSpace(ctx, neighbour, other.id, 'referent');

		const inMine = await spaceScope(ctx, mine.slug);
		const inOther = await spaceScope(ctx, other.slug);
		await createPage(ctx, me, inMine, {
			title: 'Notes de réunion',
			body: 'a',
			visibility: 'space'
		});
		await createPage(ctx, neighbour, inOther, {
			title: 'Page voisine',
			body: 'b',
			visibility: 'space'
		});
		await createPage(ctx, coordination, rootScope, {
			title: 'Calendrier commun',
			body: 'c',
			visibility: 'members'
		});

		const feed = await whatsNew(ctx, me);
		expect(feed.entries.map((e) => e.title)).toEqual([
			'Page « Calendrier commun » créée',
			'Page « Notes de réunion » créée'
		]);
		expect(feed.entries[1]).toMatchObject({
			spaceSlug: mine.slug,
			path: `/chantiers/${mine.slug}/pages/notes-de-reunion`
		});
		const all = await whatsNew(ctx, coordination);
		expect(all.entries.map((e) => e.title)).toContain('Page « Page voisine » créée');
		await expect(whatsNew(ctx, null)).rejects.toBeInstanceOf(UnauthenticatedError);
	});
});
