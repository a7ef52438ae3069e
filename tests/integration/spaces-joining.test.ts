import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { addToSpace, makeSpace } from '../helpers/spaces';
import { createPage, rootScope, savePage } from '../../src/lib/modules/pages/wiki.server';
import {
	acceptCharter,
	charterAdmin,
	getCharter,
	isCharterPending,
	publishCharter
} from '../../src/lib/modules/charter/service.server';
import {
	answerInvitation,
	decideSpaceRequest,
	inviteToSpace,
	joinPage,
	requestToJoinSpace
} from '../../src/lib/modules/spaces/join.server';
import {
	changeRole,
	leaveSpace,
	membersPage,
	updateMyInvolvement
} from '../../src/lib/modules/spaces/members.server';
import { emails, spaceMembers, spaces } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/server/auth/policy';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/lib/server/errors';

let t: TestDb;
let coordination: Actor;

/** The actor's space roles as the next request would read them. */
async function refresh(actor: Actor) {
	const rows = await t.ctx.db
		.select({ spaceId: spaceMembers.spaceId, role: spaceMembers.role })
		.from(spaceMembers)
		.where(and(eq(spaceMembers.userId, actor.userId), sql`${spaceMembers.until} is null`));
	actor.spaceRoles = {};
	for (const r of rows) (actor.spaceRoles[r.spaceId] ??= []).push(r.role);
	return actor;
}

async function errorOf(p: Promise<unknown>) {
	try {
		await p;
	} catch (err) {
		return err;
	}
	throw new Error('expected a failure');
}

const outbox = (to: string) =>
	t.ctx.db.select().from(emails).where(eq(emails.to, to)).orderBy(emails.createdAt);

beforeAll(async () => {
	t = await createTestDb();
	coordination = (await makeUser(t.ctx, 'coordination')).actor;
	await createPage(t.ctx, coordination, rootScope, {
		title: 'Charte',
		body: 'Premier principe : coopérer entre pairs.',
		visibility: 'public'
	});
	await publishCharter(t.ctx, coordination, { summary: 'Première version', revision: 1 });
});
afterAll(() => t?.close());

