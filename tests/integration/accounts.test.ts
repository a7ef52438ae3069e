import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { emails, joinRequests, users, auditLog } from '../../src/lib/server/db/schema';
import { login } from '../../src/lib/modules/accounts/auth.server';
import { readSession } from '../../src/lib/modules/accounts/sessions.server';
import {
	checkToken,
	decideJoinRequest,
	invite,
	requestPasswordReset,
	requestToJoin,
	usePasswordToken
} from '../../src/lib/modules/accounts/membership.server';
import {
	deleteMyAccount,
	exportMyData,
	updateProfile
} from '../../src/lib/modules/accounts/profile.server';
import {
	ForbiddenError,
	RateLimitError,
	UnauthenticatedError,
	ValidationError
} from '../../src/lib/server/errors';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(async () => t.close());

const lastEmailTo = async (to: string) =>
	(
		await t.ctx.db
			.select()
			.from(emails)
			.where(eq(emails.to, to))
			.orderBy(desc(emails.createdAt))
			.limit(1)
	)[0];
const linkIn = (text: string) =>
	text.match(/https?:\/\/\S+\/(?:invitation|mot-de-passe)\/(\S+)/)![1]!;

describe('login', () => {
	it('opens a session with the right password, refuses a wrong one', async () => {
		const { user } = await makeUser(t.ctx, 'membre', 'claire@example.org');
		const session = await login(
			t.ctx,
			{ email: ' Claire@Example.org ', password: 'un mot de passe solide' },
			{ ip: '10.0.0.1' }
		);
		const found = await readSession(t.ctx, session.secret);
		expect(found?.user.id).toBe(user.id);
		await expect(
			login(t.ctx, { email: 'claire@example.org', password: 'faux' }, { ip: '10.0.0.1' })
		).rejects.toThrow(ValidationError);
	});

	it('gives the rate-limit message at the fifth wrong password, even with the right one after', async () => {
		await makeUser(t.ctx, 'membre', 'bruno@example.org');
		const attempt = () =>
			login(
				t.ctx,
				{ email: 'bruno@example.org', password: 'mauvais mot de passe' },
				{ ip: '10.0.0.2' }
			);
		for (let i = 0; i < 4; i++) await expect(attempt()).rejects.toThrow(ValidationError);
		await expect(attempt()).rejects.toThrow(RateLimitError);
		await expect(
			login(
				t.ctx,
				{ email: 'bruno@example.org', password: 'un mot de passe solide' },
				{ ip: '10.0.0.3' }
			)
		).rejects.toThrow(/Trop de tentatives/);
	});

	it('answers the same for an unknown account', async () => {
		await expect(
			login(t.ctx, { email: 'personne@example.org', password: 'x' }, { ip: '10.0.0.4' })
		).rejects.toThrow('Le formulaire contient des erreurs.');
	});
});

describe('joining by request', () => {
	it('lets coordination approve; the emailed link sets a password once', async () => {
		const { actor: coord } = await makeUser(t.ctx, 'coordination');
		await requestToJoin(
			t.ctx,
			{ name: 'Lou Martin', email: 'lou@example.org', structureName: 'Ellyx' },
			{ ip: '10.1.0.1' }
		);
		expect((await lastEmailTo('lou@example.org'))!.subject).toMatch(/bien reçu/);
		const [request] = await t.ctx.db
			.select()
			.from(joinRequests)
			.where(eq(joinRequests.email, 'lou@example.org'));
		await expect(decideJoinRequest(t.ctx, null, request!.id, 'approve', null)).rejects.toThrow(
			UnauthenticatedError
		);
		const { actor: member } = await makeUser(t.ctx, 'membre');
		await expect(decideJoinRequest(t.ctx, member, request!.id, 'approve', null)).rejects.toThrow(
			ForbiddenError
		);

		await decideJoinRequest(t.ctx, coord, request!.id, 'approve', null);
		const mail = await lastEmailTo('lou@example.org');
		expect(mail!.subject).toBe('Votre demande est acceptée');
		const secret = linkIn(mail!.text);
		expect(await checkToken(t.ctx, secret, 'invitation')).not.toBeNull();

		await expect(
			usePasswordToken(t.ctx, secret, 'invitation', { password: 'court', confirm: 'court' })
		).rejects.toThrow(ValidationError);
		await usePasswordToken(t.ctx, secret, 'invitation', {
			password: 'jardin partagé en coopérative',
			confirm: 'jardin partagé en coopérative'
		});
		await expect(
			usePasswordToken(t.ctx, secret, 'invitation', {
				password: 'jardin partagé en coopérative',
				confirm: 'jardin partagé en coopérative'
			})
		).rejects.toThrow(ForbiddenError);
		const session = await login(
			t.ctx,
			{ email: 'lou@example.org', password: 'jardin partagé en coopérative' },
			{ ip: '10.1.0.1' }
		);
		expect(session.secret).toBeTruthy();
		const [entry] = await t.ctx.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'join.approve'));
		expect(entry?.actorId).toBe(coord.userId);
	});

	it('emails the person when declined, and cannot decide twice', async () => {
		const { actor: coord } = await makeUser(t.ctx, 'coordination');
		await requestToJoin(t.ctx, { name: 'Sam Petit', email: 'sam@example.org' }, { ip: '10.1.0.2' });
		const [request] = await t.ctx.db
			.select()
			.from(joinRequests)
			.where(eq(joinRequests.email, 'sam@example.org'));
		await decideJoinRequest(
			t.ctx,
			coord,
			request!.id,
			'decline',
			'Démarche réservée aux structures ESS'
		);
		expect((await lastEmailTo('sam@example.org'))!.text).toMatch(/Motif : Démarche réservée/);
		await expect(decideJoinRequest(t.ctx, coord, request!.id, 'approve', null)).rejects.toThrow(
			ValidationError
		);
	});

	it('does not reveal that an address already has an account', async () => {
		await makeUser(t.ctx, 'membre', 'deja@example.org');
		await expect(
			requestToJoin(t.ctx, { name: 'Déjà Là', email: 'deja@example.org' }, { ip: '10.1.0.3' })
		).resolves.toBeUndefined();
		expect((await lastEmailTo('deja@example.org'))!.subject).toBe('Vous avez déjà un compte');
		expect(
			await t.ctx.db.select().from(joinRequests).where(eq(joinRequests.email, 'deja@example.org'))
		).toHaveLength(0);
	});

	it('refuses bad input with French messages per field', async () => {
		const err = await requestToJoin(
			t.ctx,
			{ name: '', email: 'pas-une-adresse' },
			{ ip: '10.1.0.4' }
		).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fields.name).toMatch(/Indiquez votre nom/);
		expect(err.fields.email).toMatch(/Adresse email invalide/);
	});
});

