/**
 * Joining a space: a member asks (with the charter accepted and their stated involvement) and a
 * référent·e decides, or a référent·e invites and the person answers. Every decision is emailed.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../server/context';
import { spaceJoinRequests, users } from '../../server/db/schema';
import { assertCan, type Actor } from '../../server/auth/policy';
import { assertUuid, ForbiddenError, NotFoundError, ValidationError } from '../../server/errors';
import { sendEmail } from '../../server/email/outbox';
import { charterText, currentVersion, recordAcceptance } from '../charter/service.server';
import { renderMarkdown } from '../pages/markdown';
import { recordActivity } from './activity.server';
import { spaceEmails } from './emails';
import {
	checkCharterConsent,
	checkInvolvement,
	checkMessage,
	parseRole,
	REQUESTABLE_ROLES,
	SPACE_ROLES
} from './membership-rules';
import {
	activeRoles,
	grantRole,
	referentRecipients,
	spaceBySlug,
	userById,
	type SpaceRow
} from './membership-store.server';

type Input = Record<string, unknown>;
type Db = Ctx['db'];
type RequestRow = typeof spaceJoinRequests.$inferSelect;

const membersPath = (slug: string) => `/chantiers/${slug}/membres`;

async function pendingOf(db: Db, spaceId: string, userId: string) {
	const [row] = await db
		.select()
		.from(spaceJoinRequests)
		.where(
			and(
				eq(spaceJoinRequests.spaceId, spaceId),
				eq(spaceJoinRequests.userId, userId),
				eq(spaceJoinRequests.status, 'en_attente')
			)
		)
		.orderBy(desc(spaceJoinRequests.createdAt))
		.limit(1);
	return row ?? null;
}

/** What the join page shows: the space, the charter to accept, the person's pending request. */
export async function joinPage(ctx: Ctx, actor: Actor | null, slug: string) {
	assertCan(actor, 'space.join');
	const space = await spaceBySlug(ctx.db, slug);
	const [roles, pending, charter] = await Promise.all([
		activeRoles(ctx.db, space.id, actor.userId),
		pendingOf(ctx.db, space.id, actor.userId),
		charterText(ctx.db)
	]);
	let invitedBy: string | null = null;
	if (pending?.kind === 'invitation' && pending.invitedBy) {
		invitedBy = (await userById(ctx.db, pending.invitedBy))?.name ?? null;
	}
	return {
		space: { id: space.id, slug: space.slug, title: space.title, open: space.openToRequests },
		roles,
		pending: pending && { ...pending, invitedByName: invitedBy },
		charter: charter && { ...charter, html: renderMarkdown(charter.body) }
	};
}

/** Checks the form shared by a request and an accepted invitation. */
async function checkJoinForm(db: Db, input: Input) {
	const involvement = checkInvolvement(input);
	const message = checkMessage(input.message);
	const current = await currentVersion(db);
	const errors = {
		...involvement.errors,
		...message.errors,
		...checkCharterConsent(input.charter, input.charterVersion, current?.version ?? null)
	};
	return { involvement: involvement.value, message: message.value, charter: current, errors };
}

async function assertNotMember(db: Db, space: SpaceRow, userId: string) {
	if ((await activeRoles(db, space.id, userId)).length) {
		throw new ValidationError({ form: 'Vous êtes déjà membre de cet espace.' });
	}
}

/** A member asks to join; the référent·e·s are emailed. */
export async function requestToJoinSpace(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	input: Input
) {
	assertCan(actor, 'space.join');
	const space = await spaceBySlug(ctx.db, slug);
	if (!space.openToRequests) {
		throw new ForbiddenError("Cet espace n'accepte pas de demandes pour le moment.");
	}
	await assertNotMember(ctx.db, space, actor.userId);
	const form = await checkJoinForm(ctx.db, input);
	const role = parseRole(input.role ?? 'membre', REQUESTABLE_ROLES);
	if (!role) form.errors.role = 'Choisissez de participer comme membre ou comme observateur·rice.';
	if (Object.keys(form.errors).length) throw new ValidationError(form.errors);
	if (await pendingOf(ctx.db, space.id, actor.userId)) {
		throw new ValidationError({ form: 'Vous avez déjà une demande ou une invitation en attente.' });
	}
	const request = await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(spaceJoinRequests)
			.values({
				spaceId: space.id,
				userId: actor.userId,
				kind: 'demande',
				role: role!,
				message: form.message,
				...form.involvement,
				charterVersion: form.charter?.version ?? null
			})
			.onConflictDoNothing()
			.returning();
		if (!row) {
			throw new ValidationError({
				form: 'Vous avez déjà une demande ou une invitation en attente.'
			});
		}
		if (form.charter) await recordAcceptance(tx, actor.userId, form.charter.version);
		return row;
	});
	const person = await userById(ctx.db, actor.userId);
	const link = `${ctx.env.baseUrl}${membersPath(slug)}#demandes`;
	for (const to of await referentRecipients(ctx.db, space.id)) {
		if (!to.email) continue;
		await sendEmail(ctx, {
			to: to.email,
			kind: 'space.request',
			...spaceEmails.requestToReferents(person?.name ?? '', space.title, link, form.message)
		});
	}
	return request;
}