describe('joining a space', () => {
	it('a member asks with the charter accepted, the référent·e accepts, both are emailed', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx, 'Chantier des communs');
		const { actor: referent, user: referentUser } = await makeUser(ctx);
		await addToSpace(ctx, referent, space.id, 'referent');
		const { actor: member, user: memberUser } = await makeUser(ctx);

		const page = await joinPage(ctx, member, space.slug);
		expect(page.charter?.version).toBe(1);
		expect(page.charter?.html).toContain('coopérer entre pairs');

		// Without the charter ticked nothing is stored and each field says why.
		const refused = await errorOf(
			requestToJoinSpace(ctx, member, space.slug, { contribution: '', hoursPerMonth: '2,5' })
		);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).fields).toMatchObject({
			contribution: expect.stringMatching(/apporter/),
			hoursPerMonth: expect.stringMatching(/entre 0 et 160/),
			charter: expect.stringMatching(/acceptez la charte \(version 1\)/)
		});
		expect((await joinPage(ctx, member, space.slug)).pending).toBe(null);

		const request = await requestToJoinSpace(ctx, member, space.slug, {
			contribution: 'Animation de webinaires',
			hoursPerMonth: '4',
			message: 'Bonjour !',
			charter: 'on',
			charterVersion: '1'
		});
		expect(request.status).toBe('en_attente');
		const toReferent = await outbox(referentUser.email!);
		expect(toReferent.at(-1)?.subject).toContain('Chantier des communs');
		expect(toReferent.at(-1)?.text).toContain(`/chantiers/${space.slug}/membres#demandes`);
		// A second request while one waits is refused.
		expect(
			await errorOf(
				requestToJoinSpace(ctx, member, space.slug, {
					contribution: 'x',
					charter: 'on',
					charterVersion: '1'
				})
			)
		).toBeInstanceOf(ValidationError);

		// Only the space's référent·e (or coordination) decides.
		const { actor: other } = await makeUser(ctx);
		expect(
			await errorOf(decideSpaceRequest(ctx, other, space.slug, request.id, 'accept'))
		).toBeInstanceOf(ForbiddenError);

		await decideSpaceRequest(ctx, referent, space.slug, request.id, 'accept', {
			decisionMessage: 'Bienvenue'
		});
		expect((await refresh(member)).spaceRoles[space.id]).toEqual(['membre']);
		expect((await outbox(memberUser.email!)).at(-1)?.text).toContain('Bienvenue');
		expect(
			await errorOf(decideSpaceRequest(ctx, referent, space.slug, request.id, 'decline'))
		).toBeInstanceOf(ValidationError);

		const list = await membersPage(ctx, member, space.slug);
		const me = list.members.find((m) => m.userId === member.userId);
		expect(me).toMatchObject({ contribution: 'Animation de webinaires', hoursPerMonth: 4 });
		expect(list.hours).toEqual({ total: 4, stated: 1 });
		expect(list.canManage).toBe(false);
		expect(list.requests).toEqual([]);
		expect(await isCharterPending(ctx, member)).toBe(false);
	});

	it('a declined request leaves the person outside, told by email', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx);
		const { actor: referent } = await makeUser(ctx);
		await addToSpace(ctx, referent, space.id, 'referent');
		const { actor: member, user } = await makeUser(ctx);
		const r = await requestToJoinSpace(ctx, member, space.slug, {
			contribution: 'Du temps',
			role: 'observateur',
			charter: 'on',
			charterVersion: '1'
		});
		expect(r.role).toBe('observateur');
		await decideSpaceRequest(ctx, referent, space.slug, r.id, 'decline', {
			decisionMessage: 'Le chantier est complet.'
		});
		expect((await refresh(member)).spaceRoles[space.id]).toBeUndefined();
		expect((await outbox(user.email!)).at(-1)?.text).toContain('Le chantier est complet.');
	});

	it('a space closed to requests refuses them; a visitor is asked to sign in', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx);
		await ctx.db.update(spaces).set({ openToRequests: false }).where(eq(spaces.id, space.id));
		const { actor: member } = await makeUser(ctx);
		const input = { contribution: 'x', charter: 'on', charterVersion: '1' };
		expect(await errorOf(requestToJoinSpace(ctx, member, space.slug, input))).toBeInstanceOf(
			ForbiddenError
		);
		expect(await errorOf(requestToJoinSpace(ctx, null, space.slug, input))).toBeInstanceOf(
			UnauthenticatedError
		);
		expect(await errorOf(membersPage(ctx, null, space.slug))).toBeInstanceOf(UnauthenticatedError);
		expect(await errorOf(membersPage(ctx, member, space.slug))).toBeInstanceOf(ForbiddenError);
	});

	it('a référent·e invites; the person accepts with the charter, the inviter is told', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx, 'Chantier invité');
		const { actor: referent, user: referentUser } = await makeUser(ctx);
		await addToSpace(ctx, referent, space.id, 'referent');
		const { actor: guest, user: guestUser } = await makeUser(ctx);

		const candidates = (await membersPage(ctx, referent, space.slug)).candidates;
		expect(candidates.some((c) => c.id === guest.userId)).toBe(true);
		expect(candidates.some((c) => c.id === referent.userId)).toBe(false);

		await inviteToSpace(ctx, referent, space.slug, {
			userId: guest.userId,
			role: 'observateur',
			message: 'Rejoins-nous'
		});
		expect((await outbox(guestUser.email!)).at(-1)?.text).toContain(
			`/chantiers/${space.slug}/rejoindre`
		);
		expect(
			(
				(await errorOf(
					inviteToSpace(ctx, referent, space.slug, { userId: guest.userId, role: 'membre' })
				)) as ValidationError
			).fields.userId
		).toMatch(/déjà une demande ou une invitation/);

		const seen = await joinPage(ctx, guest, space.slug);
		expect(seen.pending?.kind).toBe('invitation');
		expect(seen.pending?.invitedByName).toBe(referentUser.name);

		const missing = await errorOf(answerInvitation(ctx, guest, space.slug, 'accept', {}));
		expect((missing as ValidationError).fields.charter).toBeDefined();
		await answerInvitation(ctx, guest, space.slug, 'accept', {
			contribution: 'Regard extérieur',
			hoursPerMonth: '1',
			charter: 'on',
			charterVersion: '1'
		});
		expect((await refresh(guest)).spaceRoles[space.id]).toEqual(['observateur']);
		expect((await outbox(referentUser.email!)).at(-1)?.subject).toContain('accepté');
	});

	it('members change their involvement and leave; the last référent·e cannot leave', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx);
		const { actor: referent } = await makeUser(ctx);
		await addToSpace(ctx, referent, space.id, 'referent');
		const { actor: member } = await makeUser(ctx);
		await addToSpace(ctx, member, space.id, 'membre');

		const bad = await errorOf(
			updateMyInvolvement(ctx, member, space.slug, { contribution: 'x', hoursPerMonth: '-3' })
		);
		expect((bad as ValidationError).fields.hoursPerMonth).toBeDefined();
		await updateMyInvolvement(ctx, member, space.slug, {
			contribution: 'Relecture',
			hoursPerMonth: '2'
		});
		expect(
			(await membersPage(ctx, referent, space.slug)).members.find((m) => m.userId === member.userId)
		).toMatchObject({ contribution: 'Relecture', hoursPerMonth: 2 });

		expect(
			((await errorOf(leaveSpace(ctx, referent, space.slug))) as ValidationError).fields.form
		).toMatch(/au moins un·e référent·e/);
		expect(
			(
				(await errorOf(
					changeRole(ctx, referent, space.slug, referent.userId, { role: 'membre' })
				)) as ValidationError
			).fields.role
		).toMatch(/au moins un·e référent·e/);

		// A member cannot change roles; the référent·e names the member référent·e, then leaves.
		expect(
			await errorOf(changeRole(ctx, member, space.slug, member.userId, { role: 'referent' }))
		).toBeInstanceOf(ForbiddenError);
		await changeRole(ctx, referent, space.slug, member.userId, { role: 'referent' });
		expect((await refresh(member)).spaceRoles[space.id]).toEqual(['referent']);
		await leaveSpace(ctx, referent, space.slug);
		expect((await refresh(referent)).spaceRoles[space.id]).toBeUndefined();
		// The former référent·e stays listed with an end date; they may ask to come back.
		const rows = await ctx.db
			.select()
			.from(spaceMembers)
			.where(and(eq(spaceMembers.spaceId, space.id), eq(spaceMembers.userId, referent.userId)));
		expect(rows).toHaveLength(1);
		expect(rows[0]!.until).not.toBe(null);
		const back = await requestToJoinSpace(ctx, referent, space.slug, {
			contribution: 'De retour',
			charter: 'on',
			charterVersion: '1'
		});
		await decideSpaceRequest(ctx, member, space.slug, back.id, 'accept');
		expect((await refresh(referent)).spaceRoles[space.id]).toEqual(['membre']);
	});
});

