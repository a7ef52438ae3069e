import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { assertCan, can, grantableRoles, type Actor } from './policy';

const actor = (role: Actor['role'], spaceRoles: Actor['spaceRoles'] = {}): Actor => ({
	userId: `u-${role}`,
	role,
	spaceRoles
});

describe('policy', () => {
	it('refuses administration to visitors and plain members', () => {
		expect(can(null, 'admin.access')).toBe(false);
		expect(can(actor('membre'), 'admin.access')).toBe(false);
		expect(can(actor('copil'), 'admin.access')).toBe(false);
		expect(can(actor('coordination'), 'admin.access')).toBe(true);
	});

	it('keeps the email outbox and audit log to admins', () => {
		expect(can(actor('coordination'), 'emails.read')).toBe(false);
		expect(can(actor('admin'), 'emails.read')).toBe(true);
		expect(can(actor('coordination'), 'audit.read')).toBe(false);
	});

	it('lets a person edit only their own profile, unless admin', () => {
		expect(can(actor('membre'), 'profile.edit', { ownerId: 'u-membre' })).toBe(true);
		expect(can(actor('membre'), 'profile.edit', { ownerId: 'someone' })).toBe(false);
		expect(can(actor('admin'), 'profile.edit', { ownerId: 'someone' })).toBe(true);
		expect(can(null, 'profile.edit', { ownerId: 'someone' })).toBe(false);
	});

	it('supports roles held in one space', () => {
		const referent = actor('membre', { s1: ['referent'] });
		expect(can(referent, 'space.manage', { spaceId: 's1' })).toBe(true);
		expect(can(referent, 'space.manage', { spaceId: 's2' })).toBe(false);
		const member = actor('membre', { s1: ['membre'] });
		expect(can(member, 'space.manage', { spaceId: 's1' })).toBe(false);
		expect(can(member, 'space.read.private', { spaceId: 's1' })).toBe(true);
		expect(can(actor('membre'), 'space.read.private', { spaceId: 's1' })).toBe(false);
	});

	it('keeps the moderation of the cartography to coordination and admins', () => {
		expect(can(null, 'cartographie.moderate')).toBe(false);
		expect(can(actor('membre'), 'cartographie.moderate')).toBe(false);
		expect(can(actor('copil'), 'cartographie.moderate')).toBe(false);
		expect(can(actor('coordination'), 'cartographie.moderate')).toBe(true);
		expect(can(actor('admin'), 'cartographie.moderate')).toBe(true);
	});

	it('gives the moderation of the cartography to people with the moderator role, nothing else', () => {
		const moderator: Actor = { ...actor('membre'), cartoModerator: true };
		expect(can(moderator, 'cartographie.moderate')).toBe(true);
		expect(can({ ...actor('copil'), cartoModerator: true }, 'cartographie.moderate')).toBe(true);
		expect(can({ ...actor('membre'), cartoModerator: false }, 'cartographie.moderate')).toBe(false);
		expect(can(moderator, 'admin.access')).toBe(false);
		expect(can(moderator, 'users.list')).toBe(false);
		expect(can(moderator, 'cartographie.manage')).toBe(false);
	});

	it('keeps the reference lists and the moderator role to coordination and admins', () => {
		expect(can(null, 'cartographie.manage')).toBe(false);
		expect(can(actor('copil'), 'cartographie.manage')).toBe(false);
		expect(can(actor('coordination'), 'cartographie.manage')).toBe(true);
		expect(can(actor('admin'), 'cartographie.manage')).toBe(true);
	});

	it('throws the right error for visitors and members', () => {
		expect(() => assertCan(null, 'users.invite')).toThrow(UnauthenticatedError);
		expect(() => assertCan(actor('membre'), 'users.invite')).toThrow(ForbiddenError);
		expect(() => assertCan(actor('coordination'), 'users.invite')).not.toThrow();
	});

	it('limits which roles can be granted', () => {
		expect(grantableRoles(actor('membre'))).toEqual([]);
		expect(grantableRoles(actor('coordination'))).toEqual(['membre', 'copil']);
		expect(grantableRoles(actor('admin'))).toContain('admin');
	});
});
