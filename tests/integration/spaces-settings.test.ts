import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import {
	roadmapActions,
	spaceActivity,
	spaceMembers,
	spaceObjectives,
	spaces
} from '../../src/lib/server/db/schema';
import {
	addObjective,
	createSpace,
	deleteObjective,
	getSpaceSettings,
	newSpaceForm,
	updateSpaceSettings
} from '../../src/lib/modules/spaces/settings.server';
import { moveObjective } from '../../src/lib/modules/roadmap/objectives.server';
import {
	DomainError,
	ForbiddenError,
	NotFoundError,
	UnauthenticatedError,
	ValidationError
} from '../../src/lib/server/errors';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(() => t?.close());

const fields = {
	title: 'Groupe numérique',
	shortTitle: 'Numérique',
	defi: 'Outiller la démarche',
	summary: 'Un groupe sur les outils.',
	detailsVisibility: 'space',
	openToRequests: 'on'
};

async function fieldErrors(p: Promise<unknown>) {
	const err = await p.then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ValidationError);
	return (err as ValidationError).fields;
}

describe('creating a space', () => {
	it('lets coordination create a space « autre » with its first référent·e', async () => {
		const ctx = t.ctx;
		const { actor: coordination } = await makeUser(ctx, 'coordination');
		const { user: referent } = await makeUser(ctx);
		const form = await newSpaceForm(ctx, coordination);
		expect(form.people.map((p) => p.id)).toContain(referent.id);

		const space = await createSpace(ctx, coordination, {
			...fields,
			slug: '',
			referentId: referent.id
		});
		expect(space).toMatchObject({
			slug: 'groupe-numerique',
			kind: 'autre',
			title: 'Groupe numérique',
			shortTitle: 'Numérique',
			detailsVisibility: 'space',
			openToRequests: true
		});
		const members = await ctx.db
			.select()
			.from(spaceMembers)
			.where(eq(spaceMembers.spaceId, space.id));
		expect(members.map((m) => [m.userId, m.role])).toEqual([[referent.id, 'referent']]);
		const feed = await ctx.db
			.select()
			.from(spaceActivity)
			.where(eq(spaceActivity.spaceId, space.id));
		expect(feed.map((f) => [f.kind, f.title])).toEqual([
			['space.created', 'Espace « Groupe numérique » créé']
		]);
	});

	it('refuses a taken, reserved or malformed address and an unknown référent·e, in French', async () => {
		const ctx = t.ctx;
		const { actor: admin } = await makeUser(ctx, 'admin');
		await createSpace(ctx, admin, { ...fields, title: 'Espace pris', slug: 'espace-pris' });
		expect(
			await fieldErrors(createSpace(ctx, admin, { ...fields, title: 'Espace pris', slug: '' }))
		).toEqual({ slug: expect.stringMatching(/déjà prise/) });
		expect(await fieldErrors(createSpace(ctx, admin, { ...fields, slug: 'nouveau' }))).toEqual({
			slug: expect.stringMatching(/réservée/)
		});
		expect(await fieldErrors(createSpace(ctx, admin, { ...fields, slug: 'é t é' }))).toEqual({
			slug: expect.stringMatching(/lettres minuscules/)
		});
		expect(
			await fieldErrors(createSpace(ctx, admin, { ...fields, title: '', slug: 'vide' }))
		).toEqual({ title: 'Indiquez le titre de l’espace.' });
		expect(
			await fieldErrors(
				createSpace(ctx, admin, {
					...fields,
					slug: 'sans-personne',
					referentId: '00000000-0000-4000-8000-000000000000'
				})
			)
		).toEqual({ referentId: 'Choisissez une personne de la liste.' });
		expect(await ctx.db.select().from(spaces).where(eq(spaces.slug, 'sans-personne'))).toEqual([]);
	});

	it('refuses members, référent·e·s and visitors on the server', async () => {
		const ctx = t.ctx;
		const { actor: member } = await makeUser(ctx);
		const { actor: copil } = await makeUser(ctx, 'copil');
		const other = await makeSpace(ctx);
		await addToSpace(ctx, member, other.id, 'referent');
		for (const actor of [member, copil]) {
			await expect(newSpaceForm(ctx, actor)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				createSpace(ctx, actor, { ...fields, slug: `refus-${actor.role}` })
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(createSpace(ctx, null, fields)).rejects.toBeInstanceOf(UnauthenticatedError);
		expect(await ctx.db.select().from(spaces).where(eq(spaces.slug, 'refus-membre'))).toEqual([]);
	});
});

describe('space settings', () => {
	it('lets a référent·e change the fields (not the address) and records the change', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx, 'Chantier réglé');
		const { actor: referent } = await makeUser(ctx);
		await addToSpace(ctx, referent, space.id, 'referent');
		const settings = await getSpaceSettings(ctx, referent, space.slug);
		expect(settings.space.id).toBe(space.id);

		await updateSpaceSettings(ctx, referent, space.slug, {
			...fields,
			slug: 'autre-adresse',
			openToRequests: undefined
		});
		const [row] = await ctx.db.select().from(spaces).where(eq(spaces.id, space.id));
		expect(row).toMatchObject({
			slug: space.slug,
			title: 'Groupe numérique',
			defi: 'Outiller la démarche',
			detailsVisibility: 'space',
			openToRequests: false
		});
		// Saving the same values again records nothing more.
		await updateSpaceSettings(ctx, referent, space.slug, { ...fields, openToRequests: undefined });
		const feed = await ctx.db
			.select({ title: spaceActivity.title, actorId: spaceActivity.actorId })
			.from(spaceActivity)
			.where(eq(spaceActivity.spaceId, space.id));
		expect(feed).toEqual([
			{
				title:
					'Paramètres de l’espace modifiés : titre, titre court, défi, résumé, visibilité des travaux, demandes d’adhésion',
				actorId: referent.userId
			}
		]);
		expect(
			await fieldErrors(updateSpaceSettings(ctx, referent, space.slug, { ...fields, title: ' ' }))
		).toEqual({ title: 'Indiquez le titre de l’espace.' });
	});

	it('refuses members, observers, other référent·e·s and visitors on the server', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx, 'Chantier gardé');
		const other = await makeSpace(ctx);
		const { actor: member } = await makeUser(ctx);
		await addToSpace(ctx, member, space.id, 'membre');
		const { actor: observer } = await makeUser(ctx);
		await addToSpace(ctx, observer, space.id, 'observateur');
		const { actor: elsewhere } = await makeUser(ctx);
		await addToSpace(ctx, elsewhere, other.id, 'referent');
		for (const actor of [member, observer, elsewhere]) {
			await expect(getSpaceSettings(ctx, actor, space.slug)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(updateSpaceSettings(ctx, actor, space.slug, fields)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				addObjective(ctx, actor, space.slug, { title: 'Non', kind: 'operationnel' })
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(getSpaceSettings(ctx, null, space.slug)).rejects.toBeInstanceOf(
			UnauthenticatedError
		);
		await expect(getSpaceSettings(ctx, member, 'inconnu')).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await ctx.db.select().from(spaces).where(eq(spaces.id, space.id));
		expect(row!.title).toBe('Chantier gardé');
	});

	it('adds, moves and deletes objectives; one with actions stays', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx, 'Chantier objectifs');
		const { actor: coordination } = await makeUser(ctx, 'coordination');
		const first = await addObjective(ctx, coordination, space.slug, {
			title: 'Premier',
			kind: 'operationnel'
		});
		const second = await addObjective(ctx, coordination, space.slug, {
			title: 'Second',
			kind: 'operationnel'
		});
		await moveObjective(ctx, coordination, space.slug, second.id, 'up');
		let settings = await getSpaceSettings(ctx, coordination, space.slug);
		expect(settings.objectives.map((o) => [o.title, o.actions])).toEqual([
			['Second', 0],
			['Premier', 0]
		]);

		await ctx.db
			.insert(roadmapActions)
			.values({ spaceId: space.id, objectiveId: first.id, title: 'Une action' });
		const refused = await deleteObjective(ctx, coordination, space.slug, first.id).catch(
			(e: unknown) => e
		);
		expect(refused).toBeInstanceOf(DomainError);
		expect((refused as Error).message).toMatch(/« Premier » a 1 action/);
		await deleteObjective(ctx, coordination, space.slug, second.id);
		settings = await getSpaceSettings(ctx, coordination, space.slug);
		expect(settings.objectives.map((o) => [o.title, o.actions])).toEqual([['Premier', 1]]);

		// An objective of another space cannot be deleted through this one.
		const other = await makeSpace(ctx);
		const [foreign] = await ctx.db
			.insert(spaceObjectives)
			.values({ spaceId: other.id, kind: 'strategique', title: 'Ailleurs' })
			.returning();
		await expect(
			deleteObjective(ctx, coordination, space.slug, foreign!.id)
		).rejects.toBeInstanceOf(NotFoundError);
		const { actor: member } = await makeUser(ctx);
		await addToSpace(ctx, member, space.id, 'membre');
		await expect(deleteObjective(ctx, member, space.slug, first.id)).rejects.toBeInstanceOf(
			ForbiddenError
		);

		const feed = await ctx.db
			.select({ title: spaceActivity.title })
			.from(spaceActivity)
			.where(and(eq(spaceActivity.spaceId, space.id)));
		expect(feed.map((f) => f.title)).toEqual([
			'Objectif « Premier » ajouté',
			'Objectif « Second » ajouté',
			'Objectif « Second » supprimé'
		]);
	});
});