describe('invitation and reset', () => {
	it('lets coordination invite a member but not an admin', async () => {
		const { actor: coord } = await makeUser(t.ctx, 'coordination');
		await expect(
			invite(t.ctx, coord, { name: 'Ana', email: 'ana@example.org', role: 'admin' })
		).rejects.toThrow(ValidationError);
		await invite(t.ctx, coord, { name: 'Ana', email: 'ana@example.org', role: 'membre' });
		expect((await lastEmailTo('ana@example.org'))!.subject).toMatch(/Invitation/);
		await expect(
			invite(t.ctx, coord, { name: 'Ana', email: 'ana@example.org', role: 'membre' })
		).rejects.toMatchObject({
			fields: { email: 'Un compte existe déjà avec cette adresse.' }
		});
	});

	it('resets a password through a single-use link and closes sessions', async () => {
		await makeUser(t.ctx, 'membre', 'reset@example.org');
		const old = await login(
			t.ctx,
			{ email: 'reset@example.org', password: 'un mot de passe solide' },
			{ ip: '10.2.0.1' }
		);
		await requestPasswordReset(t.ctx, { email: 'reset@example.org' }, { ip: '10.2.0.1' });
		await requestPasswordReset(t.ctx, { email: 'inconnu@example.org' }, { ip: '10.2.0.1' });
		expect(await lastEmailTo('inconnu@example.org')).toBeUndefined();
		const secret = linkIn((await lastEmailTo('reset@example.org'))!.text);
		await usePasswordToken(t.ctx, secret, 'reset', {
			password: 'nouvelle phrase secrète',
			confirm: 'nouvelle phrase secrète'
		});
		expect(await readSession(t.ctx, old.secret)).toBeNull();
		await expect(
			login(
				t.ctx,
				{ email: 'reset@example.org', password: 'nouvelle phrase secrète' },
				{ ip: '10.2.0.1' }
			)
		).resolves.toBeTruthy();
	});

	it('limits reset requests per address', async () => {
		for (let i = 0; i < 3; i++) {
			await requestPasswordReset(t.ctx, { email: 'flood@example.org' }, { ip: `10.3.0.${i}` });
		}
		await expect(
			requestPasswordReset(t.ctx, { email: 'flood@example.org' }, { ip: '10.3.0.9' })
		).rejects.toThrow(RateLimitError);
	});
});

describe('profile and personal data', () => {
	it('updates the profile, exports data, then deletes the account anonymised', async () => {
		const { user, actor } = await makeUser(t.ctx, 'membre', 'profil@example.org');
		const other = await makeUser(t.ctx, 'membre');
		const input = {
			name: 'Camille Roux',
			bio: 'Animatrice',
			emailVisibility: 'public',
			phoneVisibility: 'private',
			timeKind: 'benevole',
			phone: '06 12 34 56 78'
		};
		await expect(updateProfile(t.ctx, other.actor, user.id, input)).rejects.toThrow(ForbiddenError);
		await expect(updateProfile(t.ctx, actor, user.id, { ...input, phone: 'abc' })).rejects.toThrow(
			ValidationError
		);
		await updateProfile(t.ctx, actor, user.id, input);
		const data = await exportMyData(t.ctx, actor);
		expect(data.profile.name).toBe('Camille Roux');
		expect(JSON.stringify(data)).not.toContain('passwordHash');

		await expect(deleteMyAccount(t.ctx, actor, 'mauvais')).rejects.toThrow(ValidationError);
		await deleteMyAccount(t.ctx, actor, 'un mot de passe solide');
		const [row] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
		expect(row).toMatchObject({
			name: 'Compte supprimé',
			email: null,
			phone: null,
			bio: null,
			status: 'deleted'
		});
	});
});