/** The person withdraws their pending request. */
export async function cancelMyRequest(ctx: Ctx, actor: Actor | null, slug: string) {
	assertCan(actor, 'space.join');
	const space = await spaceBySlug(ctx.db, slug);
	await ctx.db
		.update(spaceJoinRequests)
		.set({ status: 'annulee', decidedBy: actor.userId, decidedAt: new Date() })
		.where(
			and(
				eq(spaceJoinRequests.spaceId, space.id),
				eq(spaceJoinRequests.userId, actor.userId),
				eq(spaceJoinRequests.kind, 'demande'),
				eq(spaceJoinRequests.status, 'en_attente')
			)
		);
}

/** Marks a pending row decided, once: a second decision finds nothing to claim. */
async function claim(
	db: Db,
	id: string,
	spaceId: string,
	kind: RequestRow['kind'],
	status: RequestRow['status'],
	deciderId: string,
	decisionMessage: string | null
) {
	const [row] = await db
		.update(spaceJoinRequests)
		.set({ status, decidedBy: deciderId, decidedAt: new Date(), decisionMessage })
		.where(
			and(
				eq(spaceJoinRequests.id, id),
				eq(spaceJoinRequests.spaceId, spaceId),
				eq(spaceJoinRequests.kind, kind),
				eq(spaceJoinRequests.status, 'en_attente')
			)
		)
		.returning();
	if (!row) throw new ValidationError({ form: 'Cette demande a déjà été traitée.' });
	return row;
}

async function joined(tx: Db, space: SpaceRow, row: RequestRow, actorId: string) {
	await grantRole(tx, space.id, row.userId, row.role, {
		contribution: row.contribution ?? undefined,
		hoursPerMonth: row.hoursPerMonth
	});
	const person = await userById(tx, row.userId);
	await recordActivity(tx, {
		spaceId: space.id,
		actorId,
		kind: 'member.joined',
		title: `${person?.name ?? 'Une personne'} a rejoint l'espace`,
		path: membersPath(space.slug),
		visibility: space.detailsVisibility
	});
}

/** A référent·e accepts or declines a request; the person is emailed either way. */
export async function decideSpaceRequest(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	id: string,
	decision: 'accept' | 'decline',
	input: Input = {}
) {
	const space = await spaceBySlug(ctx.db, slug);
	assertCan(actor, 'space.manage', { spaceId: space.id });
	assertUuid(id, 'Demande introuvable.');
	const message = checkMessage(input.decisionMessage, 'decisionMessage');
	if (Object.keys(message.errors).length) throw new ValidationError(message.errors);
	const row = await ctx.db.transaction(async (tx) => {
		const status = decision === 'accept' ? 'acceptee' : 'refusee';
		const r = await claim(tx, id, space.id, 'demande', status, actor.userId, message.value);
		if (decision === 'accept') await joined(tx, space, r, actor.userId);
		return r;
	});
	const person = await userById(ctx.db, row.userId);
	if (!person?.email) return row;
	const mail =
		decision === 'accept'
			? spaceEmails.requestAccepted(
					person.name,
					space.title,
					`${ctx.env.baseUrl}/chantiers/${slug}`,
					message.value
				)
			: spaceEmails.requestDeclined(person.name, space.title, message.value);
	await sendEmail(ctx, { to: person.email, kind: `space.request.${decision}`, ...mail });
	return row;
}

