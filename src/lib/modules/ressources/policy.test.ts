import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/auth/policy';
import { canEditResource, canSeeResource } from './policy';

const space = '00000000-0000-4000-8000-000000000001';
const member = (over: Partial<Actor> = {}): Actor => ({
	userId: 'u1',
	role: 'membre',
	spaceRoles: {},
	...over
});

describe('canSeeResource', () => {
	it('shows public resources to visitors, members-only ones to members only', () => {
		expect(canSeeResource(null, { visibility: 'public', spaceIds: [] })).toBe(true);
		expect(canSeeResource(null, { visibility: 'members', spaceIds: [] })).toBe(false);
		expect(canSeeResource(member(), { visibility: 'members', spaceIds: [] })).toBe(true);
	});
	it('shows space resources to that space’s members and to coordination', () => {
		const r = { visibility: 'space' as const, spaceIds: [space] };
		expect(canSeeResource(member(), r)).toBe(false);
		expect(canSeeResource(member({ spaceRoles: { [space]: ['observateur'] } }), r)).toBe(true);
		expect(canSeeResource(member({ role: 'coordination' }), r)).toBe(true);
	});
});

describe('canEditResource', () => {
	const r = { visibility: 'public' as const, spaceIds: [space], createdBy: 'author' };
	it('lets the author, a référent·e of a linked space and coordination edit', () => {
		expect(canEditResource(member({ userId: 'author' }), r)).toBe(true);
		expect(canEditResource(member({ spaceRoles: { [space]: ['referent'] } }), r)).toBe(true);
		expect(canEditResource(member({ role: 'coordination' }), r)).toBe(true);
	});
	it('refuses other members, plain space members and visitors', () => {
		expect(canEditResource(member(), r)).toBe(false);
		expect(canEditResource(member({ spaceRoles: { [space]: ['membre'] } }), r)).toBe(false);
		expect(canEditResource(null, r)).toBe(false);
	});
});