describe('the charter', () => {
	it('a new version asks members of a space to accept it, with what changed', async () => {
		const ctx = t.ctx;
		const space = await makeSpace(ctx);
		const { actor: member } = await makeUser(ctx);
		await addToSpace(ctx, member, space.id, 'membre');
		const { actor: outsider } = await makeUser(ctx);
		const { actor: placed } = await makeUser(ctx);
		await addToSpace(ctx, placed, space.id, 'membre');
		await acceptCharter(ctx, member, { version: 1 });
		expect(await isCharterPending(ctx, member)).toBe(false);

		// Publishing needs a changed page, the revision reviewed, and a summary.
		const unchanged = await errorOf(
			publishCharter(ctx, coordination, { summary: 'Rien', revision: 1 })
		);
		expect((unchanged as ValidationError).fields.form).toMatch(/n'a pas changé/);
		await savePage(
			ctx,
			coordination,
			rootScope,
			'charte',
			{
				title: 'Charte',
				body: 'Premier principe : coopérer entre pairs. Deuxième principe : partager.',
				visibility: 'public',
				summary: 'Un principe de plus'
			},
			1
		);
		expect((await charterAdmin(ctx, coordination)).unpublished).toBe(true);
		const stale = await errorOf(
			publishCharter(ctx, coordination, { summary: 'Partager', revision: 1 })
		);
		expect((stale as ValidationError).fields.form).toMatch(/pendant votre relecture/);
		expect(
			await errorOf(publishCharter(ctx, member, { summary: 'Partager', revision: 2 }))
		).toBeInstanceOf(ForbiddenError);
		expect(await publishCharter(ctx, coordination, { summary: 'Partager', revision: 2 })).toBe(2);

		expect(await isCharterPending(ctx, member)).toBe(true);
		expect(await isCharterPending(ctx, outsider)).toBe(false);
		// Placed in the space without accepting any version: may accept, is not stopped.
		expect(await isCharterPending(ctx, placed)).toBe(false);
		expect((await getCharter(ctx, placed)).canAccept).toBe(true);
		const view = await getCharter(ctx, member);
		expect(view.pending).toBe(true);
		expect(view.accepted?.version).toBe(1);
		expect(view.changes?.fromVersion).toBe(1);
		expect(
			view.changes?.parts
				.filter((p) => p.kind === 'added')
				.map((p) => p.text)
				.join('')
		).toContain('partager');

		// An acceptance of a version read before the new one is refused.
		expect(await errorOf(acceptCharter(ctx, member, { version: 1 }))).toBeInstanceOf(
			ValidationError
		);
		await acceptCharter(ctx, member, { version: 2 });
		expect(await isCharterPending(ctx, member)).toBe(false);
		const admin = await charterAdmin(ctx, coordination);
		expect(admin.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(admin.versions[0]!.acceptances).toBeGreaterThanOrEqual(2);

		// Joining now needs version 2: a form read with version 1 is refused.
		const other = await makeSpace(ctx);
		const late = await errorOf(
			requestToJoinSpace(ctx, outsider, other.slug, {
				contribution: 'x',
				charter: 'on',
				charterVersion: '1'
			})
		);
		expect((late as ValidationError).fields.charter).toMatch(/a changé/);
	});
});
