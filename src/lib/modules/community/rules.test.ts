import { describe, expect, it } from 'vitest';
import { contactVisible, pageCount, slugify } from './rules';
import type { Actor } from '../../server/auth/policy';

const member: Actor = { userId: 'm', role: 'membre', spaceRoles: {} };

describe('community rules', () => {
	it('shows a contact detail according to the owner’s choice', () => {
		expect(contactVisible('public', null, 'x')).toBe(true);
		expect(contactVisible('members', null, 'x')).toBe(false);
		expect(contactVisible('members', member, 'x')).toBe(true);
		expect(contactVisible('private', member, 'x')).toBe(false);
		expect(contactVisible('private', member, 'm')).toBe(true);
		expect(contactVisible('private', { ...member, role: 'coordination' }, 'x')).toBe(true);
	});

	it('makes readable slugs from French names', () => {
		expect(slugify("Le Labo de l'ESS")).toBe('le-labo-de-l-ess');
		expect(slugify('Fédération nationale des Caisses d’Épargne')).toBe(
			'federation-nationale-des-caisses-d-epargne'
		);
	});

	it('counts pages', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(24)).toBe(1);
		expect(pageCount(25)).toBe(2);
	});
});