/** A référent·e invites an active member with a role; the person is emailed a link. */
export async function inviteToSpace(ctx: Ctx, actor: Actor | null, slug: string, input: Input) {
	const space = await spaceBySlug(ctx.db, slug);
	assertCan(actor, 'space.manage', { spaceId: space.id });
	const errors: Record<string, string> = {};
	const role = parseRole(input.role, SPACE_ROLES);
	if (!role) errors.role = 'Choisissez un rôle.';
	const message = checkMessage(input.message);
	Object.assign(errors, message.errors);
	const userId = typeof input.userId === 'string' ? input.userId : '';
	const person = /^[0-9a-f-]{36}$/i.test(userId) ? await userById(ctx.db, userId) : null;
	if (!person || person.status !== 'active') errors.userId = 'Choisissez une personne inscrite.';
	if (Object.keys(errors).length) throw new ValidationError(errors);
	await assertNotMember(ctx.db, space, person!.id).catch(() => {
		throw new ValidationError({ userId: 'Cette personne est déjà membre de cet espace.' });
	});
	const [row] = await ctx.db
		.insert(spaceJoinRequests)
		.values({
			spaceId: space.id,
			userId: person!.id,
			kind: 'invitation',
			role: role!,
			message: message.value,
			invitedBy: actor.userId
		})
		.onConflictDoNothing()
		.returning();
	if (!row) {
		throw new ValidationError({
			userId: 'Cette personne a déjà une demande ou une invitation en attente pour cet espace.'
		});
	}
	const [by] = await ctx.db
		.select({ name: users.name })
		.from(users)
		.where(eq(users.id, actor.userId));
	if (!person!.email) return row;
	await sendEmail(ctx, {
		to: person!.email,
		kind: 'space.invitation',
		...spaceEmails.invitation(
			person!.name,
			by?.name ?? 'Un·e référent·e',
			space.title,
			`${ctx.env.baseUrl}/chantiers/${slug}/rejoindre`,
			message.value
		)
	});
	return row;
}

/** The invited person accepts (charter and involvement, as for a request) or declines. */
export async function answerInvitation(
	ctx: Ctx,
	actor: Actor | null,
	slug: string,
	answer: 'accept' | 'decline',
	input: Input = {}
) {
	assertCan(actor, 'space.join');
	const space = await spaceBySlug(ctx.db, slug);
	const pending = await pendingOf(ctx.db, space.id, actor.userId);
	if (!pending || pending.kind !== 'invitation') {
		throw new NotFoundError('Aucune invitation en attente pour cet espace.');
	}
	let form: Awaited<ReturnType<typeof checkJoinForm>> | null = null;
	if (answer === 'accept') {
		form = await checkJoinForm(ctx.db, input);
		if (Object.keys(form.errors).length) throw new ValidationError(form.errors);
	}
	await ctx.db.transaction(async (tx) => {
		const status = answer === 'accept' ? 'acceptee' : 'refusee';
		const row = await claim(tx, pending.id, space.id, 'invitation', status, actor.userId, null);
		if (!form) return;
		const [updated] = await tx
			.update(spaceJoinRequests)
			.set({ ...form.involvement, charterVersion: form.charter?.version ?? null })
			.where(eq(spaceJoinRequests.id, row.id))
			.returning();
		if (form.charter) await recordAcceptance(tx, actor.userId, form.charter.version);
		await joined(tx, space, updated!, actor.userId);
	});
	const inviter = pending.invitedBy ? await userById(ctx.db, pending.invitedBy) : null;
	const person = await userById(ctx.db, actor.userId);
	if (inviter?.email && person) {
		await sendEmail(ctx, {
			to: inviter.email,
			kind: `space.invitation.${answer}`,
			...spaceEmails.invitationAnswered(inviter.name, person.name, space.title, answer === 'accept')
		});
	}
}

/** A référent·e withdraws an invitation not answered yet. */
export async function cancelInvitation(ctx: Ctx, actor: Actor | null, slug: string, id: string) {
	const space = await spaceBySlug(ctx.db, slug);
	assertCan(actor, 'space.manage', { spaceId: space.id });
	assertUuid(id, 'Invitation introuvable.');
	await ctx.db.transaction((tx) =>
		claim(tx, id, space.id, 'invitation', 'annulee', actor.userId, null)
	);
}
